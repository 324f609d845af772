import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The one environment of EvoSense. Every variable is declared here, with the embedded default that lets
 * `npm start` run the whole product on one machine. `.env.example` mirrors this schema.
 */
const emptyAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyAsUndefined, z.url().optional());
const flag = (fallback: boolean) =>
  z.preprocess(
    (v) =>
      emptyAsUndefined(v) === undefined ? fallback : ["1", "true", "yes", "on"].includes(String(v).toLowerCase()),
    z.boolean(),
  );

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Set by scripts/start.mjs when the user did not ask for production; the server (server/serve.mjs, like `next start`) defaults NODE_ENV to production. */
  EVOSENSE_LAUNCH: z.enum(["embedded", "production"]).optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  APP_URL: optionalUrl,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  DATA_DIR: z.string().default(".data"),
  DATABASE_URL: optionalUrl,
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  DATABASE_PREPARE: flag(true),

  AUTH_SECRET: optionalString,
  ENCRYPTION_KEY: optionalString,
  PHONE_HASH_KEY: optionalString,
  DEMO_DATA: flag(true),

  INNGEST_EVENT_KEY: optionalString,
  INNGEST_SIGNING_KEY: optionalString,
  INNGEST_BASE_URL: optionalUrl,
  INNGEST_DEV: optionalString,
  /** embedded: the in-process runner drains the outbox; inngest: the forwarder sends it to Inngest. */
  JOBS_MODE: z.enum(["embedded", "inngest"]).optional(),

  OPENAI_API_KEY: optionalString,
  AI_BASE_URL: optionalUrl,
  AI_MODEL: optionalString,
  AI_EMBEDDING_MODEL: optionalString,
  N8N_AI_WEBHOOK: optionalUrl,

  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,

  EVOLUTION_GLOBAL_WEBHOOK_SECRET: optionalString,

  /** The largest Evolution webhook body accepted, in bytes (media events carry base64). */
  WEBHOOK_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(32 * 1024 * 1024),
  /** The largest body of any other JSON route, in bytes. */
  JSON_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** Comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed. */
  TRUSTED_PROXIES: optionalString,
  /**
   * Comma-separated host names (optionally `host:port`) that tenant-supplied URLs may reach even when they resolve
   * to private addresses. Unset: none, except embedded, where the Evolution server is on the same machine.
   */
  OUTBOUND_ALLOWED_HOSTS: optionalString,
});

type Secrets = "AUTH_SECRET" | "ENCRYPTION_KEY" | "PHONE_HASH_KEY";

export type Env = Omit<z.infer<typeof envSchema>, Secrets> &
  Record<Secrets, string> & {
    isProduction: boolean;
    jobsMode: "embedded" | "inngest";
    databaseMode: "pglite" | "postgres";
    aiProvider: "local" | "openai" | "openai-compatible" | "n8n";
    stripeEnabled: boolean;
    dataDir: string;
    /** OUTBOUND_ALLOWED_HOSTS as a list, lower-cased; the embedded default when unset. */
    outboundAllowedHosts: string[];
  };

/** One machine runs EvoSense and the Evolution server of the demo and of local tests. */
const EMBEDDED_ALLOWED_HOSTS = "localhost,127.0.0.1,[::1]";

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`EvoSense cannot start with this environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Reads a secret persisted in the data folder, creating it once; embedded mode only. */
function embeddedSecret(dataDir: string, file: string, bytes: number): string {
  const full = path.join(dataDir, file);
  if (existsSync(full)) return readFileSync(full, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const value = randomBytes(bytes).toString("base64");
  writeFileSync(full, value, { mode: 0o600 });
  return value;
}

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  // `next build` runs with NODE_ENV=production but serves nothing; the checks apply when the server starts.
  const building = source.NEXT_PHASE === "phase-production-build";
  const isProduction = e.NODE_ENV === "production" && e.EVOSENSE_LAUNCH !== "embedded" && !building;
  const jobsMode = e.JOBS_MODE ?? (e.INNGEST_EVENT_KEY || e.INNGEST_BASE_URL || e.INNGEST_DEV ? "inngest" : "embedded");
  const dataDir = path.resolve(e.DATA_DIR);

  if (isProduction) {
    const problems: string[] = [];
    if (!e.AUTH_SECRET) problems.push("AUTH_SECRET is missing (generate one with `openssl rand -base64 32`).");
    if (!e.ENCRYPTION_KEY)
      problems.push("ENCRYPTION_KEY is missing: the generated embedded key is refused in production.");
    if (!e.PHONE_HASH_KEY) problems.push("PHONE_HASH_KEY is missing: phone hashes need a stable secret key.");
    if (jobsMode === "embedded")
      problems.push(
        "JOBS_MODE=embedded (or no INNGEST_* variables): the embedded runner is refused in production; set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY.",
      );
    if (e.DEMO_DATA)
      problems.push(
        "DEMO_DATA is on (the default): demo users and the demo webhook secret are refused in production; set DEMO_DATA=false.",
      );
    if (!e.DATABASE_URL) problems.push("DATABASE_URL is missing: the embedded PGlite database is not for production.");
    if (problems.length) throw new EnvError(problems);
  }

  const withSecrets = {
    ...e,
    AUTH_SECRET: e.AUTH_SECRET ?? embeddedSecret(dataDir, "auth-secret", 32),
    ENCRYPTION_KEY: e.ENCRYPTION_KEY ?? embeddedSecret(dataDir, "encryption.key", 32),
    PHONE_HASH_KEY: e.PHONE_HASH_KEY ?? embeddedSecret(dataDir, "phone-hash.key", 32),
  };

  return {
    ...withSecrets,
    isProduction,
    jobsMode,
    dataDir,
    databaseMode: e.DATABASE_URL ? "postgres" : "pglite",
    aiProvider: e.N8N_AI_WEBHOOK ? "n8n" : e.AI_BASE_URL ? "openai-compatible" : e.OPENAI_API_KEY ? "openai" : "local",
    stripeEnabled: Boolean(e.STRIPE_SECRET_KEY),
    outboundAllowedHosts: (e.OUTBOUND_ALLOWED_HOSTS ?? (e.DATABASE_URL ? "" : EMBEDDED_ALLOWED_HOSTS))
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  };
}

const globalEnv = globalThis as unknown as { __evosenseEnv?: Env };

/** The validated environment, parsed once per process. */
export function env(): Env {
  globalEnv.__evosenseEnv ??= parseEnv();
  return globalEnv.__evosenseEnv;
}
