import { describe, expect, it } from "vitest";
import { localIsoTime } from "./local-time";

describe("export timestamps", () => {
  it("are the tenant's wall clock with the offset written", () => {
    const at = new Date("2026-12-07T13:05:09.750Z");
    expect(localIsoTime(at, "America/Sao_Paulo")).toBe("2026-12-07T10:05:09-03:00");
    expect(localIsoTime(at, "UTC")).toBe("2026-12-07T13:05:09+00:00");
    expect(localIsoTime(at, "Asia/Kolkata")).toBe("2026-12-07T18:35:09+05:30");
    expect(new Date(localIsoTime(at, "America/New_York")).getTime()).toBe(Date.parse("2026-12-07T13:05:09Z"));
  });

  it("follow daylight saving: the same zone has two offsets in a year", () => {
    expect(localIsoTime(new Date("2026-07-01T12:00:00Z"), "Europe/Lisbon")).toBe("2026-07-01T13:00:00+01:00");
    expect(localIsoTime(new Date("2026-01-01T12:00:00Z"), "Europe/Lisbon")).toBe("2026-01-01T12:00:00+00:00");
  });
});
