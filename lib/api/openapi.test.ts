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

  it("takes parameters and bodies from the schemas the routes validate with", () => {
    const paths = openApiDocument.paths as unknown as Record<
      string,
      Record<
        string,
        {
          parameters?: { name: string; schema: Record<string, unknown> }[];
          requestBody?: {
            content: Record<
              string,
              { schema: { properties: Record<string, Record<string, unknown>>; required?: string[] } }
            >;
          };
        }
      >
    >;
    const metrics = paths["/api/v1/tenants/{id}/metrics"]!.get!.parameters!;
    expect(metrics.map((p) => p.name)).toEqual(["id", "from", "to", "connection_id", "emotion"]);
    expect(metrics.find((p) => p.name === "from")!.schema).toMatchObject({ type: "string", format: "date" });
    expect(metrics.find((p) => p.name === "emotion")!.schema.enum).toContain("frustration");
    const search = paths["/api/v1/messages/semantic-search"]!.post!.requestBody!.content["application/json"]!.schema;
    expect(search.required).toContain("query");
    expect(search.properties.query).toMatchObject({ minLength: 2, maxLength: 500 });
    const connection = paths["/api/v1/connections"]!.post!.requestBody!.content["application/json"]!.schema;
    expect(connection.required).toEqual(
      expect.arrayContaining(["name", "instanceName", "evolutionBaseUrl", "instanceToken"]),
    );
    const exports = paths["/api/v1/exports/{kind}"]!.get!.parameters!;
    expect(exports.find((p) => p.name === "kind")!.schema.enum).toEqual(["conversations.csv", "messages.csv"]);
    expect(exports.find((p) => p.name === "weekday")).toMatchObject({
      description: expect.stringContaining("0 = Sunday"),
    });
  });

  it("is served as JSON", async () => {
    const res = GET();
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toMatchObject({ openapi: "3.1.0", info: { title: "EvoSense API" } });
  });
});
