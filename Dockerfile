# One image for the api, the worker, the inbound mailbox and the CLI (migrate, seed); docker-compose.yml picks the
# command. Node 22 (LTS): the oldest line every production dependency accepts (see docs/operations.md).
FROM node:22-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
# Exactly the locked versions; dev dependencies only for the build, pruned after it.
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev
ENV NODE_ENV=production
# Nothing in /app is written at run time: run without root.
USER node
EXPOSE 3000 2525
CMD ["node", "dist/apps/api/src/main.js"]
