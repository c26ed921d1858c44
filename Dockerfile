# syntax=docker/dockerfile:1
# Stemmen in a container: build with the dev tools, run with the production dependencies only.
# Every step is one of the project's own npm scripts, so CI exercises the same steps
# (test/integration/ops/container.test.ts). Build: docker build -t stemmen .

FROM node:24-bookworm-slim AS build
WORKDIR /app
# Dependencies first (a layer that changes only with the lockfile); postinstall generates the Prisma
# clients from prisma/ with scripts/prisma-generate.mjs, offline.
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY . .
# dist/: compiled JavaScript with its migrations, catalogs and icons. Then only what runs stays: the
# Prisma CLI, TypeScript and tsx are dev dependencies, and the optional peers they bring are dropped too.
RUN npm run build \
 && npm prune --omit=dev --omit=optional --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATABASE_URL=file:/app/data/stemmen.db
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/scripts/healthcheck.mjs ./scripts/healthcheck.mjs
# SQLite (the default) keeps its file in /app/data: mount a volume there. Not used with PostgreSQL.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 3000
# Ready = database reachable and migrated (GET /readyz). Liveness alone is GET /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["node", "scripts/healthcheck.mjs"]
# node itself, not npm, as the main process: SIGTERM reaches the app, which finishes requests in flight
# within STEMMEN_SHUTDOWN_SECONDS (keep docker's stop timeout above it). `npm start` runs the same file.
CMD ["node", "dist/src/main.js"]
