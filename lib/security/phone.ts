import { createHmac } from "node:crypto";

/** Digits only, e.g. "5511987654321" from "+55 (11) 98765-4321" or "5511987654321@s.whatsapp.net". */
export function phoneDigits(value: string): string {
  return value.split("@")[0]!.replace(/\D/g, "");
}

/** A keyed hash: the same number always maps to the same value, and the number cannot be recovered from it. */
export function hashPhone(digits: string, key: string): string {
  return createHmac("sha256", key).update(phoneDigits(digits)).digest("hex");
}

/** For display: `+55 11 9****-4321` — country, area code, first and last four digits only. */
export function maskPhone(digits: string): string {
  const d = phoneDigits(digits);
  if (d.startsWith("55") && (d.length === 12 || d.length === 13)) {
    const area = d.slice(2, 4);
    const local = d.slice(4);
    return `+55 ${area} ${local[0]}****-${local.slice(-4)}`;
  }
  if (d.length <= 4) return "****";
  return `+${d.slice(0, Math.min(3, d.length - 4))} ****-${d.slice(-4)}`;
}

/**
 * A chat's address as stored: a keyed hash of the bare JID. Phone JIDs contain the number, so no JID is
 * kept in clear; the same address always maps to the same key, which is all identity matching needs.
 */
export function hashJid(jid: string, key: string): string {
  const [user, server] = jid.split("@");
  return `jid_${createHmac("sha256", key)
    .update(`${user!.split(":")[0]}@${server}`)
    .digest("hex")
    .slice(0, 40)}`;
}
