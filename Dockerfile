# One image for every jobgraph service; the command picks the service.
FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production LOG_FORMAT=json
COPY package.json package-lock.json ./
COPY subgraphs/kit/package.json subgraphs/kit/
COPY subgraphs/users/package.json subgraphs/users/
COPY subgraphs/jobs/package.json subgraphs/jobs/
COPY subgraphs/applications/package.json subgraphs/applications/
COPY subgraphs/analytics/package.json subgraphs/analytics/
COPY gateway/package.json gateway/
COPY tools/package.json tools/
RUN npm ci --no-audit --no-fund
COPY . .
USER node
CMD ["node", "--import", "tsx", "gateway/src/index.ts"]
