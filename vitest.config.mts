import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next*/**", "e2e/**", ".data/**"],
    environment: "node",
    // PGlite boots in seconds and each file migrates its own template.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // next-auth imports "next/server" without an extension, which Node ESM cannot resolve; Vite can.
    server: { deps: { inline: ["next-auth"] } },
    pool: "forks",
    maxWorkers: 2,
    env: { TZ: "UTC", DATA_DIR: ".data/test", LOG_LEVEL: "silent" },
  },
});
