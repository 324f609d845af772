import { describe, expect, it } from "vitest";
import { formatDay, isCalendarDay, parseDay } from "./day-format";

describe("days as people type them", () => {
  it("shows a day first in Portuguese and month first in English", () => {
    expect(formatDay("2026-12-07", "pt-BR")).toBe("07/12/2026");
    expect(formatDay("2026-12-07", "en")).toBe("12/07/2026");
  });

  it("reads what it shows back, and ISO as typed by hand", () => {
    expect(parseDay("07/12/2026", "pt-BR")).toBe("2026-12-07");
    expect(parseDay("7/12/2026", "pt-BR")).toBe("2026-12-07");
    expect(parseDay("12/07/2026", "en")).toBe("2026-12-07");
    expect(parseDay("2026-12-07", "pt-BR")).toBe("2026-12-07");
    expect(parseDay("  ", "pt-BR")).toBe("");
  });

  it("refuses what is not a calendar day", () => {
    expect(parseDay("31/02/2026", "pt-BR")).toBeNull();
    expect(parseDay("13/13/2026", "en")).toBeNull();
    expect(parseDay("ontem", "pt-BR")).toBeNull();
    expect(isCalendarDay("2026-13-45")).toBe(false);
    expect(isCalendarDay("2026-02-29")).toBe(false);
    expect(isCalendarDay("2028-02-29")).toBe(true);
  });
});
