import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** Every API error has one shape: `{ error: { code, message } }` with a matching HTTP status. */
export function apiError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

/** An application error as its answer; anything else is a fault and is thrown on, to be logged and answered 500. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) return apiError(error.status, error.code, error.message);
  throw error;
}

export function invalidInput(error: z.ZodError): Response {
  const issue = error.issues[0]!;
  return apiError(422, "invalid_input", `${issue.path.join(".") || "input"}: ${issue.message}`);
}
