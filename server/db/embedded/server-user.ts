// Who runs the embedded PostgreSQL. PostgreSQL refuses to run as root, so a root process runs it as the
// `postgres` system user (created when missing, as the postgres packages of the distributions do).
import { execFileSync } from "node:child_process";
import { userInfo } from "node:os";
import { EmbeddedPostgresError } from "./embedded-postgres-error";

export interface ServerUser {
  name: string;
  uid: number;
  gid: number;
  /** Primary and supplementary groups, for permission checks. */
  groups: number[];
  /** True when the server runs as another user than this process (this process is root). */
  switched: boolean;
}

const SERVER_USER = "postgres";

export function serverUser(): ServerUser {
  const me = userInfo();
  if (me.uid !== 0) {
    return { name: me.username, uid: me.uid, gid: me.gid, groups: process.getgroups?.() ?? [me.gid], switched: false };
  }
  if (!lookup(SERVER_USER)) createSystemUser(SERVER_USER);
  const ids = lookup(SERVER_USER);
  if (!ids) throw noServerUser();
  return { name: SERVER_USER, ...ids, switched: true };
}

function lookup(name: string): { uid: number; gid: number; groups: number[] } | null {
  try {
    const id = (flag: string) => execFileSync("id", [flag, name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return { uid: Number(id("-u")), gid: Number(id("-g")), groups: id("-G").split(/\s+/).map(Number) };
  } catch {
    return null;
  }
}

function createSystemUser(name: string): void {
  try {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", name], { stdio: "ignore" });
  } catch {
    throw noServerUser();
  }
}

function noServerUser(): EmbeddedPostgresError {
  return new EmbeddedPostgresError(
    `PostgreSQL refuses to run as root and there is no \`${SERVER_USER}\` user to run it as (useradd failed): ` +
      `create one with \`useradd --system --user-group ${SERVER_USER}\`, run InfraFlow as a regular user, or set DATABASE_URL`,
  );
}
