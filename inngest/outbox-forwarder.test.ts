import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { outbox } from "@/db/schema";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import { forwardOutbox } from "./outbox-forwarder";
import { enqueueMany } from "../lib/jobs/outbox";

describe("outbox forwarder (production path to Inngest)", () => {
  let database: Database;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => database.close());
  afterAll(dropTestTemplate);

  it("sends pending events with the row id as the event id, then marks them dispatched", async () => {
    const ids = await enqueueMany(database.db, [
      { name: "tenant/created", data: { tenantId: "a" } },
      { name: "message/received", data: { tenantId: "a", messageId: "m" } },
    ]);
    const sent: { id: string; name: string }[] = [];
    expect(await forwardOutbox(database.db, async (events) => sent.push(...events))).toEqual({ sent: 2, failed: 0 });
    expect(sent.map((e) => e.id)).toEqual(ids);
    expect(await forwardOutbox(database.db, async (events) => sent.push(...events))).toEqual({ sent: 0, failed: 0 });
    expect(sent).toHaveLength(2);
  });

  it("keeps events pending with the error when Inngest is unreachable, and sends them later", async () => {
    await enqueueMany(database.db, [{ name: "tenant/created", data: { tenantId: "a" } }]);
    const down = async () => {
      throw new Error("503 from Inngest");
    };
    expect(await forwardOutbox(database.db, down)).toEqual({ sent: 0, failed: 1 });
    const [row] = await database.db.select().from(outbox);
    expect(row).toMatchObject({ dispatchedAt: null, attempts: 1, lastError: "503 from Inngest" });
    expect(await forwardOutbox(database.db, async () => {})).toEqual({ sent: 1, failed: 0 });
  });
});
