// A check silenced in the code: lint/type/format/security/coverage suppression comments and suppression
// annotations/attributes, added where the same suppression was not there before.
import type { SideLine } from "../model/changed-file";
import type { GuardrailFinding } from "../types";
import type { ChangedFile } from "../model/changed-file";
import { isMarkerLine } from "../model/declarations";
import type { Lang } from "../model/file-kind";
import { editedFrom, effectiveAdded, effectiveRemoved, finding, netNew, quote, type Rule } from "./rule";

const RULE = "check-suppressed";

// Comment directives, matched on the raw line: flake8 honours "# noqa" even inside a docstring line.
const DIRECTIVES: [RegExp, string][] = [
  [/#\s*(?:(?:flake8|ruff)\s*:\s*)?noqa\b(?:\s*:\s*[\w, ]+)?/i, "noqa"],
  [/#\s*type\s*:\s*ignore\b(?:\[[\w, -]*\])?/, "type: ignore"],
  [/#\s*(?:pyright|pyre|pytype|pyre-fixme|pyre-ignore)\s*[:[]?\s*(?:ignore|disable|fixme)?/i, "pyright/pyre ignore"],
  [/#\s*mypy\s*:\s*(?:ignore-errors|disable-error-code)/i, "mypy: ignore-errors"],
  [/(?:#|\/\/|\/\*)\s*pylint\s*:\s*(?:disable|skip-file)/i, "pylint: disable"],
  [/(?:#|\/\/)\s*nosec\b|(?:#|\/\/)\s*nosemgrep\b|#\s*(?:checkov:skip|tfsec:ignore|trivy:ignore|kics-scan\s+ignore)|#\s*bandit\s*:\s*skip/i, "nosec"],
  [/#\s*pragma\s*:?\s*no\s*(?:cover|branch)\b/i, "pragma: no cover"],
  [/(?:#|\/\/)\s*(?:fmt|isort|yapf)\s*:\s*(?:off|skip|disable)\b|@formatter:off/i, "formatter off"],
  [/(?:\/\/|\/\*|<!--|\{\s*\/\*)\s*eslint-disable(?:-next-line|-line)?\b|\/\*\s*eslint\s+[@\w/-]+\s*:\s*["']?(?:0|off)\b/, "eslint-disable"],
  [/@ts-(?:ignore|nocheck|expect-error)\b/, "@ts-ignore"],
  [/(?:\/\/|\/\*)\s*(?:tslint|jshint|jscs|stylelint|biome|biome-ignore|deno-lint|deno-fmt|xo|oxlint|coffeelint|sonarlint)[:-]?\s*(?:disable|ignore)|\/\/\s*(?:biome-ignore|deno-lint-ignore)/i, "linter disable comment"],
  [/(?:\/\/|\/\*|<!--|#)\s*prettier-ignore\b/, "prettier-ignore"],
  [/(?:\/\*|\/\/)\s*(?:istanbul|c8|v8|node:coverage)\s+(?:ignore|disable)/, "coverage ignore"],
  [/CHECKSTYLE\s*[:.]?\s*(?:OFF|IGNORE|SUPPRESS)|\/\/\s*checkstyle\s*:\s*(?:off|ignore)|@checkstyle\b/i, "CHECKSTYLE:OFF"],
  [/\bNOSONAR\b|\/\/\s*NOPMD\b|CPD-OFF\b|\/\/\s*noinspection\b|\/\/\s*lgtm\b|\/\/\s*codeql\s*\[/i, "NOSONAR/NOPMD/noinspection"],
  [/\/\/\s*nolint\b|\/\/\s*lint:(?:ignore|file-ignore)\b|\/\/\s*(?:golint|revive|staticcheck|gosec)\s*:\s*(?:ignore|disable)/i, "nolint"],
  [/\bNOLINT(?:NEXTLINE|BEGIN)?\b|cppcheck-suppress|coverity\[/, "NOLINT"],
  [/#\s*pragma\s+(?:warning\s+disable|warning\s*\(\s*disable|GCC\s+diagnostic\s+ignored|clang\s+diagnostic\s+ignored)/, "#pragma warning disable"],
  [/#\s*(?:rubocop|standard)\s*:\s*(?:disable|todo)|#\s*reek:/i, "rubocop:disable"],
  [/\/\/\s*(?:swiftlint|swiftformat)\s*:\s*disable/i, "swiftlint:disable"],
  [/@(?:phpstan|psalm)-(?:ignore|suppress)|phpcs\s*:\s*(?:ignore|disable)|@codingStandardsIgnore/i, "phpstan/phpcs ignore"],
  [/#\s*shellcheck\s+disable|#\s*hadolint\s+ignore|#\s*yamllint\s+disable|<!--\s*markdownlint-disable|<!--\s*vale\s+off/i, "shellcheck/hadolint/yamllint disable"],
  [/\/\/\s*ktlint-disable|\/\/\s*detekt\s*:|@file:JvmSuppress|\/\/\s*spotless:off|\/\/\s*scalastyle:off|\/\/\s*scalafmt:\s*off/i, "ktlint/detekt/spotless off"],
];

// Suppression annotations and attributes in code.
const ANNOTATIONS: [RegExp, string][] = [
  [/@(?:java\.lang\.)?SuppressWarnings\s*\(/, "@SuppressWarnings"],
  [/@(?:file:|get:|set:|field:|param:|property:)?Suppress\s*\(/, "@Suppress"],
  [/@(?:edu\.umd\.cs\.findbugs\.annotations\.)?SuppressFBWarnings\b|@SuppressLint\s*\(|@SuppressCheckReturnValue\b|@SuppressModernizer\b|@SuppressForbidden\b|@SuppressAjWarnings\b/, "suppression annotation"],
  [/\[\s*(?:assembly\s*:\s*)?(?:System\.Diagnostics\.CodeAnalysis\.)?SuppressMessage\s*\(|\[\s*ExcludeFromCodeCoverage\b/, "[SuppressMessage]"],
  [/#!?\[\s*(?:allow|expect)\s*\(|#!?\[\s*cfg_attr\s*\([^\]]*\b(?:allow|expect)\s*\(/, "#[allow(…)]"],
  [/\bdeclare\s*\(\s*strict_types\s*=\s*0/, "strict_types=0"],
];

interface Hit {
  key: string;
  what: string;
}

function hitsOf(line: SideLine, code: boolean): Hit[] {
  const hits: Hit[] = [];
  for (const [re, what] of DIRECTIVES) {
    const m = re.exec(line.raw);
    if (m && !insideQuotes(line.raw, m.index)) hits.push({ key: `${what}|${m[0].replace(/\s+/g, " ").trim()}`, what: m[0].trim() });
  }
  if (code) {
    for (const [re, what] of ANNOTATIONS) {
      const m = re.exec(line.lex.code);
      if (m) hits.push({ key: `${what}|${line.lex.text.replace(/\s+/g, "").slice(m.index, m.index + 80)}`, what });
    }
  }
  return hits;
}

// A directive inside a string on the same line ("# noqa" in a message) is text, not a directive. A
// docstring line with no quote before it still counts: flake8 honours noqa there.
function insideQuotes(raw: string, index: number): boolean {
  const before = raw.slice(0, index);
  return ["\"", "'", "`"].some((q) => before.split(q).length % 2 === 0);
}

// Directives that silence a whole file (not only the lines the fix writes).
function fileWide(what: string): boolean {
  return /eslint-disable(?!-)|@ts-nocheck|flake8\s*:\s*noqa|ruff\s*:\s*noqa|mypy\s*:\s*ignore-errors|skip-file|#!\[|@file:|assembly\s*:|tslint:disable(?!-)|CHECKSTYLE|NOLINTBEGIN|CPD-OFF|swiftlint:disable(?!:)|rubocop:disable|fmt:\s*off|@formatter:off|markdownlint-disable(?!-)/i.test(what);
}

// A suppression that only covers code the fix itself adds (a new block, not an edited line) hides no
// existing failure; one on an edited or unchanged line silences what failed. A directive or annotation on
// its own line governs the next line of code.
function onlyNewCode(f: ChangedFile, line: SideLine): boolean {
  let governed: SideLine = line;
  if (standalone(line, f.kind.lang)) {
    for (const next of f.new.below(line.no)) {
      if (next.lex.code.trim() === "" || standalone(next, f.kind.lang)) continue;
      governed = next;
      break;
    }
    if (governed === line) return false;
  }
  return governed.changed && editedFrom(f, governed.no) === null;
}

function standalone(line: SideLine, lang: Lang): boolean {
  const code = line.lex.code.trim();
  return code === "" || isMarkerLine(code, lang);
}

export const checkSuppressed: Rule = (ctx) => {
  const out: GuardrailFinding[] = [];
  for (const f of ctx.files) {
    if (f.binary) continue;
    const added = effectiveAdded(f).map((line) => ({ line, hits: hitsOf(line, f.kind.code) }));
    const removed = effectiveRemoved(f).map(({ line }) => ({ line, hits: hitsOf(line, f.oldKind.code) }));
    for (const { line, hit } of netNew(added, removed)) {
      if (!fileWide(hit.what) && onlyNewCode(f, line)) continue;
      out.push(finding(RULE, f, line, "new", `adds ${hit.what.startsWith("@") || hit.what.startsWith("#") || hit.what.startsWith("[") ? "" : "the suppression "}${quote(hit.what, 50)}: it silences a check instead of fixing what it reports (\`${quote(line.raw.trim(), 60)}\`)`));
    }
  }
  return out;
};
