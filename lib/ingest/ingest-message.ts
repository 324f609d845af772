import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { TenantSettings } from "@/db/schema";
import { env } from "@/lib/env";
import { isPhoneJid, jidDigits } from "@/lib/evolution/jid";
import type { NormalizedMessage } from "@/lib/evolution/normalize";
import { newOutboxId } from "@/lib/jobs/outbox";
import { hashJid, hashPhone, maskPhone } from "@/lib/security/phone";
import { redactPii } from "@/lib/security/pii";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { GroupCommit } from "./group-commit";
import { applyPendingEvents } from "./message-events";
import * as q from "./queries";

export type IngestTarget = {
  tenantId: string;
  connectionId: string;
  tenantStatus: "active" | "suspended" | "canceled";
  tenantSettings: TenantSettings;
  /** Days in the rollups are the tenant's local days. */
  timezone: string;
};

export type IngestResult =
  | {
      messageId: string;
      chatId: string;
      duplicate: false;
    }
  | { duplicate: true };

/** Only customers' words are scored; our own messages, reactions and text-less media are context. */
function analysisStatus(m: NormalizedMessage, target: IngestTarget) {
  if (m.fromMe || m.type === "reaction" || !m.text) return "skipped" as const;
  // A suspended tenant's messages are kept; their analysis waits for reactivation.
  return target.tenantStatus === "active" ? ("pending" as const) : ("deferred" as const);
}

/** What db/functions/ingest_message.sql stores: addresses hashed, text redacted if the tenant asks. */
function ingestPayload(target: IngestTarget, m: NormalizedMessage) {
  const key = env().PHONE_HASH_KEY;
  const phone = !m.isGroup && isPhoneJid(m.chatJid) ? jidDigits(m.chatJid) : null;
  const senderPhone = m.senderJid && isPhoneJid(m.senderJid) ? jidDigits(m.senderJid) : null;
  // Each keyed hash is computed once: in a 1:1 chat the sender's number is the chat's.
  const remoteJid = hashJid(m.chatJid, key);
  const altJid = m.chatAltJid ? hashJid(m.chatAltJid, key) : null;
  const phoneHash = phone ? hashPhone(phone, key) : null;
  const now = Date.now();
  return {
    tenantId: target.tenantId,
    connectionId: target.connectionId,
    timezone: target.timezone,
    jids: altJid ? [remoteJid, altJid] : [remoteJid],
    remoteJid,
    altJid,
    isGroup: m.isGroup,
    contactName: !m.isGroup && !m.fromMe ? m.senderName : null,
    phoneHash,
    phoneMasked: phone ? maskPhone(phone) : null,
    externalId: m.externalId,
    fromMe: m.fromMe,
    senderHash: senderPhone ? (senderPhone === phone ? phoneHash : hashPhone(senderPhone, key)) : null,
    senderName: m.senderName,
    type: m.type,
    text: m.text && target.tenantSettings.storedText === "redacted" ? redactPii(m.text).text : m.text,
    sentAt: m.sentAt.toISOString(),
    deliveryStatus: m.status,
    analysisStatus: analysisStatus(m, target),
    meta: {
      ...(m.media ? { media: m.media } : {}),
      ...(m.quotedId ? { quotedId: m.quotedId } : {}),
      ...(m.reaction ? { reaction: m.reaction } : {}),
      ...(m.sentAtReplaced ? { sentAtReplaced: m.sentAtReplaced } : {}),
    },
    outboxId: newOutboxId(now),
    outboxTs: now,
  };
}

export type Outcome = {
  outcome: "stored" | "duplicate" | "pending_events";
  message_id: string | null;
  chat_id: string | null;
};

/** A payload, and the chat row its store will lock (its connection and address). */
export type Store = { payload: string; chatKey: string };

/** A message's payload for SQL, and the chat it locks. */
export function storeOf(target: IngestTarget, m: NormalizedMessage): Store {
  const fields = ingestPayload(target, m);
  return { payload: JSON.stringify(fields), chatKey: `${fields.connectionId}:${fields.remoteJid}` };
}

