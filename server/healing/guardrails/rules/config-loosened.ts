// Lint, type-check, compiler or coverage configuration loosened: a rule turned off or down, a strict flag
// turned off, a threshold lowered (or a maximum raised), items added to an ignore/exclude/disable list,
// enabled checks or rule definitions removed, -Werror-like flags dropped, suppression/baseline files grown,
// the configuration file deleted.
import type { ChangedFile } from "../model/changed-file";
import { mavenPluginOf, type Entry } from "../model/config-entries";
import type { GuardrailFinding } from "../types";
import { configChanges, ctxText, isConfigLike, newEntries, VENDORED } from "./config-changes";
import { effectiveAdded, effectiveRemoved, finding, quote, type Rule } from "./rule";

const RULE = "config-loosened";

// Whole files that configure a checker (as opposed to build files with a lint section).
const DEDICATED = /(^|\/)(\.eslintrc[^/]*|eslint\.config\.[^/]+|tslint\.json|biome\.jsonc?|\.stylelintrc[^/]*|\.jshintrc|tsconfig[^/]*\.json|jsconfig\.json|\.flake8|\.pylintrc|pylintrc|mypy\.ini|\.mypy\.ini|\.?ruff\.toml|\.bandit|\.coveragerc|checkstyle[^/]*\.xml|[^/]*suppressions?[^/]*\.xml|pmd[^/]*\.xml|[^/]*ruleset[^/]*\.xml|(spotbugs|findbugs)[^/]*\.xml|lint\.xml|\.golangci\.[^/]+|\.?clippy\.toml|detekt[^/]*\.ya?ml|\.rubocop[^/]*\.ya?ml|phpstan[^/]*\.neon|psalm\.xml|phpcs\.xml[^/]*|\.swiftlint\.ya?ml|sonar-project\.properties|\.?codecov\.ya?ml|\.nycrc[^/]*|\.hadolint\.ya?ml|\.yamllint[^/]*|\.markdownlint[^/]*|\.scalastyle[^/]*|scalastyle[^/]*\.xml|\.shellcheckrc|\.clang-tidy|org\.eclipse\.jdt\.core\.prefs|\.editorconfig|\.prettierrc[^/]*|\.eslintignore|\.prettierignore|\.pre-commit-config\.ya?ml)$/i;
// Sections of shared build files that configure a checker.
const LINT_SECTION = /\b(eslintConfig|eslint|tslint|stylelint|prettier|flake8|pylint[\w.:-]*|mypy[\w.:-]*|ruff[\w.:-]*|black|isort|pyright|bandit|pycodestyle|pydocstyle|coverage[\w.:-]*|tool\.(ruff|mypy|pylint|black|isort|coverage|pyright|bandit)[\w.:-]*|checkstyle\w*|pmd|spotbugs\w*|findbugs|jacoco\w*|spotless|detekt|ktlint|lint|lintOptions|errorprone|kotlinOptions|compilerOptions|compilerArgs|compilerArguments|options|lints|lints\.\w+|workspace\.lints[\w.]*|coverageThreshold|global|thresholds?|violationRules|limit|rule|rules|maven-compiler-plugin|compiler)\b/i;
const RULES_BLOCK = /\b(rules|linter|checks|lints|lints\.\w+|analyzers?|inspections|detectors|linters-settings|severity|warnings|errors)\b/i;

const SEVERITY: Record<string, number> = {
  error: 3, err: 3, deny: 3, forbid: 3, "2": 3, fatal: 3, strict: 3, on: 2, true: 2, warn: 2, warning: 2, "1": 2,
  info: 1, hint: 1, suggestion: 1, silent: 0, note: 1, off: 0, ignore: 0, none: 0, false: 0, "0": 0, allow: 0, disabled: 0, disable: 0,
};

