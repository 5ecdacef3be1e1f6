import { AppError } from "../errors";

/** owner/repo as GitHub allows them. */
export const REPO_FULL_NAME = /^([A-Za-z0-9_.-]{1,100})\/([A-Za-z0-9_.-]{1,100})$/;

export function splitRepoFullName(fullName: string): { owner: string; repo: string } {
  const m = REPO_FULL_NAME.exec(fullName);
  if (!m) throw new AppError("BAD_REQUEST", `Repository must be given as owner/repo, got "${fullName}"`);
  return { owner: m[1]!, repo: m[2]! };
}
