// Built-in rules with the advisories' exact affected ranges, checked without any network:
// Log4Shell (CVE-2021-44228, CVE-2021-45046, GHSA-jfh8-c2jp-5v3q / GHSA-7rjr-3q55-vv33) and
// Spring4Shell (CVE-2022-22965, GHSA-36p3-wjmg-h94x).
import { finding, type Finding, type RuleId } from "../catalog";
import type { Dependency } from "./dependency";
import { inRanges } from "./maven-version";

interface KnownVulnerability {
  rule: RuleId;
  cveId: string;
  packages: string[];
  ranges: [string, string][];
  summary: string;
}

export const KNOWN_VULNERABILITIES: KnownVulnerability[] = [
  {
    rule: "dependency.log4shell", cveId: "CVE-2021-44228", packages: ["org.apache.logging.log4j:log4j-core"],
    ranges: [["2.0-beta9", "2.3.1"], ["2.4", "2.12.2"], ["2.13.0", "2.15.0"]],
    summary: "JNDI lookups in log messages allow remote code execution",
  },
  {
    rule: "dependency.log4shell", cveId: "CVE-2021-45046", packages: ["org.apache.logging.log4j:log4j-core"],
    ranges: [["2.0-beta9", "2.3.1"], ["2.4", "2.12.2"], ["2.13.0", "2.16.0"]],
    summary: "the incomplete 2.15.0 fix still allows JNDI lookups through context patterns",
  },
  {
    rule: "dependency.spring4shell", cveId: "CVE-2022-22965", packages: ["org.springframework:spring-beans", "org.springframework:spring-webmvc", "org.springframework:spring-webflux"],
    ranges: [["5.3.0", "5.3.18"], ["0", "5.2.20"]],
    summary: "data binding on JDK 9+ allows remote code execution",
  },
];

export function findKnownVulnerabilities(deps: Dependency[]): Finding[] {
  const out: Finding[] = [];
  for (const d of deps) {
    if (d.ecosystem !== "Maven") continue;
    for (const k of KNOWN_VULNERABILITIES) {
      if (k.packages.includes(d.name) && inRanges(d.version, k.ranges)) {
        out.push(finding(k.rule, { file: d.file, line: d.line }, `${d.name} ${d.version} is affected by ${k.cveId}: ${k.summary}`, { scanner: "dependency", cveId: k.cveId, ruleId: `${k.rule}.${k.cveId}` }));
      }
    }
  }
  return out;
}
