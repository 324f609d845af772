import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkDictionary,
  checkHardCodedText,
  checkKeyReferences,
  dictionariesOf,
  type AnyDictionary,
} from "./catalogue-check";
import { defineDictionary } from "./locale";

const root = path.resolve(import.meta.dirname, "..", "..");
const dictionaryDir = path.join(import.meta.dirname, "dictionaries");

function filesUnder(dir: string, ext: string[]): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => ext.some((e) => f.endsWith(e)) && !f.endsWith(".test.ts"))
    .map((f) => path.join(dir, f));
}

async function allDictionaries(): Promise<Record<string, AnyDictionary>> {
  const out: Record<string, AnyDictionary> = {};
  for (const f of readdirSync(dictionaryDir).filter((f) => f.endsWith(".ts"))) {
    Object.assign(out, dictionariesOf(await import(path.join(dictionaryDir, f))));
  }
  return out;
}

/** The same in every language: the product's name and examples that are not words. */
const LANGUAGE_NEUTRAL = new Set(["EvoSense", "https://evolution.suaempresa.com.br", "n8n, BI…"]);

describe("the string catalogue", () => {
  it("finds the dictionaries", async () => {
    const names = Object.keys(await allDictionaries());
    expect(names).toEqual(expect.arrayContaining(["common", "connectionStrings", "dashboardStrings", "adminStrings"]));
  });

  it("has every key in both pt-BR and en, non-empty, with the same placeholders", async () => {
    const problems = Object.entries(await allDictionaries()).flatMap(([name, d]) => checkDictionary(name, d));
    expect(problems).toEqual([]);
  });

  it("has every key that app, components and lib look up by name", async () => {
    const dictionaries = await allDictionaries();
    const sources = [
      ...filesUnder("app", [".ts", ".tsx"]),
      ...filesUnder("components", [".ts", ".tsx"]),
      ...filesUnder("lib", [".ts", ".tsx"]),
    ];
    const problems = sources.flatMap((f) =>
      checkKeyReferences(f, readFileSync(path.join(root, f), "utf8"), dictionaries),
    );
    expect(problems).toEqual([]);
  });

  it("leaves no user-visible literal in the markup of app and components", () => {
    const sources = [...filesUnder("app", [".tsx"]), ...filesUnder("components", [".tsx"])];
    const problems = sources.flatMap((f) =>
      checkHardCodedText(f, readFileSync(path.join(root, f), "utf8"), LANGUAGE_NEUTRAL),
    );
    expect(problems).toEqual([]);
  });
});

// The checks above pass only if they can fail: each is shown a broken input.
describe("the catalogue checks", () => {
  const sample = defineDictionary({
    "pt-BR": { hello: "Olá, {name}", bye: "Tchau" },
    en: { hello: "Hello, {name}", bye: "Bye" },
  });

  it("report a key missing from one language, an empty value and a placeholder mismatch", () => {
    expect(checkDictionary("sample", sample)).toEqual([]);
    const { bye: _, ...enWithoutBye } = sample.en;
    expect(checkDictionary("sample", { ...sample, en: enWithoutBye } as AnyDictionary)).toEqual([
      "sample.bye: missing or empty in en",
    ]);
    expect(checkDictionary("sample", { ...sample, "pt-BR": { ...sample["pt-BR"], bye: " " } })).toEqual([
      "sample.bye: missing or empty in pt-BR",
    ]);
    expect(checkDictionary("sample", { ...sample, en: { ...sample.en, hello: "Hello, {who}" } })).toEqual([
      "sample.hello: placeholders {name} in pt-BR but {who} in en",
    ]);
  });

  it("report a literal key that the bound dictionary lacks, in the scope that bound it", () => {
    const source = `
      export async function Page() {
        const { t, locale } = await getT(sample);
        const { t: tc } = await getT(common);
        return <p>{t("hello", { name: "x" })} {t("goodbye")} {tc("bye")} {t(\`nope_\${locale}\`)}</p>;
      }
      function other() { const t = translator(common, "en"); return t("bye"); }
      function unbound(t: (k: string) => string) { return t("anything"); }`;
    const problems = checkKeyReferences("page.tsx", source, {
      sample,
      common: defineDictionary({ "pt-BR": { ok: "ok" }, en: { ok: "ok" } }),
    });
    expect(problems).toEqual([
      'page.tsx:5: t("goodbye") — no key "goodbye" in sample',
      'page.tsx:5: tc("bye") — no key "bye" in common',
      'page.tsx:5: no key in sample starts with "nope_"',
      'page.tsx:7: t("bye") — no key "bye" in common',
    ]);
  });

  it("report JSX text, string children and visible attributes, not class names or allowed literals", () => {
    const source = `export const A = () => (
      <div className="flex gap-2" aria-label="main">
        Olá
        <b>{"Close"}</b>
        <input placeholder={"minha-loja"} data-testid="kpi-value" />
        <span>EvoSense</span> <span>{t("x")}</span> — 42
      </div>);`;
    expect(checkHardCodedText("a.tsx", source, new Set(["EvoSense"]))).toEqual([
      'a.tsx:2: hard-coded "main"',
      'a.tsx:3: hard-coded "Olá"',
      'a.tsx:4: hard-coded "Close"',
      'a.tsx:5: hard-coded "minha-loja"',
    ]);
  });
});
