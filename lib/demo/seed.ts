import { count, sql } from "drizzle-orm";
import { DEMO_API_KEY, hashApiKey, keyPrefix } from "@/lib/api-keys/keys";
import { ensureDefaultPromptVersion } from "@/lib/analysis/prompt-versions";
import { env } from "@/lib/env";
import { enqueueMany } from "@/lib/jobs/outbox";
import { decryptSecret, encryptSecret } from "@/lib/security/crypto";
import { hashPassword } from "@/lib/security/password";
import { hashJid, hashPhone, maskPhone } from "@/lib/security/phone";
import { rebuildRollups } from "@/lib/rollups/rebuild";
import { DEFAULT_PLANS } from "@/lib/tenancy/plans";
import type { Db, Tx } from "../../db/client";
import { clinicaVidaConversations, lojaCentroConversations, type DemoConversation } from "./conversations";
import { apiKeys, chats, connections, messages, plans, tenants, users, type PlanLimits } from "../../db/schema";

export const DEMO_PASSWORD = "evosense-demo";
export const DEMO_WEBHOOK_SECRET = "demo-webhook-secret";
export const DEMO_EMAIL_DOMAINS = ["evosense.local", "lojacentro.local", "clinicavida.local"];

const DAY_MS = 24 * 60 * 60 * 1000;

/** The plan catalogue exists on every install, demo or not. */
export async function ensurePlans(db: Db | Tx): Promise<void> {
  await db.insert(plans).values(DEFAULT_PLANS).onConflictDoNothing();
}

/** What every install needs beside the schema: the plan catalogue and the default prompt version. */
export async function ensureReferenceData(db: Db | Tx): Promise<void> {
  await ensurePlans(db);
  await ensureDefaultPromptVersion(db);
}

/** mulberry32: a small deterministic PRNG, so the demo data (and tests over it) are reproducible. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type DemoTenant = {
  name: string;
  slug: string;
  planCode: "pro" | "starter";
  ownJid: string;
  users: { email: string; name: string; role: "admin" | "viewer" }[];
  conversations: DemoConversation[];
};

const DEMO_TENANTS: DemoTenant[] = [
  {
    name: "Loja Centro",
    slug: "loja-centro",
    planCode: "pro",
    ownJid: "5511912345678@s.whatsapp.net",
    users: [
      { email: "admin@lojacentro.local", name: "Ana Paula (Loja Centro)", role: "admin" },
      { email: "viewer@lojacentro.local", name: "Bruno (Loja Centro)", role: "viewer" },
    ],
    conversations: lojaCentroConversations,
  },
  {
    name: "Clínica Vida",
    slug: "clinica-vida",
    planCode: "starter",
    ownJid: "5511923456789@s.whatsapp.net",
    users: [{ email: "admin@clinicavida.local", name: "Dra. Carla (Clínica Vida)", role: "admin" }],
    conversations: clinicaVidaConversations,
  },
];

async function seedTenant(
  tx: Tx,
  spec: DemoTenant,
  limits: PlanLimits,
  passwordHash: string,
  now: Date,
  random: () => number,
) {
  const [tenant] = await tx
    .insert(tenants)
    .values({
      name: spec.name,
      slug: spec.slug,
      planCode: spec.planCode,
      planLimits: limits,
      settings: {
        storedText: "raw",
        analysisConcurrency: 5,
        disconnectAlertThreshold: 3,
        initializedAt: now.toISOString(),
      },
    })
    .returning();
  await tx.insert(users).values(spec.users.map((u) => ({ ...u, tenantId: tenant!.id, passwordHash })));
  const [connection] = await tx
    .insert(connections)
    .values({
      tenantId: tenant!.id,
      name: `WhatsApp ${spec.name}`,
      instanceName: spec.slug,
      evolutionBaseUrl: "http://localhost:8080",
      instanceTokenEnc: encryptSecret(`demo-token-${spec.slug}`),
      webhookSecretEnc: encryptSecret(DEMO_WEBHOOK_SECRET),
      state: "open",
      stateChangedAt: now,
      ownJid: spec.ownJid,
    })
    .returning();

  const phoneKey = env().PHONE_HASH_KEY;
  const pending: { name: string; data: Record<string, unknown>; tenantId: string }[] = [];
  for (const [index, conversation] of spec.conversations.entries()) {
    // Conversations start anywhere in the last 30 days, during business hours in São Paulo (UTC-3).
    const daysAgo = 0.2 + random() * 29.5;
    const start = new Date(now.getTime() - daysAgo * DAY_MS);
    start.setUTCHours(11 + Math.floor(random() * 10), Math.floor(random() * 60), 0, 0);
    let at = Math.max(Math.min(start.getTime(), now.getTime() - 60 * 60 * 1000), now.getTime() - 29.8 * DAY_MS);
    const rows = conversation.turns.map((turn, n) => {
      at += (n === 0 ? 0 : 1 + random() * (turn.startsWith("s|") ? 25 : 90)) * 60 * 1000;
      const fromMe = turn.startsWith("s|");
      return { fromMe, text: turn.slice(2), sentAt: new Date(Math.min(at, now.getTime() - 60 * 1000)), n };
    });
    const [chat] = await tx
      .insert(chats)
      .values({
        tenantId: tenant!.id,
        connectionId: connection!.id,
        remoteJid: hashJid(`${conversation.phone}@s.whatsapp.net`, phoneKey),
        contactName: conversation.name,
        phoneHash: hashPhone(conversation.phone, phoneKey),
        phoneMasked: maskPhone(conversation.phone),
        lastMessageAt: rows.at(-1)!.sentAt,
        messageCount: rows.length,
      })
      .returning();
    const inserted = await tx
      .insert(messages)
      .values(
        rows.map((r) => ({
          tenantId: tenant!.id,
          connectionId: connection!.id,
          chatId: chat!.id,
          externalId: `DEMO${spec.slug.toUpperCase().replace(/-/g, "")}${String(index).padStart(3, "0")}${String(r.n).padStart(2, "0")}`,
          fromMe: r.fromMe,
          senderHash: r.fromMe ? null : hashPhone(conversation.phone, phoneKey),
          senderName: r.fromMe ? spec.name : conversation.name,
          type: "text",
          text: r.text,
          sentAt: r.sentAt,
          // Outgoing messages give context and response times; only customers' messages are scored.
          analysisStatus: r.fromMe ? ("skipped" as const) : ("pending" as const),
        })),
      )
      .returning({ id: messages.id, fromMe: messages.fromMe });
    for (const m of inserted) {
      if (!m.fromMe)
        pending.push({
          name: "message/received",
          data: { tenantId: tenant!.id, messageId: m.id },
          tenantId: tenant!.id,
        });
    }
  }
  await enqueueMany(tx, pending);
  return { tenant: tenant!, messages: spec.conversations.reduce((n, c) => n + c.turns.length, 0) };
}

/**
 * Demo data for an empty embedded install: a super-admin, two tenants with users and a connection each, and
 * conversations over the last 30 days. Customer messages are left for the real analyser (an outbox event
 * each); nothing here invents a score. Does nothing once any tenant exists.
 */
