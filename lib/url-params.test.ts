import { describe, expect, it } from "vitest";
import { conversationQuerySchema } from "@/lib/conversations/schemas";
import { readUrlQuery } from "./url-params";

describe("a page's URL state", () => {
  it("keeps the valid fields and names the ones it dropped", () => {
    const { query, invalid } = readUrlQuery(conversationQuerySchema, {
      q: "x".repeat(201),
      emotion: "joy",
      from: "2026-13-45",
    });
    expect(invalid.sort()).toEqual(["from", "q"]);
    expect(query.q).toBeUndefined();
    expect(query.emotion).toBe("joy");
  });

  it("reports nothing for a valid URL", () => {
    expect(readUrlQuery(conversationQuerySchema, { q: "entrega" }).invalid).toEqual([]);
  });
});
