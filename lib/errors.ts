/**
 * The one application error: a refusal the caller is meant to read, not a fault. `code` names it (the `error.code`
 * of an API answer, the dictionary key a form shows), `status` is its HTTP status, `message` says it in English for
 * API clients. Server actions turn it into their error state (lib/auth/guards.ts) and route handlers into
 * `{ error: { code, message } }` (lib/api/respond.ts), each in one place; anything else is a fault and is thrown on.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number = 422,
    message: string = code,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
