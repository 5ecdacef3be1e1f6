// The page's filters (URL search params) → the security router's input; shared by the server page's
// prefetch and the client view, so both ask for the very same query.
import type { Severity } from "@/server/security/catalog";

export interface SecurityFilterValues {
  repo: string;
  branch: string;
  severity: string;
}

export function securityQueryInput(f: SecurityFilterValues) {
  return { repo: f.repo || undefined, branch: f.branch || undefined, severity: (f.severity || undefined) as Severity | undefined };
}
