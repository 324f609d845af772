import { describe, expect, it } from "vitest";
import { ConnectionError } from "@/lib/connections/service";
import { AppError } from "@/lib/errors";
import { ExportLimitError } from "@/lib/exports/service";
import { errorResponse } from "./respond";

describe("errorResponse", () => {
  it("answers an application error with its status and { error: { code, message } }", async () => {
    const limit = errorResponse(new ExportLimitError(3));
    expect(limit.status).toBe(429);
    expect(await limit.json()).toEqual({
      error: { code: "export_limit", message: expect.stringContaining("3 exports a day") },
    });
    const taken = errorResponse(new ConnectionError("instance_taken"));
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { error: { code: string } }).error.code).toBe("instance_taken");
    const refused = errorResponse(new ConnectionError("outbound_url_refused", "resolves to 10.0.0.5"));
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
      "(resolves to 10.0.0.5)",
    );
    expect(errorResponse(new AppError("not_found", 404)).status).toBe(404);
  });

  it("throws anything else on, so a fault is logged and answered 500 rather than passed off as a refusal", () => {
    const fault = new TypeError("boom");
    expect(() => errorResponse(fault)).toThrow(fault);
  });
});
