// The e2e run: builds if needed, starts EvoSense in embedded mode on a fresh data folder and a free port,
// runs e2e/*.spec.ts with node's test runner (Playwright driving Debian's Chromium), then stops the server.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureBuild, root, serveScript } from "./build.mjs";

const reportArg = process.argv.find((a) => a.startsWith("--report="));
const report = reportArg?.slice("--report=".length);

const freePort = () =>
  new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

const dataDir = mkdtempSync(path.join(tmpdir(), "evosense-e2e-"));
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const serverEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  EVOSENSE_LAUNCH: "embedded",
  DATA_DIR: dataDir,
  DATABASE_URL: "",
  LOG_LEVEL: "warn",
  APP_URL: baseUrl,
};
await ensureBuild(serverEnv);

const logFile = path.join(root, "test-results", "e2e", "server.log");
mkdirSync(path.dirname(logFile), { recursive: true });
const logChunks = [];
const server = spawn(process.execPath, [serveScript, "-p", String(port), "-H", "127.0.0.1"], {
  cwd: root,
  env: serverEnv,
});
server.stdout.on("data", (d) => logChunks.push(d));
server.stderr.on("data", (d) => logChunks.push(d));

async function waitForHealth(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not become healthy in time");
}

let passed = 0;
let failed = 0;
try {
  await waitForHealth(120_000);
  const specs = readdirSync(path.join(root, "e2e"))
    .filter((f) => f.endsWith(".spec.ts"))
    .map((f) => path.join("e2e", f));
  const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=1", ...specs], {
    cwd: root,
    env: { ...process.env, E2E_BASE_URL: baseUrl },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  passed = Number(/^[ℹ#] pass (\d+)/m.exec(result.stdout)?.[1] ?? 0);
  failed = Number(/^[ℹ#] fail (\d+)/m.exec(result.stdout)?.[1] ?? 0);
  if (result.status !== 0 && failed === 0) failed = 1;
} catch (error) {
  console.error(`e2e: ${error.message}`);
  failed = Math.max(failed, 1);
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  writeFileSync(logFile, Buffer.concat(logChunks));
  rmSync(dataDir, { recursive: true, force: true });
}

if (report) writeFileSync(report, JSON.stringify({ passed, failed }));
console.log(`e2e: ${passed} passed, ${failed} failed (screenshots in test-results/e2e)`);
process.exit(failed ? 1 : 0);
