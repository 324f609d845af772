import { describe, expect, it } from "vitest";
import { readDashboardQuery } from "./dashboard-query";

const NOW = new Date("2026-12-07T15:00:00Z");

describe("the dashboard's URL", () => {
  it("reads a preset, a custom period and the previous period of equal length", () => {
    expect(readDashboardQuery("America/Sao_Paulo", { range: "7" }, NOW).period).toEqual({
      from: "2026-12-01",
      to: "2026-12-07",
    });
    const custom = readDashboardQuery("America/Sao_Paulo", { from: "2026-11-01", to: "2026-11-10" }, NOW);
    expect(custom.range).toBe("custom");
    expect(custom.previous).toEqual({ from: "2026-10-22", to: "2026-10-31" });
  });

  it("names a date it cannot use instead of falling back in silence", () => {
    const bad = readDashboardQuery("UTC", { from: "2026-13-45", to: "2026-01-01" }, NOW);
    expect(bad.problem).toBe("invalid_date");
    expect(bad.period).toEqual({ from: "2026-11-08", to: "2026-12-07" });
    expect(readDashboardQuery("UTC", { from: "2026-12-05", to: "2026-12-01" }, NOW).problem).toBe("inverted_dates");
    expect(readDashboardQuery("UTC", { emotion: "rage", connection: "x" }, NOW)).toMatchObject({
      emotion: undefined,
      connectionId: undefined,
      problem: undefined,
    });
  });
});
