import { DrizzleQueryError } from "drizzle-orm";

type Coded = {
  code?: unknown;
  errno?: unknown;
  routine?: unknown;
  table_name?: unknown;
  constraint_name?: unknown;
  table?: unknown;
  constraint?: unknown;
};

/** The error and its causes, outermost first (drizzle wraps the driver's error; a few levels at most). */
function* chain(error: unknown): Generator<unknown> {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) yield e;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** The SQLSTATE of a database error, from postgres.js or PGlite, however deeply wrapped. */
export function sqlState(error: unknown): string | null {
  for (const e of chain(error)) {
    const code = (e as Coded).code;
    if (typeof code === "string" && SQLSTATE.test(code)) return code;
  }
  return null;
}

// Faults that pass: the connection (08), a rolled-back transaction — serialization failure, deadlock (40),
// resources (53), the server shutting down or starting (57P01–57P03), a lock timeout (55P03), I/O (58).
const RETRYABLE_CLASSES = ["08", "40", "53", "58"];
const RETRYABLE_STATES = new Set(["57P01", "57P02", "57P03", "55P03"]);
// The driver's own names for a lost or unreachable server (postgres.js and Node's sockets).
const RETRYABLE_DRIVER_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "ENOTFOUND",
]);

/**
 * Whether the same request could succeed later. A data error (22xxx), a constraint (23xxx) or a bug fails the same way
 * on every retry, so a sender told to retry it would retry forever.
 */
export function isRetryableFault(error: unknown): boolean {
  const state = sqlState(error);
  if (state) return RETRYABLE_CLASSES.includes(state.slice(0, 2)) || RETRYABLE_STATES.has(state);
  for (const e of chain(error)) {
    const code = (e as Coded).code;
    if (typeof code === "string" && RETRYABLE_DRIVER_CODES.has(code)) return true;
  }
  return false;
}

/** The statement's first words up to its first value: SQL text carries parameters as $n, never the values. */
function statementName(query: string): string {
  const call = /^\s*select\s+([a-z_][a-z0-9_]*)\s*\(/i.exec(query);
  if (call) return call[1]!;
  const compact = query.replace(/\s+/g, " ").trim();
  const table = /^(insert into|update|delete from|select .{0,200}? from)\s+("?[a-z_][a-z0-9_."]*)/i.exec(compact);
  return table ? `${table[1]!.split(" ")[0]!.toLowerCase()} ${table[2]!.replaceAll('"', "")}` : compact.slice(0, 60);
}

export type LoggedError = {
  type: string;
  message?: string;
  code?: string;
  statement?: string;
  table?: string;
  constraint?: string;
  routine?: string;
};

/**
 * An error as a log line may carry it. A database error's message, detail and the query's parameters can hold message
 * text, names and numbers (drizzle puts every parameter in its message and stack), so only its statement, SQLSTATE and
 * the names of what failed are kept. Other errors keep their message, which the code wrote.
 */
export function errorForLog(error: unknown): LoggedError {
  const state = sqlState(error);
  const query = [...chain(error)].find((e): e is DrizzleQueryError => e instanceof DrizzleQueryError);
  if (state || query) {
    const coded = [...chain(error)].find((e) => typeof (e as Coded).code === "string") as Coded | undefined;
    const name = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : undefined);
    return {
      type: "database",
      ...(state ? { code: state } : {}),
      ...(query ? { statement: statementName(query.query) } : {}),
      ...(name(coded?.table_name ?? coded?.table) ? { table: name(coded?.table_name ?? coded?.table) } : {}),
      ...(name(coded?.constraint_name ?? coded?.constraint)
        ? { constraint: name(coded?.constraint_name ?? coded?.constraint) }
        : {}),
      ...(name(coded?.routine) ? { routine: name(coded?.routine) } : {}),
    };
  }
  if (error instanceof Error) {
    const code = (error as Coded).code;
    return { type: error.name, message: error.message.slice(0, 500), ...(typeof code === "string" ? { code } : {}) };
  }
  return { type: typeof error };
}
