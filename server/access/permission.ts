// GitHub's repository roles reduced to what InfraFlow asks: read its data, push (approve, reject, re-code),
// admin (monitor it, install its webhook). Pure, so it tests without GitHub.
export type RepoPermission = "read" | "push" | "admin";
export type AccessLevel = "none" | RepoPermission;

const RANK: Record<AccessLevel, number> = { none: 0, read: 1, push: 2, admin: 3 };

export function allows(level: AccessLevel, need: RepoPermission): boolean {
  return RANK[level] >= RANK[need];
}

/** A repository's `permissions` as GitHub returns them for the token's user (maintain counts as push,
 *  triage as read). */
export function levelFromGitHub(permissions: { admin?: boolean; maintain?: boolean; push?: boolean; triage?: boolean; pull?: boolean } | undefined): AccessLevel {
  if (!permissions) return "none";
  if (permissions.admin) return "admin";
  if (permissions.push || permissions.maintain) return "push";
  if (permissions.pull || permissions.triage) return "read";
  return "none";
}

export function isAccessLevel(value: string): value is AccessLevel {
  return value in RANK;
}
