// Prisma CLI configuration (migrations, generate). The runtime client gets its connection from
// server/db.ts through the pg driver adapter; this file only serves the CLI.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
