// `npm run dev` starts the embedded PostgreSQL in the launcher and hands its URL to `next dev`; the app's
// boot must still know (and log) that its database is the embedded one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/database";
import { parseEnv } from "../env";
import { usesEmbeddedDatabase } from "./database-url";
import { startDatabase } from "./start-database";

describe("startDatabase with the URL of an embedded server another process started", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let url = "";
  let port = "";
  beforeAll(async () => {
    database = await createTestDatabase();
    url = database.url;
    port = new URL(url).port;
  });
  afterAll(() => database.drop());

  it("reports the embedded database when the URL points at the embedded server's port", async () => {
    const e = parseEnv({ DATABASE_URL: url, EMBEDDED_POSTGRES_PORT: port });
    expect(usesEmbeddedDatabase(e)).toBe(true);
    expect(await startDatabase(e)).toEqual({ url: url, embedded: true });
  });

  it("reports an external database otherwise", async () => {
    const e = parseEnv({ DATABASE_URL: url, EMBEDDED_POSTGRES_PORT: String(Number(port) === 65535 ? 1024 : Number(port) + 1) });
    expect(usesEmbeddedDatabase(e)).toBe(false);
    expect((await startDatabase(e)).embedded).toBe(false);
  });
});
