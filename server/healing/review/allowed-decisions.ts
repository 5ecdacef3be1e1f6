// Which decisions a reviewer can take on a session in its current state (architecture: statuses and
// flows 3–4), the same rules the decision actions enforce with a 409: approve and reject a pending fix
// nobody decided yet; re-code a pending, failed or CI-failed one. The review page shows only these.

export type Decision = "approve" | "reject" | "recode";

export interface DecisionState {
  status: string;
  outcome: string | null;
  /** Set once someone approved (the fix is being applied) or rejected. */
  decidedBy: string | null;
  hasFixPlan: boolean;
  /** A re-code of this session already exists: re-code that one instead. */
  recoded: boolean;
}

export function allowedDecisions(s: DecisionState): Decision[] {
  if (s.recoded) return [];
  if (s.status === "PENDING_APPROVAL") {
    if (s.decidedBy) return [];
    return s.hasFixPlan ? ["approve", "reject", "recode"] : ["reject", "recode"];
  }
  if (s.status === "FAILED" || (s.status === "APPLIED" && s.outcome === "FAILED")) return ["recode"];
  return [];
}
