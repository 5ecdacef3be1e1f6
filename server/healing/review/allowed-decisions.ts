// Which decisions a reviewer can take on a session in its current state (architecture: statuses and
// flows 3–4). The review page shows only these buttons; the server actions check again.

export type Decision = "approve" | "reject" | "recode";

export interface DecisionState {
  status: string;
  outcome: string | null;
  hasFixPlan: boolean;
  /** A re-code of this session already exists: re-code that one instead. */
  recoded: boolean;
}

export function allowedDecisions(s: DecisionState): Decision[] {
  if (s.status === "PENDING_APPROVAL") return s.hasFixPlan ? ["approve", "reject", "recode"] : ["reject", "recode"];
  if (s.recoded) return [];
  // A rejected or failed fix, or an applied one whose CI failed, can be tried again with feedback.
  if (s.status === "REJECTED" || s.status === "FAILED" || (s.status === "APPLIED" && s.outcome === "FAILED")) return ["recode"];
  return [];
}
