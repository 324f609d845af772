import { checkHealth } from "@/server/health";

export const dynamic = "force-dynamic";

// GET /api/health: liveness for load balancers and the admin console; 503 when a dependency is down.
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503 });
}
