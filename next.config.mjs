/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its .wasm/.data files relative to its own module, so it must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-pgvector", "pino", "postgres"],
  poweredByHeader: false,
  experimental: {
    // Evolution may post base64 media inside webhook bodies; route handlers read the raw body themselves.
    serverActions: { bodySizeLimit: "2mb" },
  },
};

export default nextConfig;
