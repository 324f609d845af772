import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openPostgres, type Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { createTestDatabase, dropTestTemplate, engine } from "@/test/db";

/** Runs a parameterised query, then counts the statements the connection has prepared for it. */
async function probe(db: Db): Promise<number> {
  await db.execute(sql`select ${1}::int as prepared_probe`);
  const [row] = rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from pg_prepared_statements where statement = 'select $1::int as prepared_probe'`,
    ),
  );
  return row!.n;
}

describe.skipIf(engine !== "postgres")("the PostgreSQL client", () => {
  afterAll(dropTestTemplate);

  it("prepares drizzle's statements once per connection, in transactions and savepoints too, unless told not to", async () => {
    const database = await createTestDatabase();
    const prepared = openPostgres(database.url!, 1);
    const unprepared = openPostgres(database.url!, 1, { prepare: false });
    try {
      expect(await probe(prepared.db)).toBe(1);
      expect(await probe(prepared.db)).toBe(1);
      expect(await database.db.transaction((tx) => probe(tx as unknown as Db))).toBe(1);
      expect(await database.db.transaction((tx) => tx.transaction((nested) => probe(nested as unknown as Db)))).toBe(1);
      expect(await probe(unprepared.db)).toBe(0);
    } finally {
      await Promise.all([prepared.close(), unprepared.close()]);
      await database.close();
    }
  });
});