function severity(v: string): number | null {
  const m = /^\[?\s*["']?([\w-]+)/.exec(v.trim());
  if (!m) return null;
  const s = SEVERITY[m[1]!.toLowerCase()];
  return s === undefined ? null : s;
}

const STRICT_WHEN_TRUE = /^(strict\w*|no(?:Implicit\w+|Unused\w+|Fallthrough\w*|Unchecked\w+|PropertyAccessFromIndexSignature|ImplicitReturns|ImplicitOverride|ImplicitThis|ImplicitAny)|alwaysStrict|exactOptionalPropertyTypes|useUnknownInCatchVariables|forceConsistentCasingInFileNames|checkJs|warningsAsErrors|allWarningsAsErrors|treatWarningsAsErrors|TreatWarningsAsErrors|werror|fatal_?warnings|failOnWarning|failOnViolation|failsOnError|failOnError|failOnSeverity|abortOnError|checkReleaseBuilds|warnings_?as_?errors|disallow_\w+|check_untyped_defs|warn_\w+|strict_\w+|no_implicit_\w+|enforce\w*|reportMissing\w*|failBuildOnViolation|haltOnFailure|active|enabled|Enabled|isEnabled)$/;
const LOOSE_WHEN_TRUE = /^(skipLibCheck|skipDefaultLibCheck|allowUnreachableCode|allowUnusedLabels|suppressImplicitAnyIndexErrors|suppressExcessPropertyErrors|noStrictGenericChecks|ignore_errors|ignore_missing_imports|allow_untyped_\w+|allow_incomplete_defs|allow_redefinition|allow_any_\w+|implicit_optional|implicit_reexport|exit[-_]?zero|ignoreFailures|isIgnoreFailures|ignoreWarnings|ignore_warnings|ignoreErrors|quiet|lenient|permissive|skip|isSkip|skipCheck|skipChecks|skipViolations)$/;
const MIN_THRESHOLD = /(?:^|[._-])(?:fail[_-]?under|failUnder|min|minimum|minimum[_-]?coverage|min[_-]?coverage|threshold|coverage|covered[_-]?ratio|coveredratio|lines|branches|functions|statements|instructions|target|ratio|percentage)$/i;
const MAX_THRESHOLD = /(?:^|[._-])(?:max[\w-]*|[\w-]*max|complexity|max[-_]?complexity|line[-_]?length|max[-_]?line[-_]?length|maxWarnings|max[-_]warnings|maxIssues|maxAllowedViolations|allowedViolations|violations|maxErrors|max[-_]?errors|max[-_]?args|max[-_]?lines|max[-_]?statements|max[-_]?depth)$/i;
const GROW_LIST = /^(?:ignore|ignores|ignored|exclude|excludes|exclusions?|omit|skip|suppress\w*|disable|disabled|disabledRules|extend-ignore|extend_ignore|per-file-ignores|per_file_ignores|ignorePatterns|ignore_paths|ignore_names|ignore-paths|exclude-rules|exclude-dirs|exclude-files|skip-files|skip-dirs|NoWarn|nowarn|disable_error_code|allow|allowlist|excludeFilter|exclude_dirs|sonar\.\w*exclusions|ignores|globalIgnores|unfixable|baseline|allowed)$/i;
const ENABLE_LIST = /^(?:enable|enabled|select|extend-select|extend_select|checks|plugins|extends|presets|enable-all|default)$/i;

function inLintScope(f: ChangedFile, e: Entry): boolean {
  if (DEDICATED.test(f.path)) return true;
  const plugin = f.kind.lang === "xml" ? mavenPluginOf(f.new, e.line) ?? mavenPluginOf(f.old, e.line) ?? "" : "";
  return LINT_SECTION.test(`${ctxText(e)} ${plugin}`) && !/surefire|failsafe/.test(plugin);
}

export const configLoosened: Rule = (ctx) => {
  const out: GuardrailFinding[] = [];
  const lintFilesAdded = ctx.files.filter((f) => f.status === "added" && DEDICATED.test(f.path));
  for (const f of ctx.files) {
    if (f.status === "deleted" && DEDICATED.test(f.path) && !/\.editorconfig$|\.prettier/.test(f.path)) {
      if (!lintFilesAdded.some((a) => sameTool(a.path, f.path))) out.push(finding(RULE, f, null, null, "deletes the configuration of a lint/type/coverage check"));
      continue;
    }
    if (!isConfigLike(f)) continue;
    if (/suppress|baseline|_todo|exclude|\.eslintignore$|\.prettierignore$/i.test(f.path.slice(f.path.lastIndexOf("/") + 1)) && DEDICATED.test(f.path) || /(^|\/)\.eslintignore$|(^|\/)\.prettierignore$|(^|\/)[\w.-]*(baseline|suppressions?)[\w.-]*\.(xml|ya?ml|json|neon|txt)$/i.test(f.path)) {
      const grown = effectiveAdded(f).filter((l) => l.lex.code.trim() !== "" && !/^<\/?[\w:-]+>$|^<\?xml|^<!DOCTYPE|^[{}[\],]+$/.test(l.lex.text.trim()));
      if (grown.length > 0) out.push(finding(RULE, f, grown[0]!, "new", `adds ${grown.length} entr${grown.length === 1 ? "y" : "ies"} to a suppression/ignore list (\`${quote(grown[0]!.lex.text, 50)}\`)`));
      continue;
    }
    out.push(...entryFindings(f));
    out.push(...droppedStrictFlags(f));
  }
  return out;
};

function sameTool(a: string, b: string): boolean {
  const tool = (p: string) => /eslint|tslint|biome|stylelint|jshint|tsconfig|jsconfig|flake8|pylint|mypy|ruff|bandit|coverage|checkstyle|pmd|spotbugs|findbugs|golangci|clippy|detekt|rubocop|phpstan|psalm|phpcs|swiftlint|sonar|codecov|nyc|hadolint|yamllint|markdownlint|scalastyle|shellcheck|clang-tidy/i.exec(p)?.[0]?.toLowerCase();
  return tool(a) !== undefined && tool(a) === tool(b);
}

function entryFindings(f: ChangedFile): GuardrailFinding[] {
  const out: GuardrailFinding[] = [];
  const changes = configChanges(f);
  const addedText = effectiveAdded(f).map((l) => l.lex.text).join("\n");
  for (const e of newEntries(f)) {
    if (!inLintScope(f, e)) continue;
    const msg = loosening(e, changes.before(e), addedText);
    if (msg) out.push(finding(RULE, f, e.line, "new", msg));
  }
  // Enabled checks or rule definitions removed and not brought back.
  for (const e of changes.removed) {
    if (!inLintScope(f, e) || changes.added.some((a) => a.key === e.key && (!e.item || a.value === e.value))) continue;
    if (e.item && ENABLE_LIST.test(e.key)) {
      out.push(finding(RULE, f, e.line, "old", `stops enabling ${quote(e.value, 40)} (${e.key})`));
    } else if (!e.item && /^module\.name$/.test(e.key) && f.kind.lang === "xml") {
      out.push(finding(RULE, f, e.line, "old", `removes the ${quote(e.value, 40)} check`));
    } else if (!e.item && RULES_BLOCK.test(ctxText(e)) && (severity(e.value) ?? 0) >= 2 && DEDICATED.test(f.path)) {
      out.push(finding(RULE, f, e.line, "old", `removes the rule ${e.key} (${quote(e.value, 20)})`));
    }
  }
  return out;
}

function loosening(e: Entry, before: Entry | null, addedText: string): string | null {
  const key = e.key.replace(/^.*[.:](?=[^.:]+$)/, "");
  const show = `${e.key} = ${quote(e.value, 40)}`;
  if (e.item) {
    if (GROW_LIST.test(e.key) && !VENDORED.test(e.value)) return `adds ${quote(e.value, 40)} to ${e.key}`;
    return null;
  }
  const sNow = severity(e.value);
  const sBefore = before ? severity(before.value) : null;
  if (STRICT_WHEN_TRUE.test(key) && /^(false|no|off|0)$/i.test(e.value.trim()) && (before === null || /^(true|yes|on|1)$/i.test(before.value.trim()))) {
    return `${show}: turns a strictness setting off`;
  }
  if (LOOSE_WHEN_TRUE.test(key) && /^(true|yes|on|1)$/i.test(e.value.trim()) && (before === null || !/^(true|yes|on|1)$/i.test(before.value.trim()))) {
    return `${show}: tells the check to let problems through`;
  }
  if (sNow !== null && sBefore !== null && sNow < sBefore) return `${show}: lowers the rule's severity from ${quote(before!.value, 20)}`;
  if (sNow === 0 && sBefore === null && RULES_BLOCK.test(ctxText(e))) return `${show}: turns the rule off`;
  const num = Number(e.value.replace(/%$/, ""));
  const old = before ? Number(before.value.replace(/%$/, "")) : NaN;
  if (Number.isFinite(num) && Number.isFinite(old) && e.value.trim() !== "" && before!.value.trim() !== "") {
    if (MAX_THRESHOLD.test(key) && num > old) return `${e.key} raised from ${before!.value} to ${e.value}`;
    if (MIN_THRESHOLD.test(key) && !MAX_THRESHOLD.test(key) && num < old) return `${e.key} lowered from ${before!.value} to ${e.value}`;
  }
  const toks = (s: string) => new Set(s.split(/[\s,;|[\]()'"{}]+/).filter(Boolean));
  if (ENABLE_LIST.test(key) && before) {
    const now = toks(e.value);
    // A list re-wrapped over several lines keeps its items on the lines below.
    const dropped = [...toks(before.value)].filter((t) => !now.has(t) && /\w/.test(t) && !addedText.includes(t));
    if (dropped.length > 0) return `stops enabling ${quote(dropped.join(", "), 40)} (${e.key})`;
  }
  if (GROW_LIST.test(key) && e.value.trim() !== "" && e.value.trim() !== "[" && e.value.trim() !== "{") {
    const was = before ? toks(before.value) : new Set<string>();
    const added = [...toks(e.value)].filter((t) => !was.has(t) && !VENDORED.test(t));
    if (added.length > 0) return `adds ${quote(added.join(", "), 40)} to ${e.key}`;
  }
  return null;
}

// Strictness flags (-Werror, --strict, -D warnings, --max-warnings 0, --check…) dropped from a build/CI/lint file.
const STRICT_FLAGS: [RegExp, string][] = [
  [/(?:^|[\s"',[])-Werror\b(?!=)/, "-Werror"],
  [/(?:^|[\s"',[])-Xwerror\b/, "-Xwerror"],
  [/(?:^|[\s"',[])-Xlint(?::all)?\b/, "-Xlint"],
  [/(?:^|[\s"',[])-Wall\b/, "-Wall"],
  [/(?:^|[\s"',[])--strict\b/, "--strict"],
  [/(?:^|[\s"',[])(?:-D\s*warnings|--deny[= ]warnings|-Dclippy::\w+)\b/, "-D warnings"],
  [/deny\s*\(\s*warnings\s*\)/, "deny(warnings)"],
  [/--max-warnings[= ]\s*0\b/, "--max-warnings 0"],
  [/--warnings-as-errors\b|-warnaserror\b|--fatal-warnings\b|allWarningsAsErrors\b|-Werror=/, "warnings as errors"],
  [/--strict-markers\b|--strict-config\b/, "--strict-markers"],
  [/filterwarnings\s*=\s*["']?error|-W\s*error\b/, "warnings as errors (-W error)"],
  [/(?:prettier|black|isort|gofmt|rustfmt|cargo\s+fmt|ruff\s+format)\b[^\n]*\s--check\b|--check\s+--diff/, "the format check (--check)"],
  [/--cov-fail-under[= ]\d+|--fail-under[= ]\d+/, "the coverage minimum"],
];

function droppedStrictFlags(f: ChangedFile): GuardrailFinding[] {
  if (!f.kind.ci && !f.kind.build && !f.kind.lintConfig) return [];
  const out: GuardrailFinding[] = [];
  const addedText = effectiveAdded(f).map((l) => l.lex.text).join("\n");
  const keptText = f.new.all().filter((l) => !l.changed).map((l) => l.lex.text).join("\n");
  for (const { line } of effectiveRemoved(f)) {
    for (const [re, name] of STRICT_FLAGS) {
      if (!re.test(line.lex.text) || re.test(addedText) || (f.new.full && re.test(keptText))) continue;
      out.push(finding(RULE, f, line, "old", `drops ${name}: the check no longer fails the build`));
    }
  }
  // Numeric flags: coverage minimum lowered, warning maximum raised.
  for (const [re, dir, name] of [[/--cov-fail-under[= ](\d+(?:\.\d+)?)|--fail-under[= ](\d+(?:\.\d+)?)/, -1, "coverage minimum"], [/--max-warnings[= ]\s*(\d+)|--max-line-length[= ](\d+)|--max-complexity[= ](\d+)/, 1, "warning/length maximum"]] as const) {
    const olds = effectiveRemoved(f).map(({ line }) => re.exec(line.lex.text)).filter((m): m is RegExpExecArray => m !== null);
    for (const l of effectiveAdded(f)) {
      const m = re.exec(l.lex.text);
      if (!m) continue;
      const now = Number(m.slice(1).find((g) => g !== undefined));
      const prev = olds.map((o) => Number(o.slice(1).find((g) => g !== undefined)))[0];
      if (prev !== undefined && (now - prev) * dir > 0) out.push(finding(RULE, f, l, "new", `${name} changed from ${prev} to ${now}`));
    }
  }
  return out;
}
