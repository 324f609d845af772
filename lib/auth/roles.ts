export const ROLES = ["super_admin", "admin", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  tenantId: string | null;
  tenantSlug: string | null;
};

/** Where a user lands after logging in. */
export function homePath(user: Pick<SessionUser, "role" | "tenantSlug">): string {
  if (user.role === "super_admin") return "/admin";
  return user.tenantSlug ? `/t/${user.tenantSlug}/dashboard` : "/login";
}