export async function seedDemoData(
  db: Db,
  opts: { now?: Date; log?: (line: string) => void } = {},
): Promise<{ created: boolean }> {
  const now = opts.now ?? new Date();
  await ensureReferenceData(db);
  const created = await db.transaction(async (tx) => {
    // Serialises concurrent seeders on PostgreSQL; PGlite has one connection anyway.
    await tx.execute(sql`select pg_advisory_xact_lock(7302418)`);
    const [{ n }] = (await tx.select({ n: count() }).from(tenants)) as [{ n: number }];
    if (n > 0) return false;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await tx.insert(users).values({
      email: "admin@evosense.local",
      name: "Super Admin",
      role: "super_admin",
      tenantId: null,
      passwordHash,
    });
    const random = prng(20261122);
    for (const spec of DEMO_TENANTS) {
      const limits = DEFAULT_PLANS.find((p) => p.code === spec.planCode)!.limits;
      const { tenant } = await seedTenant(tx, spec, limits, passwordHash, now, random);
      if (spec.slug === "loja-centro") {
        await tx.insert(apiKeys).values({
          tenantId: tenant.id,
          name: "Demo",
          prefix: keyPrefix(DEMO_API_KEY),
          keyHash: hashApiKey(DEMO_API_KEY),
        });
      }
    }
    return true;
  });
  // The demo rows were inserted directly, not through ingest: their volume counters come from a rebuild.
  if (created) await rebuildRollups(db);
  if (created && opts.log) {
    opts.log(
      [
        "",
        "──────────────── EvoSense demo ────────────────",
        `  super-admin  admin@evosense.local`,
        `  Loja Centro  admin@lojacentro.local (admin), viewer@lojacentro.local (viewer)`,
        `  Clínica Vida admin@clinicavida.local (admin)`,
        `  password     ${DEMO_PASSWORD}`,
        `  webhook      instances loja-centro, clinica-vida · secret ${DEMO_WEBHOOK_SECRET}`,
        `  API key      ${DEMO_API_KEY} (Loja Centro)`,
        "────────────────────────────────────────────────",
        "",
      ].join("\n"),
    );
  }
  return { created };
}

/** Production must never run with the demo logins or the demo webhook secret. */
export async function assertNoDemoInProduction(db: Db): Promise<void> {
  if (!env().isProduction) return;
  const demoUsers = await db
    .select({ email: users.email })
    .from(users)
    .where(sql`split_part(lower(${users.email}), '@', 2) in ${DEMO_EMAIL_DOMAINS}`);
  const problems = demoUsers.map((u) => `demo user ${u.email} exists`);
  const [demoKey] = await db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(sql`${apiKeys.keyHash} = ${hashApiKey(DEMO_API_KEY)} and ${apiKeys.revokedAt} is null`);
  if (demoKey) problems.push("the demo API key evo_demo_lojacentro is active");
  for (const c of await db
    .select({ instance: connections.instanceName, secret: connections.webhookSecretEnc })
    .from(connections)) {
    try {
      if (decryptSecret(c.secret) === DEMO_WEBHOOK_SECRET)
        problems.push(`connection ${c.instance} uses the demo webhook secret`);
    } catch {
      // A secret encrypted with another key cannot be the demo one we wrote.
    }
  }
  if (problems.length) {
    throw new Error(
      `Refusing to start in production with demo data:\n  - ${problems.join("\n  - ")}\nRemove them or use a fresh database.`,
    );
  }
}
