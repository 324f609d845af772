# EvoSense production image: install, build, then a slim non-root runtime.
#   docker build -t evosense .
#   docker run -p 3000:3000 --env-file .env evosense
# The runtime needs the variables production requires (see .env.example): DATABASE_URL, AUTH_SECRET,
# ENCRYPTION_KEY, PHONE_HASH_KEY, INNGEST_* and DEMO_DATA=false.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc* ./
RUN npm install --no-audit --no-fund --loglevel=error

FROM deps AS build
WORKDIR /app
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build && npm prune --omit=dev --no-audit --no-fund --loglevel=error

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
# The server reads migrations, SQL functions and its own sources at run time (migrations run at boot).
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server/serve.mjs"]
