import { resetProviderCache } from "@/lib/analysis/providers/resolve";

/** Runs with extra environment variables, re-reading the cached env and providers before and after. */
export async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const reset = () => {
    delete (globalThis as { __evosenseEnv?: unknown }).__evosenseEnv;
    resetProviderCache();
  };
  for (const [k, v] of Object.entries(vars)) v === undefined ? delete process.env[k] : (process.env[k] = v);
  reset();
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) v === undefined ? delete process.env[k] : (process.env[k] = v);
    reset();
  }
}
