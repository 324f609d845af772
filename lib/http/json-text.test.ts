import { describe, expect, it } from "vitest";
import { jsonDepthExceeds, parseJsonText } from "./json-text";

describe("parseJsonText", () => {
  it("parses ordinary JSON and refuses what is not JSON", () => {
    expect(parseJsonText('{"a":[1,{"b":"c"}]}')).toEqual({ ok: true, value: { a: [1, { b: "c" }] } });
    expect(parseJsonText("{nope")).toMatchObject({ ok: false, code: "invalid_json" });
  });

  it("refuses nesting past the limit without parsing it", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect(parseJsonText(deep)).toMatchObject({ ok: false, code: "too_deep" });
    expect(parseJsonText("[".repeat(64) + "]".repeat(64))).toMatchObject({ ok: true });
    expect(parseJsonText("[".repeat(65) + "]".repeat(65))).toMatchObject({ ok: false, code: "too_deep" });
  });

  it("does not count brackets inside strings, escaped quotes included", () => {
    const text = JSON.stringify({ s: '[[[[{{{{\\"[[[['.repeat(100) });
    expect(jsonDepthExceeds(text, 2)).toBe(false);
    expect(parseJsonText(text, 2)).toMatchObject({ ok: true });
  });
});

describe("parseJsonText and text PostgreSQL cannot hold", () => {
  it("drops NUL and replaces lone surrogates in values and keys, keeping pairs and everything else", () => {
    const text = '{"t":"a\\u0000b \\ud800 \\udc00 \\ud83d\\ude00 😀 ação","k\\u0000ey":["\\udbff"]}';
    expect(parseJsonText(text)).toEqual({ ok: true, value: { t: "ab \ufffd \ufffd 😀 😀 ação", key: ["\ufffd"] } });
  });

  it("leaves a body without risky escapes untouched", () => {
    const value = { t: "linha\\n com \\\\u0000 literal", e: "😀" };
    expect(parseJsonText(JSON.stringify(value))).toEqual({ ok: true, value });
  });
});
