import { sql, type SQL } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  vector,
} from "drizzle-orm/pg-core";
import { tenantIsolation } from "./roles";
import { tenants } from "./tenancy";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export type ImportProgress = {
  source: "evolution" | "whatsapp-export";
  page: number;
  pages: number | null;
  imported: number;
  duplicates: number;
  startedAt: string;
  finishedAt?: string;
  /** The detail for operators; `errorCode` is what the tenant is told. */
  error?: string;
  errorCode?:
    "evolution_rejected" | "evolution_not_found" | "evolution_unreachable" | "outbound_url_refused" | "unknown";
};

export const connectionState = pgEnum("connection_state", ["created", "connecting", "open", "close", "logged_out"]);
export const analysisStatus = pgEnum("analysis_status", [
  "pending",
  "deferred",
  "processing",
  "done",
  "failed",
  "skipped",
]);

export const connections = pgTable(
  "connections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Evolution's instance name; webhooks name the instance, so it identifies the tenant across the platform. */
    instanceName: text("instance_name").notNull(),
    evolutionBaseUrl: text("evolution_base_url").notNull(),
    /** AES-256-GCM ciphertext (lib/security/crypto). */
    instanceTokenEnc: text("instance_token_enc").notNull(),
    webhookSecretEnc: text("webhook_secret_enc").notNull(),
    state: connectionState("state").notNull().default("created"),
    stateReason: text("state_reason"),
    stateChangedAt: timestamp("state_changed_at", { withTimezone: true }),
    ownJid: text("own_jid"),
    qrCode: text("qr_code"),
    qrUpdatedAt: timestamp("qr_updated_at", { withTimezone: true }),
    /** History import: only messages newer than the watermark are fetched on the next run. */
    historyWatermark: timestamp("history_watermark", { withTimezone: true }),
    importStatus: text("import_status").notNull().default("idle"),
    importProgress: jsonb("import_progress").$type<ImportProgress>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("connections_instance_name_key").on(t.instanceName),
    index("connections_tenant_idx").on(t.tenantId),
    tenantIsolation("connections", t.tenantId),
  ],
).enableRLS();

export const chats = pgTable(
  "chats",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    /** Keyed hash of the chat's JID (lib/security/phone hashJid): phone JIDs contain the number. */
    remoteJid: text("remote_jid").notNull(),
    /** Hash of the other addressing of the same chat (@lid vs phone), so both resolve to one identity. */
    altJid: text("alt_jid"),
    isGroup: boolean("is_group").notNull().default(false),
    contactName: text("contact_name"),
    phoneHash: text("phone_hash"),
    phoneMasked: text("phone_masked"),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }),
    messageCount: integer("message_count").notNull().default(0),
    /**
     * Local days (days since 2000-01-01 in the tenant's timezone) with a message that is not deleted, sorted; and
     * emotion-days of its analysed ones, coded (position of the emotion in lib/scores EMOTIONS, from 1)
     * × 100000 + day. A period's conversations are chats whose days overlap it, counted without reading messages
     * (SQL refresh_chat_day keeps them; lib/rollups/chat-days codes them).
     */
    activeDays: integer("active_days")
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    emotionDays: integer("emotion_days")
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    /** Analysis rollup of the customer's messages: conversation lists and flags read these, not the messages. */
    analyzedCount: integer("analyzed_count").notNull().default(0),
    negativeCount: integer("negative_count").notNull().default(0),
    sentimentSum: real("sentiment_sum").notNull().default(0),
    satisfactionSum: integer("satisfaction_sum").notNull().default(0),
    firstSentiment: real("first_sentiment"),
    firstSentimentAt: timestamp("first_sentiment_at", { withTimezone: true }),
    lastSentiment: real("last_sentiment"),
    lastSentimentAt: timestamp("last_sentiment_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("chats_connection_jid_key").on(t.connectionId, t.remoteJid),
    // Ingest finds a chat by either of its addresses.
    index("chats_connection_alt_jid_idx").on(t.connectionId, t.altJid),
    index("chats_tenant_last_idx").on(t.tenantId, t.lastMessageAt),
    // A period's conversations, with or without an emotion: array overlap, answered from the index.
    index("chats_active_days_idx").using("gin", t.activeDays),
    index("chats_emotion_days_idx").using("gin", t.emotionDays),
    tenantIsolation("chats", t.tenantId),
  ],
).enableRLS();

