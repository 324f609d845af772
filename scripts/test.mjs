// npm test: lint (types, ESLint with the import walls, Prettier), unit + integration on PGlite, the integration suite again on native PostgreSQL when
// TEST_DATABASE_URL is set, then the Playwright e2e run in Chromium. Ends with one summary line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { findChromium } from "./chromium.mjs";

const root = path.resolve(import.meta.dirname, "..");
const reports = path.join(root, ".data", "test-reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

function run(label, command, args, env) {
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`=== ${label}: exit ${result.status} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (result.status !== 0) exitCode = 1;
  return result.status;
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}

const vitest = path.join(root, "node_modules", "vitest", "vitest.mjs");
const { TEST_DATABASE_URL, ...envWithoutPg } = process.env;

// The walls of the house hold only if a broken one fails the run; lint goes first because it is the quickest.
if (run("lint", "npm", ["run", "--silent", "lint"], {}) !== 0) totals.failed += 1;

const pgliteReport = path.join(reports, "vitest-pglite.json");
run(
  "unit + integration (PGlite)",
  process.execPath,
  [vitest, "run", "--reporter=default", "--reporter=json", `--outputFile=${pgliteReport}`],
  {
    ...envWithoutPg,
    TEST_DATABASE_URL: "",
  },
);
countVitest(pgliteReport);

if (TEST_DATABASE_URL) {
  const pgReport = path.join(reports, "vitest-postgres.json");
  run(
    "integration (native PostgreSQL)",
    process.execPath,
    [vitest, "run", "--reporter=default", "--reporter=json", `--outputFile=${pgReport}`],
    {
      TEST_DATABASE_URL,
    },
  );
  countVitest(pgReport);
} else {
  console.log("\n(native PostgreSQL suite skipped: set TEST_DATABASE_URL=postgres://… to run it)");
}

const chromium = findChromium();
if (!chromium) {
  const hint = "apt-get update && apt-get install -y chromium";
  if (process.env.REQUIRE_E2E === "1") {
    console.error(`\ne2e: FAILED — no Chromium found and REQUIRE_E2E=1. Install it with: ${hint}`);
    exitCode = 1;
    totals.failed += 1;
  } else {
    console.log(`\ne2e: skipped — no Chromium found. Install it with: ${hint}`);
    totals.skipped += 1;
  }
} else {
  const e2eReport = path.join(reports, "e2e.json");
  run(
    "e2e (Playwright + Chromium)",
    process.execPath,
    [path.join(root, "scripts", "e2e.mjs"), `--report=${e2eReport}`],
    {
      CHROMIUM_PATH: chromium,
    },
  );
  if (existsSync(e2eReport)) {
    const e2e = JSON.parse(readFileSync(e2eReport, "utf8"));
    totals.passed += e2e.passed;
    totals.failed += e2e.failed;
  } else {
    totals.failed += 1;
  }
}

console.log(`\ntotal: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode || (totals.failed > 0 ? 1 : 0));
