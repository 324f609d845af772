import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { authorizeCredentials, clientIp } from "./authorize";
import { baseAuthConfig } from "./config";

const base = baseAuthConfig();

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...base,
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: async (credentials, request) => authorizeCredentials(await getDb(), credentials, clientIp(request.headers)),
    }),
  ],
});