export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    chatId: uuid("chat_id")
      .notNull()
      .references(() => chats.id, { onDelete: "cascade" }),
    /** WhatsApp's key.id: unique per connection, the idempotency key of ingest. */
    externalId: text("external_id").notNull(),
    fromMe: boolean("from_me").notNull(),
    senderHash: text("sender_hash"),
    senderName: text("sender_name"),
    type: text("type").notNull(),
    text: text("text"),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
    deliveryStatus: text("delivery_status"),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    analysisStatus: analysisStatus("analysis_status").notNull().default("pending"),
    analysisError: text("analysis_error"),
    sentiment: real("sentiment"),
    emotion: text("emotion"),
    satisfaction: smallint("satisfaction"),
    tone: text("tone"),
    summary: text("summary"),
    confidence: real("confidence"),
    rationale: text("rationale"),
    language: text("language"),
    /** The champion inference these scores came from. */
    inferenceId: uuid("inference_id"),
    promptVersionId: uuid("prompt_version_id"),
    analyzedAt: timestamp("analyzed_at", { withTimezone: true }),
    /**
     * On a business reply that ends a customer turn: seconds since the turn's first customer message. Maintained
     * for the few replies a stored or deleted message can affect (lib/rollups/response-times.ts).
     */
    responseSeconds: integer("response_seconds"),
    embedding: vector("embedding", { dimensions: 768 }),
    embeddingModel: text("embedding_model"),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL => sql`to_tsvector('portuguese'::regconfig, coalesce(${messages.text}, ''))`,
    ),
    meta: jsonb("meta").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("messages_connection_external_key").on(t.connectionId, t.externalId),
    index("messages_tenant_sent_idx").on(t.tenantId, t.sentAt),
    index("messages_chat_sent_idx").on(t.chatId, t.sentAt),
    index("messages_search_idx").using("gin", t.search),
    index("messages_embedding_hnsw").using("hnsw", t.embedding.op("vector_cosine_ops")),
    // The recovery sweep and the failures list read only the few messages not yet analysed (deferred ones
    // included: the sweep re-queues those a reactivated tenant kept after its re-queue ran).
    index("messages_analysis_open_idx")
      .on(t.createdAt)
      .where(sql`analysis_status in ('pending', 'processing', 'failed', 'deferred')`),
    tenantIsolation("messages", t.tenantId),
  ],
).enableRLS();

/** Per tenant, connection and local day: the counters dashboards read instead of scanning messages. */
export const dailyRollups = pgTable(
  "daily_rollups",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    day: text("day").notNull(),
    /**
     * '' for what every message counts (volume, hours, response times); an emotion for the scores of the messages
     * analysed with it, so the dashboard can be filtered by emotion from rollups alone.
     */
    emotion: text("emotion").notNull().default(""),
    /**
     * Every message updates its day's row, so concurrent writers would queue on that one row, each holding its
     * lock through its commit's WAL flush: writers spread over 8 shards (SQL rollup_shard), readers sum them, and
     * the daily job-maintenance folds past days back into shard 0 (SQL compact_daily_rollups).
     */
    shard: smallint("shard").notNull().default(0),
    messagesIn: integer("messages_in").notNull().default(0),
    messagesOut: integer("messages_out").notNull().default(0),
    analyzed: integer("analyzed").notNull().default(0),
    positive: integer("positive").notNull().default(0),
    neutral: integer("neutral").notNull().default(0),
    negative: integer("negative").notNull().default(0),
    sentimentSum: real("sentiment_sum").notNull().default(0),
    satisfactionSum: integer("satisfaction_sum").notNull().default(0),
    satisfactionCount: integer("satisfaction_count").notNull().default(0),
    emotions: jsonb("emotions").$type<Record<string, number>>().notNull().default({}),
    tones: jsonb("tones").$type<Record<string, number>>().notNull().default({}),
    /** Satisfaction histogram in buckets of 10 ("0".."9"), for the distribution chart. */
    satisfactionBuckets: jsonb("satisfaction_buckets").$type<Record<string, number>>().notNull().default({}),
    /** Customer messages by local hour ("0".."23"), for the day × hour heatmap. */
    hours: jsonb("hours").$type<Record<string, number>>().notNull().default({}),
    /** Seconds from acceptance to analysis, log2 buckets, so p95 latency comes from rollups. */
    latencyBuckets: jsonb("latency_buckets").$type<Record<string, number>>().notNull().default({}),
    /** Business replies by response time, quarter-octave buckets of seconds (SQL response_bucket), for the median. */
    responseBuckets: jsonb("response_buckets").$type<Record<string, number>>().notNull().default({}),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("daily_rollups_key").on(t.tenantId, t.connectionId, t.day, t.emotion, t.shard),
    tenantIsolation("daily_rollups", t.tenantId),
  ],
).enableRLS();
