export type LimitedBody = { ok: true; text: string } | { ok: false; code: "payload_too_large"; maxBytes: number };

/**
 * A request body as text, read chunk by chunk and abandoned as soon as it passes `maxBytes`: a declared length can
 * lie or be absent (chunked), and `request.text()` would buffer the whole body before anything could be checked.
 */
export async function readLimitedText(request: Request, maxBytes: number): Promise<LimitedBody> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes)
    return { ok: false, code: "payload_too_large", maxBytes };
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false, code: "payload_too_large", maxBytes };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks, size).toString("utf8") };
}

/** "32 MiB", "512 KiB": limits as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
