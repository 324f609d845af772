/** WhatsApp addresses: phone JIDs (`…@s.whatsapp.net`), privacy ids (`…@lid`), groups (`…@g.us`) and others. */
export const isPhoneJid = (jid: string | null | undefined): jid is string => Boolean(jid?.endsWith("@s.whatsapp.net"));
export const isLidJid = (jid: string | null | undefined): jid is string => Boolean(jid?.endsWith("@lid"));
export const isGroupJid = (jid: string | null | undefined): jid is string => Boolean(jid?.endsWith("@g.us"));

/** Drops the device part (`5511…:12@s.whatsapp.net` → `5511…@s.whatsapp.net`). */
export function bareJid(jid: string): string {
  const [user, server] = jid.split("@");
  return `${user!.split(":")[0]}@${server}`;
}

export function jidDigits(jid: string): string {
  return jid.split("@")[0]!.split(":")[0]!.replace(/\D/g, "");
}
