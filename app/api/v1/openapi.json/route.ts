import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-static";

// GET /api/v1/openapi.json — public: the description of the API, not its data.
export function GET() {
  return Response.json(openApiDocument);
}
