import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "..") });

/** The rule ids ESLint reports for `code` as if it were the file at `file`. */
async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(import.meta.dirname, "..", file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe("the import walls", () => {
  it("keep components away from the database, queries and routes", async () => {
    expect(
      await violations("components/x.tsx", 'import { getDb } from "@/db/client";\nexport const x = getDb;\n'),
    ).toContain("no-restricted-imports");
    expect(
      await violations(
        "components/x.tsx",
        'import { listConversations } from "@/lib/conversations/queries";\nexport const x = listConversations;\n',
      ),
    ).toContain("no-restricted-imports");
    expect(
      await violations(
        "components/x.tsx",
        'import { logoutAction } from "@/app/(auth)/login/actions";\nexport const x = logoutAction;\n',
      ),
    ).toContain("no-restricted-imports");
  });

  it("keep the domain away from routes and components", async () => {
    expect(
      await violations(
        "lib/x/service.ts",
        'import { Button } from "@/components/ui/button";\nexport const x = Button;\n',
      ),
    ).toContain("no-restricted-imports");
    expect(
      await violations("lib/x/service.ts", 'import { GET } from "@/app/api/health/route";\nexport const x = GET;\n'),
    ).toContain("no-restricted-imports");
  });

  it("let only queries.ts files, the job engine, start-up and db scripts open the database", async () => {
    const open = 'import { getDb } from "@/db/client";\nexport const x = getDb;\n';
    expect(await violations("lib/x/service.ts", open)).toContain("no-restricted-imports");
    expect(await violations("app/api/x/route.ts", open)).toContain("no-restricted-imports");
    expect(await violations("inngest/functions/x.ts", open)).toContain("no-restricted-imports");
    expect(await violations("lib/x/queries.ts", open)).not.toContain("no-restricted-imports");
    expect(await violations("inngest/embedded/x.ts", open)).not.toContain("no-restricted-imports");
    expect(await violations("server/x.ts", open)).not.toContain("no-restricted-imports");
    // A type says what a function accepts; it opens nothing.
    expect(
      await violations("lib/x/service.ts", 'import type { Db } from "@/db/client";\nexport type X = Db;\n'),
    ).not.toContain("no-restricted-imports");
  });

  it("keep db/ free of the domain", async () => {
    expect(
      await violations(
        "db/x.ts",
        'import { DEMO_PASSWORD } from "@/lib/demo/seed";\nexport const x = DEMO_PASSWORD;\n',
      ),
    ).toContain("no-restricted-imports");
  });
});
