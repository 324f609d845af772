import { authenticateApi } from "@/lib/api/auth";
import { subscribeTenant } from "@/lib/realtime/bus";
import { watchTenantStatus } from "@/lib/realtime/status-watch";
import { TENANT_SUSPENDED } from "@/lib/tenancy/status";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 25_000;

// GET /api/v1/events — Server-Sent Events of the caller's tenant: message.received and message.analyzed; a
// tenant.suspended event, then the end of the stream, when the tenant is suspended while it is open.
export async function GET(request: Request) {
  const principal = await authenticateApi(request);
  if (principal instanceof Response) return principal;
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (chunk: string) => {
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          cleanup();
        }
      };
      send(`retry: 3000\n: connected\n\n`);
      const unsubscribe = subscribeTenant(principal.tenantId, (event) =>
        send(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`),
      );
      // Comments keep proxies from closing an idle stream.
      const heartbeat = setInterval(() => send(": ping\n\n"), HEARTBEAT_MS);
      const unwatch = watchTenantStatus(principal.tenantId, principal.role, () => {
        send(`event: tenant.suspended\ndata: ${JSON.stringify({ code: TENANT_SUSPENDED })}\n\n`);
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
      cleanup = () => {
        clearInterval(heartbeat);
        unwatch();
        unsubscribe();
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
