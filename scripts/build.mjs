import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");
export const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
/** The production HTTP server (Next.js plus the direct webhook endpoint): `node serveScript -p PORT [-H HOST]`. */
export const serveScript = path.join(root, "scripts", "serve.mjs");
const SOURCES = ["app", "components", "lib", "db", "inngest", "public", "proxy.ts", "instrumentation.ts", "next.config.mjs", "package.json"];

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

/** Runs `next build` when there is no build or a source is newer than it; exits on failure. */
export function ensureBuild(env) {
  const buildId = path.join(root, env.NEXT_DIST_DIR || process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  const stale = !existsSync(buildId) || SOURCES.some((s) => newestMtime(path.join(root, s)) > statSync(buildId).mtimeMs);
  if (!stale) return;
  console.log("Building EvoSense (first start or sources changed)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
