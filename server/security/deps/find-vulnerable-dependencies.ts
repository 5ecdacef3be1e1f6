// Dependencies → findings: the built-in Log4Shell / Spring4Shell rules always, OSV when a URL is set
// and it answers. OSV's word on a CVE the built-in rules already reported for that dependency is dropped.
import { finding, type Finding, type Severity } from "../catalog";
import type { Dependency } from "./dependency";
import { findKnownVulnerabilities } from "./known-vulnerabilities";
import { OsvUnavailable, queryOsv, type OsvOptions } from "./osv-client";

export interface DependencyScan {
  findings: Finding[];
  notes: string[];
}

const OSV_SEVERITY: Record<string, Severity> = { CRITICAL: "CRITICAL", HIGH: "HIGH", MODERATE: "MEDIUM", MEDIUM: "MEDIUM", LOW: "LOW" };

export async function findVulnerableDependencies(deps: Dependency[], osv: OsvOptions | null): Promise<DependencyScan> {
  const findings = findKnownVulnerabilities(deps);
  const notes: string[] = [];
  if (deps.length === 0) return { findings, notes };
  if (!osv) {
    notes.push(`OSV lookup skipped (offline): ${deps.length} dependencies checked against the built-in rules only`);
    return { findings, notes };
  }
  const known = new Set(findings.map((f) => `${f.file}|${f.line}|${f.cveId}`));
  try {
    for (const { dependency: d, advisory: a } of await queryOsv(deps, osv)) {
      const cveId = a.aliases.find((x) => x.startsWith("CVE-")) ?? (a.id.startsWith("CVE-") ? a.id : undefined);
      if (cveId && known.has(`${d.file}|${d.line}|${cveId}`)) continue;
      const fix = a.fixed.length ? `Upgrade ${d.name} to ${a.fixed.join(" / ")} or later (${a.id}).` : undefined;
      findings.push(
        finding("dependency.vulnerable", { file: d.file, line: d.line }, `${d.name} ${d.version} is affected by ${a.id}${cveId && cveId !== a.id ? ` (${cveId})` : ""}: ${a.summary}`, {
          scanner: "osv",
          ruleId: `osv.${a.id}`,
          ...(cveId ? { cveId } : {}),
          ...(a.severity && OSV_SEVERITY[a.severity] ? { severity: OSV_SEVERITY[a.severity] } : {}),
          ...(fix ? { fixAdvice: fix } : {}),
        }),
      );
    }
  } catch (e) {
    if (!(e instanceof OsvUnavailable)) throw e;
    notes.push(`OSV lookup skipped: ${e.message}`);
  }
  return { findings, notes };
}