/** The stores' indexes in the order a batch writes them: by chat, and by arrival within a chat. */
export function chatOrder(stores: Store[]): number[] {
  return stores
    .map((_, i) => i)
    .sort((a, b) =>
      stores[a]!.chatKey < stores[b]!.chatKey ? -1 : stores[a]!.chatKey > stores[b]!.chatKey ? 1 : a - b,
    );
}

/**
 * The batch through db/functions/ingest_batch.sql: messages of existing chats stored set-based, the rest through
 * ingest_message one at a time. The payloads go in chat order (arrival order within a chat), the order ingest_message
 * locks new chats in, so batches in flight at once do not deadlock on them. The outcomes come back in one value,
 * sent only once the whole batch has succeeded: postgres.js misplaces the rows of the next query on a connection
 * whose previous query failed after sending some (porsager/postgres#1119).
 */
export async function storeBatch(db: Db, stores: Store[]): Promise<Outcome[]> {
  const order = chatOrder(stores);
  const [row] = rowsOf<{ outcomes: [Outcome["outcome"], string | null, string | null][] }>(
    await db.execute(
      sql`select ingest_batch(${`[${order.map((i) => stores[i]!.payload).join(",")}]`}::jsonb) as outcomes`,
    ),
  );
  const outcomes: Outcome[] = new Array(stores.length);
  row!.outcomes.forEach(
    ([outcome, message_id, chat_id], k) => (outcomes[order[k]!] = { outcome, message_id, chat_id }),
  );
  return outcomes;
}

// One writer per database, with two batches in flight: one executes while the other waits for its commit's WAL
// flush, and the next gathers meanwhile (bench:ingest measured one, two and four). Each transaction writes one
// shard of a rollup row (db/functions/rollup_shard.sql), so the two rarely wait on each other's rows.
const writers = new WeakMap<Db, GroupCommit<Store, Outcome>>();

function messageWriter(db: Db): GroupCommit<Store, Outcome> {
  let writer = writers.get(db);
  if (!writer) {
    writer = new GroupCommit((stores) => storeBatch(db, stores), { maxBatch: 64, maxInFlight: 2 });
    writers.set(db, writer);
  }
  return writer;
}

/**
 * Stores one message exactly once: the unique (connection, external id) makes a re-delivery a no-op, and the
 * chat, the message, its rollup counts, its response times and its `message/received` event are written by one
 * call of SQL ingest_message, so none exists without the others. Concurrent messages are group-committed: the
 * caller hears back once the batch holding its message has committed. When edits, deletions, receipts or
 * reactions arrived before the message, it is stored again alone, in a transaction that then applies them in
 * arrival order.
 */
export async function ingestMessage(db: Db, target: IngestTarget, m: NormalizedMessage): Promise<IngestResult> {
  const store = storeOf(target, m);
  const { payload } = store;
  let result = await messageWriter(db).submit(store);
  if (result.outcome === "pending_events") {
    result = await withTenant(
      target.tenantId,
      async (tx) => {
        const [row] = rowsOf<Outcome>(await tx.execute(sql`select * from ingest_message(${payload}::jsonb, true)`));
        if (row!.outcome === "stored") {
          const stored = await q.findMessageByExternalId(tx, target.tenantId, target.connectionId, m.externalId);
          await applyPendingEvents(tx, target, stored!);
        }
        return row!;
      },
      db,
    );
  }
  if (result.outcome !== "stored") return { duplicate: true };
  return { messageId: result.message_id!, chatId: result.chat_id!, duplicate: false };
}

// Messages submitted at once by ingestMessages: enough for full batches, few enough not to hold a long history's
// payloads in memory all together.
const SUBMIT_CHUNK = 256;

/**
 * Stores many messages (history imports) through ingestMessage, submitted a chunk at a time so they are stored in
 * group-committed batches, in the order given.
 */
export async function ingestMessages(
  db: Db,
  target: IngestTarget,
  messages: NormalizedMessage[],
): Promise<{ imported: number; duplicates: number }> {
  let imported = 0;
  let duplicates = 0;
  for (let i = 0; i < messages.length; i += SUBMIT_CHUNK) {
    for (const stored of await Promise.all(
      messages.slice(i, i + SUBMIT_CHUNK).map((m) => ingestMessage(db, target, m)),
    )) {
      if (stored.duplicate) duplicates++;
      else imported++;
    }
  }
  return { imported, duplicates };
}
