// The fast path (runbook §4.2): a proven fix from the knowledge base, re-applied to the files at the
// failing commit, becomes the session's fix plan — with no LLM call. A fix that does not apply there (or
// an unproven one) comes back as a hint for the LLM instead.
import type { Logger } from "pino";
import { isFailureType } from "../analysis/failure-types";
import type { GitHubClient } from "../github/octokit";
import { lookupFix, reapplyFix, type FixHint } from "../knowledge";
import { splitRepoFullName } from "../repos/repo-name";
import type { FixPlan } from "./fix-plan";
import { loadRepoSnapshot } from "./generate/repo-snapshot";
import type { FailureToHeal } from "./generate/types";
import { checkFileChanges, fileVersionsOf, type GuardrailOptions } from "./guardrails";

export type KnowledgeBaseAnswer =
  | { hit: true; plan: FixPlan; fixId: string; match: "exact" | "similar" }
  | { hit: false; reason: string; hint: FixHint | null };

export async function findKnowledgeBaseFix(o: { github: GitHubClient; log: Logger; failure: FailureToHeal; guardrails: GuardrailOptions }): Promise<KnowledgeBaseAnswer> {
  const { failure } = o;
  if (!isFailureType(failure.failureType)) return { hit: false, reason: `unknown failure type ${failure.failureType}`, hint: null };
  const found = await lookupFix({ failureType: failure.failureType, signature: failure.signature, signatureText: failure.signatureText }, { log: o.log });
  if (!found.hit) {
    const hint = found.hint ? { fixId: found.hint.fix.id, strategy: found.hint.fix.strategy, changes: found.hint.fix.changes, problems: [] } : null;
    return { hit: false, reason: found.reason, hint };
  }
  const snapshot = await loadRepoSnapshot(o.github, { ...splitRepoFullName(failure.repoFullName), commitSha: failure.commitSha });
  const originals = new Map<string, string | null>();
  const readFile = async (path: string) => {
    const read = await snapshot.read(path);
    const content = read.ok ? read.content : null;
    originals.set(path, content);
    return content;
  };
  const reapplied = await reapplyFix(found.fix, { readFile });
  if (!reapplied.applied) {
    const why = reapplied.hint.problems.map((p) => `${p.path}: ${p.reason}`).join("; ");
    o.log.info({ fixId: found.fix.id, problems: reapplied.hint.problems }, `The knowledge base's fix does not apply at this commit (${why}): asking the LLM with it as a hint`);
    return { hit: false, reason: `the cached fix does not apply at ${failure.commitSha.slice(0, 7)}: ${why}`, hint: reapplied.hint };
  }
  const fix = found.fix;
  const strategy = fix.strategy.trim();
  const plan: FixPlan = {
    summary: strategy.split("\n")[0]!.slice(0, 200),
    strategy,
    rootCause: `The same failure (${found.match === "exact" ? "identical signature" : `similar signature, ${Math.round(found.similarity * 100)}% alike`}) was fixed before.`,
    explanation: `Re-applied knowledge-base fix ${fix.id}: it turned CI green ${fix.successCount} time(s) and failed ${fix.failureCount} time(s). ${strategy}`,
    confidence: fix.confidence,
    proposedConfidence: fix.confidence,
    testsTouched: false,
    testsTouchedReason: null,
    changes: reapplied.files.map((f) => {
      const before = originals.get(f.path) ?? null;
      return { path: f.path, action: before === null ? "create" : "modify", content: f.content, originalContent: before };
    }),
  };
  // A cached fix passes the same guardrails as a generated one; one that fails them is only a hint.
  const report = checkFileChanges(fileVersionsOf(plan.changes), o.guardrails);
  if (report.verdict === "block") {
    const why = report.findings.map((f) => `${f.rule} at ${f.path}`).join("; ");
    return { hit: false, reason: `the cached fix is blocked by the guardrails: ${why}`, hint: { fixId: fix.id, strategy, changes: fix.changes, problems: [] } };
  }
  return { hit: true, plan, fixId: fix.id, match: found.match };
}
