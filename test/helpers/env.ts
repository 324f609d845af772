import { resetProviderCache } from "@/lib/analysis/providers/resolve";

function setVar(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** Runs with extra environment variables, re-reading the cached env and providers before and after. */
export async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const reset = () => {
    delete (globalThis as { __evosenseEnv?: unknown }).__evosenseEnv;
    resetProviderCache();
  };
  for (const [k, v] of Object.entries(vars)) setVar(k, v);
  reset();
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) setVar(k, v);
    reset();
  }
}
