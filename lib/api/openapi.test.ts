import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { openApiDocument } from "./openapi";

function routes(dir: string, prefix = "/api/v1"): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (!statSync(full).isDirectory()) return name === "route.ts" ? [prefix] : [];
    const segment = name.startsWith("[") ? `{${name.slice(1, -1)}}` : name;
    return routes(full, `${prefix}/${segment}`);
  });
}

describe("OpenAPI document", () => {
  it("documents every route under app/api/v1, and nothing that does not exist", () => {
    const onDisk = routes(path.join(process.cwd(), "app", "api", "v1")).sort();
    expect(Object.keys(openApiDocument.paths).sort()).toEqual(onDisk);
  });

  it("is served as JSON", async () => {
    const res = GET();
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toMatchObject({ openapi: "3.1.0", info: { title: "EvoSense API" } });
  });
});
