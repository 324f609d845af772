// npm run fuzz -- --runs 10000 [--seed N]: the fuzz properties of the test suite (*.fuzz.test.ts) with many more runs.
// Prints each property's figures (bodies, statuses, slowest answer) and exits non-zero on the first counterexample,
// which fast-check prints with the seed and path that replay it.
import { spawnSync } from "node:child_process";
import path from "node:path";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const runs = Number(option("runs", "10000"));
const seed = Number(option("seed", "20261207"));
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error("usage: npm run fuzz -- --runs <positive integer> [--seed <integer>]");
  process.exit(2);
}

const root = path.resolve(import.meta.dirname, "..");
const started = Date.now();
console.log(`fuzz: ${runs} runs per property, seed ${seed}`);
const result = spawnSync(
  process.execPath,
  [path.join(root, "node_modules", "vitest", "vitest.mjs"), "run", "fuzz.test"],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      FUZZ_RUNS: String(runs),
      FUZZ_SEED: String(seed),
      TEST_DATABASE_URL: process.env.TEST_DATABASE_URL ?? "",
    },
  },
);
console.log(`fuzz: exit ${result.status} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(result.status ?? 1);
