import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` is used: PGlite's driver in drizzle-kit cannot load pgvector,
// so migrations are applied by scripts/migrate.ts through db/migrate.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  entities: { roles: { provider: "", exclude: [] } },
});
