// Where the cluster's files live. Normally `<DATA_DIR>/postgres`. When the server user cannot reach that
// folder (root, checkout under a 700 folder), the files live under the staging root instead and
// `<DATA_DIR>/postgres` becomes a link to them, so the checkout still says where its data is and deleting
// DATA_DIR still means "start afresh". PostgreSQL wants its data folder owned by the server user, mode 700.
import { createHash } from "node:crypto";
import { existsSync, lstatSync, readdirSync, readlinkSync } from "node:fs";
import { chmod, chown, mkdir, mkdtemp, rm, rmdir, symlink, unlink } from "node:fs/promises";
import path from "node:path";
import { EmbeddedPostgresError } from "./embedded-postgres-error";
import { blockingFolder } from "./reachable";
import type { ServerUser } from "./server-user";
import { stagingRoot } from "./staging-root";

export interface ClusterDir {
  /** The folder handed to PostgreSQL. */
  path: string;
  /** Removes the files (ephemeral clusters). */
  remove: () => Promise<void>;
}

export async function placeCluster(clusterDir: string, user: ServerUser, ephemeral: boolean): Promise<ClusterDir> {
  const wanted = path.resolve(clusterDir);
  await mkdir(path.dirname(wanted), { recursive: true });
  const link = lstatOrNull(wanted);
  const blocked = blockingFolder(wanted, user);

  let real: string;
  if (link?.isSymbolicLink()) {
    real = path.resolve(path.dirname(wanted), readlinkSync(wanted));
  } else if (!blocked) {
    real = wanted;
  } else if (link && readdirSync(wanted).length > 0) {
    throw new EmbeddedPostgresError(
      existsSync(path.join(wanted, "PG_VERSION"))
        ? `Embedded PostgreSQL's data in ${wanted} cannot be reached by the ${user.name} user (${blocked} is private): ` +
            `move the checkout out of ${blocked}, set DATA_DIR to a folder outside it, or set DATABASE_URL`
        : `Embedded PostgreSQL's data folder ${wanted} holds files but no PostgreSQL cluster: ` +
            "remove that folder (or set DATA_DIR to another one) and start again, or set DATABASE_URL",
    );
  } else {
    real = ephemeral
      ? await mkdtemp(path.join(await clustersRoot(), "ephemeral-"))
      : path.join(await clustersRoot(), createHash("sha256").update(wanted).digest("hex").slice(0, 16));
    // No link in DATA_DIR means the data was deleted there: a cluster left from before is not reused.
    if (!ephemeral) await rm(real, { recursive: true, force: true });
    if (link) await rmdir(wanted);
    await symlink(real, wanted);
  }

  await mkdir(real, { recursive: true });
  if (user.switched) await chown(real, user.uid, user.gid);
  await chmod(real, 0o700);
  return {
    path: real,
    remove: async () => {
      await rm(real, { recursive: true, force: true });
      if (real !== wanted) await unlink(wanted).catch(() => {});
    },
  };
}

async function clustersRoot(): Promise<string> {
  const dir = path.join(stagingRoot(), "clusters");
  await mkdir(dir, { recursive: true, mode: 0o755 });
  return dir;
}

function lstatOrNull(p: string) {
  try {
    return lstatSync(p);
  } catch {
    return null;
  }
}
