// Whether a user can reach a path: every folder on the way must let that user pass (x), the way the
// kernel checks it for the server process. A root process sees everything, so it must ask on the
// server user's behalf before handing it paths inside, say, a private (700) home folder.
import { statSync, type Stats } from "node:fs";
import path from "node:path";
import type { ServerUser } from "./server-user";

type StatFn = (p: string) => Pick<Stats, "mode" | "uid" | "gid">;

/** The first folder on the way to `target` that `user` may not pass, or null when every one lets it through. */
export function blockingFolder(target: string, user: Pick<ServerUser, "uid" | "groups">, stat: StatFn = statSync): string | null {
  if (user.uid === 0) return null;
  const absolute = path.resolve(target);
  const folders: string[] = [];
  for (let dir = path.dirname(absolute); ; dir = path.dirname(dir)) {
    folders.unshift(dir);
    if (dir === path.dirname(dir)) break;
  }
  for (const dir of folders) {
    const s = stat(dir);
    if (!allows(s, user, 0o1)) return dir;
  }
  return null;
}

/** Whether `user` has `bit` (4 read, 2 write, 1 execute/search) on a file with these owner and mode bits. */
export function allows(s: Pick<Stats, "mode" | "uid" | "gid">, user: Pick<ServerUser, "uid" | "groups">, bit: number): boolean {
  if (user.uid === 0) return true;
  if (s.uid === user.uid) return ((s.mode >> 6) & bit) === bit;
  if (user.groups.includes(s.gid)) return ((s.mode >> 3) & bit) === bit;
  return (s.mode & bit) === bit;
}
