import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROLLUP_COUNTERS, ROLLUP_HISTOGRAMS, ROLLUP_KEY } from "./rollups";
import { EMOTIONS, TONES } from "./vocabulary";

describe("lib/scores", () => {
  it("imports nothing from the rest of the app, so every layer can import it", () => {
    for (const file of readdirSync(import.meta.dirname).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
      expect(readFileSync(path.join(import.meta.dirname, file), "utf8"), file).not.toMatch(/from\s+["'](@\/|\.\.\/)/);
    }
  });

  it("names each emotion, tone and rollup column once", () => {
    for (const list of [EMOTIONS, TONES, [...ROLLUP_KEY, ...ROLLUP_COUNTERS, ...ROLLUP_HISTOGRAMS]]) {
      expect(new Set(list).size).toBe(list.length);
    }
  });
});
