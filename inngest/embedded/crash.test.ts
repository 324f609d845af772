import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { rowsOf } from "@/db/rows";
import { jobRuns } from "@/db/schema";
import { enqueue } from "../../lib/jobs/outbox";

const dir = mkdtempSync(path.join(tmpdir(), "evosense-crash-"));
const pgDir = path.join(dir, "pg");
const tsx = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");

function runProcess(crash: boolean) {
  return spawnSync(process.execPath, [tsx, "test/fixtures/crash-runner.ts", pgDir], {
    cwd: process.cwd(),
    env: { ...process.env, CRASH: crash ? "1" : "", DATA_DIR: dir, DATABASE_URL: "" },
    encoding: "utf8",
    timeout: 90_000,
  });
}

async function inspect() {
  const database = await openPglite(pgDir);
  try {
    const effects = rowsOf<{ step: string }>(
      await database.db.execute(sql`select step from side_effects order by id`),
    ).map((r) => r.step);
    const [run] = await database.db.select().from(jobRuns);
    return { effects, run };
  } finally {
    await database.close();
  }
}

describe("embedded runner durability", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    "a process killed mid-run resumes after restart without repeating finished steps",
    { timeout: 180_000 },
    async () => {
      const setup = await openPglite(pgDir);
      await runMigrations(setup);
      await setup.db.execute(sql`create table side_effects (id serial primary key, step text not null)`);
      await enqueue(setup.db, { name: "test/durable", data: {} });
      await setup.close();

      const crashed = runProcess(true);
      expect(crashed.status, crashed.stderr).toBe(42);
      const afterCrash = await inspect();
      expect(afterCrash.effects).toEqual(["one"]);
      expect(afterCrash.run).toMatchObject({ status: "running" });
      expect(afterCrash.run!.stack).toHaveLength(1);

      const resumed = runProcess(false);
      expect(resumed.status, resumed.stderr).toBe(0);
      const final = await inspect();
      expect(final.effects).toEqual(["one", "two"]);
      expect(final.run).toMatchObject({ status: "completed", output: "finished" });
    },
  );
});
