import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");
export const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
/** The production HTTP server (Next.js plus the direct webhook endpoint): `node serveScript -p PORT [-H HOST]`. */
export const serveScript = path.join(root, "server", "serve.mjs");
const SOURCES = [
  "app",
  "components",
  "lib",
  "db",
  "inngest",
  "server",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "package.json",
];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(p)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

const seconds = (ms) => `${Math.round(ms / 1000)} s`;
/** After this long without output from the build, a line says it is still working. */
const QUIET_MS = 30_000;

/**
 * Runs `next build` when there is no build or a source is newer than it, and exits on failure. Each line of the
 * build's output carries the time since it began, and a quiet spell (the compiler prints nothing for minutes on a
 * small machine) is answered by a line saying it is still working, so a first start never looks hung.
 */
export async function ensureBuild(env) {
  const buildId = path.join(root, env.NEXT_DIST_DIR || process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  const stale =
    !existsSync(buildId) || SOURCES.some((s) => newestMtime(path.join(root, s)) > statSync(buildId).mtimeMs);
  if (!stale) return;
  const started = Date.now();
  console.log("Building EvoSense (first start or sources changed); this takes a few minutes on a small machine…");
  const build = spawn(process.execPath, [nextBin, "build"], { cwd: root, stdio: ["ignore", "pipe", "pipe"], env });
  let lastOutput = Date.now();
  const quiet = setInterval(() => {
    if (Date.now() - lastOutput < QUIET_MS) return;
    lastOutput = Date.now();
    console.log(`[build ${seconds(Date.now() - started)}] still building…`);
  }, 1_000);
  const relay = (stream, out) => {
    let pending = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk) => {
      lastOutput = Date.now();
      const lines = (pending + chunk).split(/\r?\n/);
      pending = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) out.write(`[build ${seconds(Date.now() - started)}] ${line}\n`);
    });
    stream.on("end", () => pending.trim() && out.write(`[build ${seconds(Date.now() - started)}] ${pending}\n`));
  };
  relay(build.stdout, process.stdout);
  relay(build.stderr, process.stderr);
  const code = await new Promise((resolve) => build.on("close", (status) => resolve(status ?? 1)));
  clearInterval(quiet);
  if (code !== 0) {
    console.error(`EvoSense build failed after ${seconds(Date.now() - started)}.`);
    process.exit(code);
  }
  console.log(`Built in ${seconds(Date.now() - started)}.`);
}
