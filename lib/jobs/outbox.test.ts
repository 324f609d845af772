import { describe, expect, it } from "vitest";
import { newOutboxId } from "./outbox";

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]{26}$/;

describe("outbox ids", () => {
  it("are ULIDs in order, within a millisecond and across them, with fresh randomness each millisecond", () => {
    // Ahead of any id this process may have made already: the factory never goes back in time.
    const start = Date.now() + 86_400_000;
    // 600 milliseconds draw 9,600 random characters: the pooled source refills twice.
    const ids = Array.from({ length: 600 }, (_, ms) => [newOutboxId(start + ms), newOutboxId(start + ms)]).flat();
    for (const id of ids) expect(id).toMatch(CROCKFORD);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // The random part of each millisecond's first id: no repeats, and every character of the alphabet in use.
    const randomParts = ids.filter((_, i) => i % 2 === 0).map((id) => id.slice(10));
    expect(new Set(randomParts).size).toBe(randomParts.length);
    expect(new Set(randomParts.join("")).size).toBe(32);
  });
});
