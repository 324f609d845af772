import { beforeEach, describe, expect, it, vi } from "vitest";

const signOut = vi.fn(async (_options: unknown) => undefined);
vi.mock("@/lib/auth/auth", () => ({ signOut: (options: unknown) => signOut(options) }));

const { POST } = await import("./route");

const logout = (headers: Record<string, string>) => POST(new Request("http://evosense.test/logout", { method: "POST", headers }));

describe("POST /logout", () => {
  beforeEach(() => signOut.mockClear());

  it("signs out and sends the browser to the login page", async () => {
    const res = await logout({ host: "evosense.test", origin: "http://evosense.test" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/login?signedOut=1");
    expect(signOut).toHaveBeenCalledWith({ redirect: false });
  });

  it("refuses a form posted from another site, and signs no one out", async () => {
    const res = await logout({ host: "evosense.test", origin: "https://elsewhere.example" });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: "cross_origin" } });
    expect(signOut).not.toHaveBeenCalled();
  });
});
