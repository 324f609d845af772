import { signOut } from "@/lib/auth/auth";

/**
 * POST /logout, from the header's sign-out form. A route outside proxy.ts's matcher rather than a server action:
 * the proxy renews the session cookie on every request it sees, and that renewal, sent beside the deletion, can
 * win in the browser (next-auth issue #12909) and leave the user signed in.
 */
export async function POST(request: Request) {
  const origin = request.headers.get("origin");
  if (origin && new URL(origin).host !== request.headers.get("host")) {
    return Response.json({ error: { code: "cross_origin", message: "Sign out from EvoSense itself." } }, { status: 403 });
  }
  await signOut({ redirect: false });
  // The login page renders for this request's old cookie too; the flag keeps it from bouncing back to the dashboard.
  return new Response(null, { status: 303, headers: { location: "/login?signedOut=1", "cache-control": "no-store" } });
}
