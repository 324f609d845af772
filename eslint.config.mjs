import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

const DB_CLIENT = {
  group: ["@/db/client", "**/db/client"],
  allowTypeImports: true,
  message:
    "The database is opened by queries.ts files (lib/tenancy/queries.ts has the owner-role handle), the job engine, server start-up and db scripts.",
};
const ROUTES = { group: ["@/app/*", "**/app/*"], message: "Routes are the top of the house: nothing imports them." };
const COMPONENTS = { group: ["@/components/*"], message: "The domain never imports presentation." };

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  globalIgnores([".next*/**", "node_modules/**", ".data/**", "test-results/**", "coverage/**", "next-env.d.ts"]),
  {
    rules: {
      // A leading underscore names what is left out on purpose (a destructured field, an unused parameter).
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Tests rewrite fixture JSON field by field, which a static type would only get in the way of.
    files: ["**/*.test.ts", "test/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db/*", "**/queries", "@/lib/**/queries"],
              message: "Components receive data as props; they never read the database.",
            },
            ROUTES,
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**"],
    ignores: ["lib/**/queries.ts", "lib/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [ROUTES, COMPONENTS, DB_CLIENT] }] },
  },
  {
    files: ["lib/**/queries.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [ROUTES, COMPONENTS] }] },
  },
  {
    files: ["app/**", "inngest/functions/**", "proxy.ts", "instrumentation.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [DB_CLIENT] }] },
  },
  {
    files: ["lib/scores/**"],
    ignores: ["lib/scores/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/*", "../*"],
              message: "lib/scores is the bottom layer: the vocabulary every other room shares imports nothing.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["db/**"],
    ignores: ["db/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/*", "!@/lib/env"], message: "db/ depends on nothing in lib/ but the environment." },
            ROUTES,
            COMPONENTS,
          ],
        },
      ],
    },
  },
]);
