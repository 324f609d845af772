import pino from "pino";
import { errorForLog } from "@/db/errors";

/**
 * JSON logs. Message text, phone numbers and secrets never go into a log line: callers log ids, and the
 * redact list catches the usual secret-bearing keys if one slips through.
 */
const holder = globalThis as unknown as { __evosenseLogger?: pino.Logger };

/** The logger's settings, exported so a test can log through them into its own sink. */
export const loggerOptions: pino.LoggerOptions = {
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "evosense" },
  timestamp: pino.stdTimeFunctions.isoTime,
  // Errors go in as `err`: their database parameters and stacks never reach the line (db/errors.ts).
  serializers: { err: errorForLog },
  redact: {
    paths: [
      "password",
      "*.password",
      "token",
      "*.token",
      "secret",
      "*.secret",
      "apikey",
      "*.apikey",
      "authorization",
      "*.authorization",
      "headers.authorization",
      "text",
      "*.text",
      "body",
      "*.body",
    ],
    censor: "[redacted]",
  },
};

export function logger(): pino.Logger {
  holder.__evosenseLogger ??= pino(loggerOptions);
  return holder.__evosenseLogger;
}

export type RequestContext = { requestId?: string; tenantId?: string };

/** A child logger carrying the request id and tenant id on every line. */
export function requestLogger(context: RequestContext): pino.Logger {
  return logger().child(context);
}
