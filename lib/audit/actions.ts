/** Every change the audit log records; the admin page names each in the reader's language. */
export const AUDIT_ACTIONS = [
  "tenant.create",
  "tenant.suspend",
  "tenant.reactivate",
  "tenant.stored_text",
  "user.create",
  "api_key.create",
  "api_key.revoke",
  "connection.create",
  "connection.update",
  "connection.delete",
  "connection.import_history",
  "connection.unstable",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const isAuditAction = (value: string): value is AuditAction =>
  (AUDIT_ACTIONS as readonly string[]).includes(value);
