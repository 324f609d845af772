import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { messages } from "@/db/schema";
import { seedTenants } from "@/test/helpers/seed-tenants";

const dir = mkdtempSync(path.join(tmpdir(), "evosense-kill-"));
const pgDir = path.join(dir, "pg");

describe("ingest durability", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a server killed while receiving loses no message it acknowledged", { timeout: 180_000 }, async () => {
    process.env.DATA_DIR = dir;
    const setup = await openPglite(pgDir);
    await runMigrations(setup);
    await seedTenants(setup.db, [
      { slug: "loja-centro", name: "Loja", plan: "starter", connection: { webhookSecret: "s3cret" } },
    ]);
    await setup.close();

    const acknowledged: string[] = [];
    // node --import tsx (not the tsx CLI, which forks): the SIGKILL must hit the process that writes.
    const child = spawn(process.execPath, ["--import", "tsx", "test/fixtures/ingest-worker.ts", pgDir], {
      cwd: process.cwd(),
      env: { ...process.env, DATA_DIR: dir, DATABASE_URL: "" },
    });
    let buffer = "";
    await new Promise<void>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split("\n");
        buffer = lines.pop()!;
        acknowledged.push(...lines.filter(Boolean));
        if (acknowledged.length >= 40) {
          child.kill("SIGKILL");
          resolve();
        }
      });
    });
    await new Promise((r) => child.on("exit", r));

    const after = await openPglite(pgDir);
    const stored = new Set((await after.db.select({ id: messages.externalId }).from(messages)).map((m) => m.id));
    await after.close();
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  });
});
