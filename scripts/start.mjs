// npm start: builds when the build is missing or older than the sources, then serves on PORT (3000).
// Without NODE_ENV=production from the user, the server runs in embedded mode (PGlite, local runner, demo data).
import { spawn } from "node:child_process";
import { ensureBuild, root, serveScript } from "./build.mjs";

// npm's lifecycle variables (npm_config_*, npm_package_*) mean nothing to the app, and the Inngest SDK scans the
// whole environment on every request it handles: the server starts without them.
const childEnv = Object.fromEntries(
  Object.entries({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" }).filter(([k]) => !k.startsWith("npm_")),
);
if (process.env.NODE_ENV !== "production") childEnv.EVOSENSE_LAUNCH = "embedded";

await ensureBuild(childEnv);

const port = process.env.PORT ?? "3000";
const server = spawn(process.execPath, [serveScript, "-p", port], { cwd: root, stdio: "inherit", env: childEnv });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
