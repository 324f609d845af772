import fc from "fast-check";

/** Runs per property: small in `npm test`, large with `npm run fuzz -- --runs N`. The seed makes a failure replayable. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 150);
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261207);
export const fuzzParameters = { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, endOnFailure: true } as const;

/** Strings PostgreSQL or JavaScript trip on: NUL, lone surrogates, very long runs. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", " ", "@", ".", "9", "\u0000", "\ud800", "\udc00", "😀", "ç"), maxLength: 30 }),
  fc.constantFrom("\u0000", "\ud83d", "k".repeat(70_000), "X".repeat(300), ""),
);

/** Values a buggy or hostile sender puts where a field should be. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\ud800",
    "x\udfffy",
    "",
    " ",
    "@".repeat(5000),
    "k".repeat(70_000),
    "X".repeat(300),
    "{}",
    "null",
    "\\u0000",
  ),
  fc.constantFrom(1e20, 1e30, -1, 0, -86_400, 32_503_680_000, Number.MAX_SAFE_INTEGER, 1.5, -0),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom({ low: 1, high: 2 }, { low: -1, high: 2 ** 31 }, { low: "x" }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 5 }),
);

type Json = Record<string, unknown> | unknown[];

/** Every path into a JSON value, objects and arrays included, so a mutation can hit any level. */
export function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object") return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}

export type Mutation = { path: number; op: "set" | "delete" | "wrap"; value: unknown };

export const mutations = fc.array(
  fc.record({
    path: fc.nat(),
    op: fc.constantFrom("set", "set", "delete", "wrap"),
    value: hostileValue,
  }) as fc.Arbitrary<Mutation>,
  { minLength: 1, maxLength: 4 },
);

/** The body with each mutation applied at one of its paths (the root is replaced only by "set"). */
export function mutate(body: unknown, changes: Mutation[]): unknown {
  let root = structuredClone(body);
  for (let change of changes) {
    const paths = pathsOf(root);
    const path = paths[change.path % paths.length]!;
    // Constants are shared between runs and places: each placement gets its own copy, or a later change could nest a
    // value inside itself.
    change = { ...change, value: structuredClone(change.value) };
    if (path.length === 0) {
      root = change.op === "set" ? change.value : change.op === "wrap" ? [root] : {};
      continue;
    }
    let parent = root as Json;
    for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key] as Json;
    const last = path[path.length - 1]!;
    const holder = parent as Record<string | number, unknown>;
    if (change.op === "delete") {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete holder[last];
    } else holder[last] = change.op === "wrap" ? [holder[last]] : change.value;
  }
  return root;
}

/** Raw texts that are not a JSON body at all, or only nearly one. */
export const rawText = (valid: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    fc.tuple(fc.constantFrom(...valid), fc.nat()).map(([text, cut]) => text.slice(0, cut % (text.length + 1))),
    fc
      .integer({ min: 65, max: 120_000 })
      .map(
        (depth) =>
          `{"event":"messages.upsert","instance":"loja-centro","data":${"[".repeat(depth)}${"]".repeat(depth)}}`,
      ),
    fc.integer({ min: 1, max: 200_000 }).map((depth) => '{"a":'.repeat(depth)),
  );

/** Fields ingest reads, where a hostile value is most likely to reach SQL; set only where the body has the parent. */
export const WEBHOOK_FIELDS = [
  "data.message.conversation",
  "data.message.extendedTextMessage.text",
  "data.message.imageMessage.caption",
  "data.pushName",
  "data.key.id",
  "data.key.remoteJid",
  "data.key.participant",
  "data.messageTimestamp",
  "data.timestampMs",
  "data.editedMessage.conversation",
  "data.keyId",
  "data.status",
  "data.state",
  "data.wuid",
  "instance",
  "event",
] as const;

export const fieldChanges = fc.array(
  fc.record({
    field: fc.constantFrom(...WEBHOOK_FIELDS),
    value: fc.oneof({ weight: 3, arbitrary: hostileString }, { weight: 1, arbitrary: hostileValue }),
  }),
  { maxLength: 3 },
);

export function setFields(body: unknown, changes: { field: string; value: unknown }[]): unknown {
  for (const { field, value } of changes) {
    const keys = field.split(".");
    let parent = body as Record<string, unknown> | null;
    for (const key of keys.slice(0, -1))
      parent = parent && typeof parent === "object" ? (parent[key] as Record<string, unknown> | null) : null;
    if (parent && typeof parent === "object" && !Array.isArray(parent))
      parent[keys[keys.length - 1]!] = structuredClone(value);
  }
  return body;
}
