import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { pendingMessageEvents } from "@/db/schema";
import type { NormalizedMessage } from "@/lib/evolution/normalize";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import { seedTenants } from "@/test/helpers/seed-tenants";
import { seededIntegers } from "@/test/helpers/shuffle";
import { chatOrder, storeBatch, storeOf, type IngestTarget, type Outcome, type Store } from "./ingest-message";

const target: IngestTarget = {
  tenantId: "7a1c0000-0000-4000-8000-000000000001",
  connectionId: "7a1c0000-0000-4000-8000-000000000002",
  tenantStatus: "active",
  tenantSettings: {},
  timezone: "America/Sao_Paulo",
};
// 2025-10-21 11:00 UTC, 08:00 in São Paulo; the script runs into the next local day.
const T0 = Date.UTC(2025, 9, 21, 11);

const seedTenant = (database: Database) =>
  seedTenants(database.db, [
    { id: target.tenantId, slug: "loja", name: "Loja", connection: { id: target.connectionId } },
  ]);

type Contact = { phone: string; lid: string };
const contacts: Contact[] = Array.from({ length: 6 }, (_, k) => ({
  phone: `55119876500${k}0@s.whatsapp.net`,
  lid: `1876543210${k}@lid`,
}));

function message(
  id: string,
  contact: Contact,
  at: number,
  options: Partial<NormalizedMessage> & { addressedBy?: "phone" | "lid" | "both" } = {},
): NormalizedMessage {
  const { addressedBy = "phone", ...rest } = options;
  return {
    externalId: id,
    fromMe: false,
    chatJid: addressedBy === "lid" ? contact.lid : contact.phone,
    chatAltJid: addressedBy === "both" ? contact.lid : null,
    isGroup: false,
    senderJid: contact.phone,
    senderName: null,
    type: "text",
    text: "Meu pedido não chegou.",
    sentAt: new Date(T0 + at * 1000),
    sentAtReplaced: null,
    status: null,
    reaction: null,
    quotedId: null,
    media: null,
    ...rest,
  };
}

/** In chat order, as storeBatch sends them; a serial run in this order is what the batch must equal. */
function stores(messages: NormalizedMessage[]): Store[] {
  const unordered = messages.map((m) => storeOf(target, m));
  return chatOrder(unordered).map((i) => unordered[i]!);
}

async function serially(db: Db, batch: Store[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const s of batch)
    outcomes.push(rowsOf<Outcome>(await db.execute(sql`select * from ingest_message(${s.payload}::jsonb, false)`))[0]!);
  return outcomes;
}

/** Everything a store writes, keyed by what both databases share (ids are random in each). */
async function snapshot(db: Db, outcomes: Outcome[]) {
  const chats = rowsOf<{ id: string; remote_jid: string }>(
    await db.execute(
      sql`select id, remote_jid, alt_jid, contact_name, last_message_at::text, message_count, active_days, phone_hash, phone_masked from chats order by remote_jid`,
    ),
  );
  const jidOf = new Map(chats.map((c) => [c.id, c.remote_jid]));
  return {
    outcomes: outcomes.map((o) => [o.outcome, o.chat_id ? jidOf.get(o.chat_id) : null, o.message_id !== null]),
    chats: chats.map(({ id: _, ...c }) => c),
    messages: rowsOf(
      await db.execute(sql`select m.external_id, c.remote_jid, m.from_me, m.type, m.text, m.sent_at::text, m.response_seconds, m.analysis_status,
        m.sender_hash from messages m join chats c on c.id = m.chat_id order by m.external_id`),
    ),
    rollups: rowsOf(
      await db.execute(sql`select day, sum(messages_in)::int as messages_in, sum(messages_out)::int as messages_out, jsonb_counts_sum(hours) as hours,
        jsonb_counts_sum(response_buckets) as response_buckets from daily_rollups where emotion = '' group by day order by day`),
    ),
    events: rowsOf(
      await db.execute(
        sql`select m.external_id, o.id from outbox o join messages m on m.id = (o.data->>'messageId')::uuid order by o.id`,
      ),
    ),
  };
}

