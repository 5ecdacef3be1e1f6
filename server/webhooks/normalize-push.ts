// push payload → the security-scan trigger: which branch moved, to which commit, touching which files.
import { z } from "zod";
import { PayloadShapeError } from "./normalize-workflow-run";

const pushPayload = z.object({
  ref: z.string(),
  before: z.string(),
  after: z.string(),
  deleted: z.boolean().optional(),
  repository: z.object({ full_name: z.string() }),
  commits: z
    .array(z.object({ added: z.array(z.string()).optional(), modified: z.array(z.string()).optional(), removed: z.array(z.string()).optional() }))
    .optional(),
  head_commit: z.object({ added: z.array(z.string()).optional(), modified: z.array(z.string()).optional() }).nullish(),
});

export interface NormalizedPush {
  repoFullName: string;
  /** Branch name, or null for a tag push. */
  branch: string | null;
  before: string;
  after: string;
  deleted: boolean;
  /** Files added or modified by the pushed commits and still present after the push. */
  changedFiles: string[];
}

export function normalizePush(payload: unknown): NormalizedPush {
  const parsed = pushPayload.safeParse(payload);
  if (!parsed.success) throw new PayloadShapeError("push", parsed.error.issues.map((i) => i.path.join(".")).join(", "));
  const p = parsed.data;
  const changed = new Set<string>();
  const commits: { added?: string[]; modified?: string[]; removed?: string[] }[] = p.commits?.length ? p.commits : p.head_commit ? [p.head_commit] : [];
  // In push order: a file removed by a later commit is gone and need not be scanned.
  for (const c of commits) {
    for (const f of [...(c.added ?? []), ...(c.modified ?? [])]) changed.add(f);
    for (const f of c.removed ?? []) changed.delete(f);
  }
  return {
    repoFullName: p.repository.full_name,
    branch: p.ref.startsWith("refs/heads/") ? p.ref.slice("refs/heads/".length) : null,
    before: p.before,
    after: p.after,
    deleted: p.deleted ?? /^0+$/.test(p.after),
    changedFiles: [...changed].sort(),
  };
}
