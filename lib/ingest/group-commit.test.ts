import { describe, expect, it } from "vitest";
import { GroupCommit } from "./group-commit";

/** A writer whose batches stay open until the test lets them commit. */
function heldWriter(fail: (item: string) => boolean = () => false) {
  const batches: string[][] = [];
  const open: (() => void)[] = [];
  const write = (items: string[]) => {
    batches.push(items);
    return new Promise<string[]>((resolve, reject) => {
      open.push(() =>
        items.some(fail)
          ? reject(new Error(`bad item in ${items.join(",")}`))
          : resolve(items.map((i) => i.toUpperCase())),
      );
    });
  };
  const commitNext = async () => {
    open.shift()!();
    // Let the settled batch hand over to the next one.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { write, batches, commitNext, pending: () => open.length };
}

describe("GroupCommit", () => {
  it("writes a lone item at once, and what arrives meanwhile as the next batch, in order", async () => {
    const w = heldWriter();
    const gc = new GroupCommit(w.write, { maxBatch: 10, maxInFlight: 1 });
    const first = gc.submit("a");
    expect(w.batches).toEqual([["a"]]);
    const rest = ["b", "c", "d"].map((i) => gc.submit(i));
    expect(w.batches).toHaveLength(1);
    await w.commitNext();
    expect(await first).toBe("A");
    expect(w.batches).toEqual([["a"], ["b", "c", "d"]]);
    await w.commitNext();
    expect(await Promise.all(rest)).toEqual(["B", "C", "D"]);
  });

  it("answers no item before its batch has committed", async () => {
    const w = heldWriter();
    const gc = new GroupCommit(w.write, { maxBatch: 10, maxInFlight: 1 });
    let answered = false;
    void gc.submit("a").then(() => (answered = true));
    await Promise.resolve();
    expect(answered).toBe(false);
    await w.commitNext();
    expect(answered).toBe(true);
  });

  it("keeps batches within maxBatch and maxInFlight", async () => {
    const w = heldWriter();
    const gc = new GroupCommit(w.write, { maxBatch: 2, maxInFlight: 2 });
    const all = ["a", "b", "c", "d", "e", "f"].map((i) => gc.submit(i));
    expect(w.batches).toEqual([["a"], ["b"]]);
    await w.commitNext();
    expect(w.batches).toEqual([["a"], ["b"], ["c", "d"]]);
    while (w.pending() > 0) await w.commitNext();
    expect(w.batches.every((b) => b.length <= 2)).toBe(true);
    expect(await Promise.all(all)).toEqual(["A", "B", "C", "D", "E", "F"]);
  });

  it("retries each item of a failed batch alone, so only the bad one fails", async () => {
    const w = heldWriter((item) => item === "bad");
    const gc = new GroupCommit(w.write, { maxBatch: 10, maxInFlight: 1 });
    const first = gc.submit("a");
    const rest = ["b", "bad", "c"].map((i) =>
      gc.submit(i).then(
        (v) => ({ ok: v }),
        (e: Error) => ({ error: e.message }),
      ),
    );
    await w.commitNext();
    await first;
    await w.commitNext(); // the batch [b, bad, c] fails
    while (w.pending() > 0) await w.commitNext();
    expect(await Promise.all(rest)).toEqual([{ ok: "B" }, { error: "bad item in bad" }, { ok: "C" }]);
    expect(w.batches).toEqual([["a"], ["b", "bad", "c"], ["b"], ["bad"], ["c"]]);
  });

  it("fails an item whose batch answers the wrong number of results", async () => {
    const gc = new GroupCommit(async (items: string[]) => items.slice(1), { maxBatch: 10, maxInFlight: 1 });
    await expect(gc.submit("a")).rejects.toThrow("1 items written, 0 results");
  });
});
