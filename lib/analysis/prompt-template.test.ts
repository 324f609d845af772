import { describe, expect, it } from "vitest";
import { DEFAULT_PROMPT_BODY, sha256 } from "./prompt-template";

describe("the default prompt", () => {
  it("keeps the body p_v1_base was stored with", () => {
    // The body lists lib/scores' emotions and tones. Versions are immutable and seeded by key, so a database that
    // holds p_v1_base would keep the old text: a changed vocabulary needs a new version key.
    expect(sha256(DEFAULT_PROMPT_BODY)).toBe("479e990cea0464ddb2d702e74e39d92746bd7338cb8f7165c86dc34e5fee8a9e");
  });
});
