import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Schema = typeof schema;
/** Both drivers share this type, so the code above the client never knows which engine it runs on. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  /** The PGlite instance in embedded mode (for LISTEN and cloning in tests). */
  pglite?: PGlite;
  /** The postgres.js client in server mode. */
  sql?: postgres.Sql;
  url?: string;
  close: () => Promise<void>;
};

export class DatabaseLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is in use by another process (pid ${pid}). ` +
        `PGlite allows one process per data folder: stop that process, or point DATABASE_URL at a PostgreSQL server.`,
    );
    this.name = "DatabaseLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** An exclusive lock file next to the PGlite data folder; a stale lock (dead pid) is taken over. */
function lockDataDir(dir: string): () => void {
  const lockFile = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
      if (Number.isFinite(pid) && pid !== process.pid && isAlive(pid)) throw new DatabaseLockedError(dir, pid);
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

export async function openPglite(dataDir?: string): Promise<Database> {
  let release = () => {};
  if (dataDir) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    release = lockDataDir(dataDir);
  }
  try {
    const pglite = await PGlite.create(dataDir ?? "memory://", {
      extensions: { vector },
    });
    const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
    return {
      db,
      kind: "pglite",
      pglite,
      close: async () => {
        await pglite.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/**
 * Drizzle runs every query as an unnamed statement, which postgres.js sends in two round trips (parse and describe,
 * then bind and execute). Prepared, a statement is parsed once per connection and then takes one round trip, as
 * postgres.js does by default for its own queries: bench:ingest stored ~10 % more webhooks a second. Poolers in
 * transaction mode without prepared-statement support need `prepare: false` (DATABASE_PREPARE=false).
 */
function preparing<T extends postgres.Sql | postgres.TransactionSql>(client: T): T {
  return new Proxy(client, {
    get(target, key, receiver) {
      if (key === "unsafe") {
        return (query: string, params?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, params, { ...options, prepare: true });
      }
      // Transactions and savepoints run on a client of their own.
      if (key === "begin" || key === "savepoint") {
        return (...args: unknown[]) => {
          const body = args.pop() as (tx: postgres.TransactionSql) => unknown;
          const open = Reflect.get(target, key, receiver) as (...a: unknown[]) => Promise<unknown>;
          return open.call(target, ...args, (tx: postgres.TransactionSql) => body(preparing(tx)));
        };
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

export function openPostgres(url: string, max = 10, { prepare = true }: { prepare?: boolean } = {}): Database {
  const sql = postgres(url, { max, onnotice: () => {} });
  const db = drizzlePostgres({ client: prepare ? preparing(sql) : sql, schema }) as unknown as Db;
  return { db, kind: "postgres", sql, url, close: () => sql.end({ timeout: 5 }) };
}

/** Wraps an existing PGlite (tests clone a migrated template). */
export function fromPglite(pglite: PGlite): Database {
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
  return { db, kind: "pglite", pglite, close: () => pglite.close() };
}

// Next.js bundles instrumentation and routes separately: a module-level singleton would open the
// PGlite folder twice in one process, so the instance lives on globalThis.
const holder = globalThis as unknown as { __evosenseDatabase?: Promise<Database> };

export function setDatabase(database: Database | Promise<Database>): void {
  holder.__evosenseDatabase = Promise.resolve(database);
}

export function getDatabase(): Promise<Database> {
  if (!holder.__evosenseDatabase) {
    const e = env();
    holder.__evosenseDatabase = e.DATABASE_URL
      ? Promise.resolve(openPostgres(e.DATABASE_URL, e.DATABASE_POOL_MAX, { prepare: e.DATABASE_PREPARE }))
      : openPglite(path.join(e.dataDir, "pg"));
    holder.__evosenseDatabase.catch(() => {
      holder.__evosenseDatabase = undefined;
    });
  }
  return holder.__evosenseDatabase;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

export async function closeDatabase(): Promise<void> {
  const current = holder.__evosenseDatabase;
  holder.__evosenseDatabase = undefined;
  if (current) await (await current).close();
}