describe("SQL ingest_batch", () => {
  afterAll(dropTestTemplate);

  it.each([1, 7, 42])(
    "stores a batch exactly as ingest_message would, one message at a time in the same order (seed %i)",
    async (seed) => {
      const integers = seededIntegers(seed);
      // The LCG's high bits: its low bits repeat with short periods.
      const below = (n: number) => Math.floor((integers() / 2 ** 31) * n);
      const pick = <T>(items: T[]) => items[below(items.length)]!;
      const [batched, serial] = await Promise.all([createTestDatabase(), createTestDatabase()]);
      try {
        await Promise.all([seedTenant(batched), seedTenant(serial)]);
        // Contacts 0–3 have a conversation already (1 also under its @lid; 2 and 3 without a name yet); 4 and 5 are new,
        // so the batch creates their chats.
        const history = stores(
          [0, 1, 2, 3].flatMap((k) => [
            message(`H${k}a`, contacts[k]!, 600 * k, {
              addressedBy: k === 1 ? "both" : "phone",
              senderName: k < 2 ? "Ana" : null,
            }),
            message(`H${k}b`, contacts[k]!, 600 * k + 120, { fromMe: true, senderJid: null }),
            message(`H${k}c`, contacts[k]!, 600 * k + 400),
          ]),
        );
        await Promise.all([serially(batched.db, history), serially(serial.db, history)]);
        // A receipt that came before its message: that message is answered pending_events and not stored.
        for (const database of [batched, serial]) {
          await database.db.insert(pendingMessageEvents).values({
            tenantId: target.tenantId,
            connectionId: target.connectionId,
            externalId: "M5",
            kind: "status",
            payload: { status: "READ" },
          });
        }

        const sent: NormalizedMessage[] = [];
        for (let i = 0; i < 48; i++) {
          const k = below(contacts.length);
          if (sent.length > 0 && below(7) === 0) {
            sent.push(pick(sent)); // Evolution delivering a message again
            continue;
          }
          const fromMe = below(5) < 2;
          const reaction = !fromMe && below(10) === 0;
          // Mostly later than the history, some in the middle of it (late deliveries), some on the next local day.
          const at = below(4) === 0 ? below(2_400) : 2_400 + below(3_600) + (below(6) === 0 ? 86_400 : 0);
          sent.push(
            message(`M${i}`, contacts[k]!, at, {
              fromMe,
              senderJid: fromMe ? null : contacts[k]!.phone,
              senderName: fromMe ? null : pick([null, "Bia", "Caio"]),
              addressedBy:
                k === 1
                  ? pick(["phone", "lid", "both"] as const)
                  : k === 2
                    ? pick(["phone", "both"] as const)
                    : "phone",
              ...(reaction
                ? { type: "reaction" as const, text: null, reaction: { targetId: "H0a", emoji: "👍" } }
                : {}),
            }),
          );
        }
        const batches = [stores(sent.slice(0, 30)), stores(sent.slice(30))];

        const batchedOutcomes: Outcome[] = [];
        const serialOutcomes: Outcome[] = [];
        for (const batch of batches) {
          batchedOutcomes.push(...(await storeBatch(batched.db, batch)));
          serialOutcomes.push(...(await serially(serial.db, batch)));
        }

        const expected = await snapshot(serial.db, serialOutcomes);
        expect(await snapshot(batched.db, batchedOutcomes)).toEqual(expected);
        // The script reaches every path it is meant to: existing and new chats, duplicates, the waiting receipt,
        // replies, late deliveries re-timed, two local days.
        const outcomes = expected.outcomes.map(([o]) => o);
        expect(outcomes).toEqual(expect.arrayContaining(["stored", "duplicate"]));
        expect(expected.chats).toHaveLength(6);
        expect(expected.rollups.length).toBeGreaterThan(1);
        expect(
          expected.messages.filter((m) => (m as { response_seconds: number | null }).response_seconds !== null).length,
        ).toBeGreaterThan(3);
        if (sent.some((m) => m.externalId === "M5")) expect(outcomes).toContain("pending_events");
      } finally {
        await Promise.all([batched.close(), serial.close()]);
      }
    },
  );
});
