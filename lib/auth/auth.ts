import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { platformDb } from "@/lib/tenancy/queries";
import { clientAddress } from "@/lib/http/client-address.mjs";
import { authorizeCredentials } from "./authorize";
import { baseAuthConfig } from "./config";

const base = baseAuthConfig();

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...base,
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: async (credentials, request) =>
        authorizeCredentials(await platformDb(), credentials, clientAddress(request.headers)),
    }),
  ],
});
