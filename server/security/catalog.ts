// Every rule the scanner reports, with its vulnerability type (runbook §7 `vulnerability_type`), CWE,
// severity and the fix advice shown in the API and on the Security page.
export const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface RuleInfo {
  vulnerabilityType: string;
  cwe: number | null;
  severity: Severity;
  title: string;
  fix: string;
}

export const RULES = {
  "taint.sql-injection": {
    vulnerabilityType: "SQL_INJECTION", cwe: 89, severity: "HIGH", title: "SQL built from untrusted input",
    fix: "Use a parameterised query (PreparedStatement with ? placeholders, the driver's placeholders, or the ORM's query builder) and pass the input as a bound parameter instead of concatenating it into the SQL text.",
  },
  "taint.path-traversal": {
    vulnerabilityType: "PATH_TRAVERSAL", cwe: 22, severity: "HIGH", title: "File path built from untrusted input",
    fix: "Do not use request data as a path. Map it to a known file (allow-list), or keep only the base name, resolve it against a fixed directory, normalise it and check the result still starts with that directory before opening it.",
  },
  "taint.command-injection": {
    vulnerabilityType: "COMMAND_INJECTION", cwe: 78, severity: "CRITICAL", title: "OS command built from untrusted input",
    fix: "Avoid the shell: run a fixed program with an argument list (ProcessBuilder / execFile / subprocess with a list and shell=False), validate the input against an allow-list, and never pass request data as the command or its environment.",
  },
  "taint.xss": {
    vulnerabilityType: "XSS", cwe: 79, severity: "MEDIUM", title: "Untrusted input written into the HTML response",
    fix: "Encode output for its context before writing it (ESAPI encodeForHTML, OWASP Java Encoder, a template engine with auto-escaping, html.escape), or render it as text rather than HTML.",
  },
  "taint.ldap-injection": {
    vulnerabilityType: "LDAP_INJECTION", cwe: 90, severity: "HIGH", title: "LDAP filter built from untrusted input",
    fix: "Escape the value for LDAP search filters (ESAPI encodeForLDAP, escape_filter_chars) or use the filter-arguments form of search with {0} placeholders.",
  },
  "taint.xpath-injection": {
    vulnerabilityType: "XPATH_INJECTION", cwe: 643, severity: "MEDIUM", title: "XPath expression built from untrusted input",
    fix: "Use a parameterised XPath expression (XPathVariableResolver with $variables) or escape the value with encodeForXPath.",
  },
  "taint.trust-boundary": {
    vulnerabilityType: "TRUST_BOUNDARY", cwe: 501, severity: "LOW", title: "Untrusted input stored in the session",
    fix: "Validate request data before storing it in the session, and keep trusted and untrusted values apart (different attribute names or objects).",
  },
  "crypto.weak-hash": {
    vulnerabilityType: "WEAK_HASH", cwe: 328, severity: "MEDIUM", title: "Weak hash algorithm",
    fix: "Use SHA-256 or stronger for integrity; for passwords use a slow, salted hash (bcrypt, scrypt, Argon2, PBKDF2).",
  },
  "crypto.weak-cipher": {
    vulnerabilityType: "WEAK_CIPHER", cwe: 327, severity: "MEDIUM", title: "Weak cipher or mode",
    fix: "Use AES (or ChaCha20) in an authenticated mode such as GCM; never DES, 3DES, RC2, RC4, Blowfish or ECB mode.",
  },
  "crypto.weak-random": {
    vulnerabilityType: "WEAK_RANDOM", cwe: 330, severity: "LOW", title: "Predictable random number generator",
    fix: "Use a cryptographically secure generator (java.security.SecureRandom, crypto.randomBytes / crypto.randomUUID, Python's secrets module) for tokens, keys and identifiers.",
  },
  "cookie.insecure": {
    vulnerabilityType: "INSECURE_COOKIE", cwe: 614, severity: "LOW", title: "Cookie sent without the Secure flag",
    fix: "Set the Secure flag (and HttpOnly, SameSite) on cookies so they are only sent over HTTPS.",
  },
  "secret.hardcoded": {
    vulnerabilityType: "HARDCODED_SECRET", cwe: 798, severity: "HIGH", title: "Hard-coded secret",
    fix: "Remove the secret from the code and history, rotate it now, and load it at run time from the environment or a secret manager.",
  },
  "dependency.log4shell": {
    vulnerabilityType: "LOG4SHELL", cwe: 502, severity: "CRITICAL", title: "Log4Shell: vulnerable log4j-core",
    fix: "Upgrade org.apache.logging.log4j:log4j-core to 2.17.1 or later (2.12.4 on Java 7, 2.3.2 on Java 6).",
  },
  "dependency.spring4shell": {
    vulnerabilityType: "SPRING4SHELL", cwe: 94, severity: "CRITICAL", title: "Spring4Shell: vulnerable Spring Framework",
    fix: "Upgrade Spring Framework to 5.3.18+ or 5.2.20+ (Spring Boot 2.6.6+ / 2.5.12+).",
  },
  "dependency.vulnerable": {
    vulnerabilityType: "VULNERABLE_DEPENDENCY", cwe: 1395, severity: "MEDIUM", title: "Dependency with a known vulnerability",
    fix: "Upgrade the dependency to a version outside the affected range (see the advisory), or remove it.",
  },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

/** One problem found in one file. `evidence` is already masked for secrets. */
export interface Finding {
  /** The catalog rule, or a more specific id of the engine behind it (a secretlint rule, an advisory). */
  ruleId: string;
  vulnerabilityType: string;
  cwe: number | null;
  severity: Severity;
  file: string;
  line: number | null;
  message: string;
  fixAdvice: string;
  cveId?: string;
  evidence?: string;
  scanner: "taint" | "crypto" | "secretlint" | "entropy" | "dependency" | "osv";
}

export function finding(rule: RuleId, at: { file: string; line: number | null }, message: string, extra: Partial<Finding> & { scanner: Finding["scanner"] }): Finding {
  const r: RuleInfo = RULES[rule];
  return { ruleId: rule, vulnerabilityType: r.vulnerabilityType, cwe: r.cwe, severity: r.severity, file: at.file, line: at.line, message, fixAdvice: r.fix, ...extra };
}
