import type { z } from "zod";

/** Every API error has one shape: `{ error: { code, message } }` with a matching HTTP status. */
export function apiError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

export function invalidInput(error: z.ZodError): Response {
  const issue = error.issues[0]!;
  return apiError(422, "invalid_input", `${issue.path.join(".") || "input"}: ${issue.message}`);
}
