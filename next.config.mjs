/** @type {import('next').NextConfig} */
const nextConfig = {
  // Several checkouts' builds (a test run beside a development server) can live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its .wasm/.data files relative to its own module, so it must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-pgvector", "pino", "postgres"],
  poweredByHeader: false,
  experimental: {
    // WhatsApp export uploads go through a server action (8 MB files); webhooks read their raw body themselves.
    serverActions: { bodySizeLimit: "10mb" },
  },
};

export default nextConfig;
