// Static checks of JVM builds, as Maven plugins, Gradle plugins and the tools themselves print them:
// Checkstyle, PMD, SpotBugs, Javadoc (doclint), license headers (license-maven-plugin, Apache RAT, the
// Gradle license plugin), Spotless, fmt-maven-plugin, ktlint, detekt, Android lint.
import type { Phase } from "./rule";
import { rule } from "./rule";

// javadoc's doclint messages (jdk.javadoc's doclint resources): the same "File.java:12: error: ..." form
// as javac's, told apart by what they say.
const DOCLINT =
  /^(unknown tag: |@param name not found|reference not found|self-closing element not allowed|malformed HTML|bad use of '>'|bad HTML entity|invalid entity|unexpected end tag: |element not closed: |end tag missing: |exception not thrown: |no summary or caption for table|heading used out of sequence|unterminated inline tag|unexpected content|text not allowed in <|nested tag not allowed: |tag not allowed here: |unknown attribute: |attribute lacks value|no comment$|no @param for |no @return$|no @throws for |no description for @|invalid use of @|documentation comment not expected here|semicolon missing|block element not allowed within inline element|unexpected text$|empty <p> tag|incorrect use of inline tag|invalid uri: |syntax error in reference|cannot use a html heading)/;

/** javac or javadoc: doclint's messages and anything printed while a javadoc or lint goal runs are LINT. */
export function javaDiagnosticType(message: string, phase: Phase): "LINT" | "BUILD_COMPILE" {
  return DOCLINT.test(message) || phase === "LINT" ? "LINT" : "BUILD_COMPILE";
}

export const jvmLintRules = [
  rule({
    id: "checkstyle.violation",
    keywords: ["^[error] ", "^[warn", "^[ant:checkstyle] "],
    // maven-checkstyle-plugin: "[ERROR] File.java:[12,5] (category) Rule: message"; Checkstyle's own
    // audit format: "[ERROR] /path/File.java:12:5: message [Rule]"; Gradle's Ant task prefixes
    // "[ant:checkstyle]" (older Gradle without the severity).
    pattern:
      /^\[ant:checkstyle\] (\[\w+\] )?\S+:\d+(:\d+)?: |^\[(ERROR|WARN|WARNING)\] \S+\.(java|kt|scala|groovy|xml|properties):(\[\d+(,\d+)?\]:? \(\w+\) \w+: |\d+(:\d+)?: .*\[[A-Z]\w+\]$)/,
    type: "LINT",
    weight: 6,
    examples: [
      "[ERROR] src/main/java/com/acme/shop/Cart.java:[42,9] (coding) MagicNumber: '100' is a magic number.",
      "[WARN] src/main/java/com/acme/shop/Cart.java:[7] (imports) UnusedImports: Unused import - java.util.List.",
      "[ERROR] /home/runner/work/shop/shop/src/main/java/com/acme/shop/Cart.java:42:9: '100' is a magic number. [MagicNumber]",
      "[ant:checkstyle] [ERROR] /home/travis/build/acme/shop/src/main/java/com/acme/shop/Cart.java:15:1: Missing a Javadoc comment. [MissingJavadocType]",
      "[ant:checkstyle] /home/travis/build/acme/shop/src/main/java/com/acme/shop/Cart.java:42:9: '100' is a magic number.",
    ],
  }),
  rule({
    id: "checkstyle.summary",
    keywords: ["checkstyle violation", "reported by checkstyle", "checkstyle ends with", "checkstyle rule violations", "checkstyle files with violations"],
    pattern: /You have [1-9]\d* Checkstyle violations?|There (is|are) [1-9]\d* errors? reported by Checkstyle|Checkstyle ends with [1-9]\d* errors?|Checkstyle rule violations were found|Checkstyle files with violations: [1-9]/,
    type: "LINT",
    weight: 9,
    summary: true,
    examples: ["[ERROR] There are 3 errors reported by Checkstyle 10.12.5 with config/checkstyle.xml ruleset.", "Checkstyle ends with 2 errors.", "> Checkstyle rule violations were found. See the report at: file:///home/runner/work/shop/shop/build/reports/checkstyle/main.html"],
  }),
  rule({
    id: "pmd.violation",
    keywords: ["pmd failure: "],
    pattern: /PMD Failure: \S+:\d+ Rule:\w+/,
    type: "LINT",
    weight: 6,
    examples: ["[INFO] PMD Failure: com.acme.shop.Cart:42 Rule:UnusedPrivateField Priority:3 Avoid unused private fields such as 'discount'.."],
  }),
  rule({
    id: "pmd.summary",
    keywords: ["pmd violation", "cpd duplication", "pmd rule violation"],
    pattern: /You have [1-9]\d* (PMD violations?|CPD duplications?)|\b[1-9]\d* PMD rule violations? (was|were) found/,
    type: "LINT",
    weight: 9,
    summary: true,
    examples: ["[INFO] You have 2 PMD violations. For more details see: /home/runner/work/shop/shop/target/pmd.xml", "> 3 PMD rule violations were found. See the report at: file:///home/runner/work/shop/shop/build/reports/pmd/main.html"],
  }),
  rule({
    id: "spotbugs.bug",
    keywords: ["high: ", "medium: ", "low: "],
    pattern: /^\[(ERROR|INFO|WARNING)\] (High|Medium|Low): .* \[[\w.$]+\] (At|In) \S+\.java(:\[lines? \d+(-\d+)?\])? [A-Z][A-Z0-9_]+$/,
    type: "LINT",
    weight: 6,
    examples: ["[ERROR] Medium: com.acme.shop.Cart.getItems() may expose internal representation by returning Cart.items [com.acme.shop.Cart] At Cart.java:[line 42] EI_EXPOSE_REP"],
  }),
  rule({
    id: "spotbugs.summary",
    keywords: ["total bugs:", "spotbugs ended with exit code", "spotbugs rule violations", "spotbugs violations", "bugs and", "findbugs rule violations"],
    pattern: /^\[(INFO|ERROR)\] Total bugs: [1-9]|SpotBugs ended with exit code [1-9]|(SpotBugs|FindBugs) rule violations were found|\b[1-9]\d* SpotBugs violations were found|failed with [1-9]\d* bugs and \d+ errors/,
    type: "LINT",
    weight: 9,
    summary: true,
    examples: ["[INFO] Total bugs: 2", "   > Verification failed: SpotBugs ended with exit code 1. See the report at: file:///home/runner/work/shop/shop/build/reports/spotbugs/main.html"],
  }),
  rule({
    id: "javadoc.error",
    keywords: ["exit code:", "error while generating javadoc", "error while creating archive", "javadoc generation failed", "javadoc: error"],
    pattern: /^\[ERROR\] Exit code: \d+ - |MavenReportException: Error while (generating Javadoc|creating archive)|Javadoc generation failed|^javadoc: error - /,
    type: "LINT",
    weight: 8,
    summary: true,
    examples: [
      "[ERROR] Exit code: 1 - /home/runner/work/shop/shop/src/main/java/com/acme/shop/Cart.java:18: error: unknown tag: discount",
      "> Javadoc generation failed. Generated Javadoc options file (useful for troubleshooting): '/home/runner/work/shop/shop/build/tmp/javadoc/javadoc.options'",
    ],
  }),
  rule({
    id: "license.header",
    keywords: ["missing header in", "expected license header", "unapproved license", "license violations were found", "files with unapproved licenses", "no header:", "license header", "unapproved: "],
    pattern:
      /Missing header in: ?\S+|Some files do not have the expected license header|Too many files with unapproved license|License violations were found|Files with unapproved licenses:|file\(s\) with no header:|Missing license header|license header (is )?missing|Rat check: Summary over all files\. Unapproved: [1-9]/i,
    type: "LINT",
    weight: 8,
    examples: [
      "[WARNING] Missing header in: /home/runner/work/shop/shop/src/main/java/com/acme/shop/Cart.java",
      "[INFO] Rat check: Summary over all files. Unapproved: 1, unknown: 1, generated: 0, approved: 214 licenses.",
      "> License violations were found: /home/travis/build/acme/shop/src/main/java/com/acme/shop/Cart.java",
      "Missing license header in src/main/java/com/acme/shop/Cart.java",
    ],
  }),
  rule({
    id: "format.violations",
    keywords: ["had format violations", "to fix these violations", "non-complying file", "non complying file", "lint found errors", "weighted issues", "ktlint found"],
    pattern: /The following files had format violations|to fix these violations\.|Found [1-9]\d* non-complying files?|Non complying file: |Lint found errors in the project; aborting build|Build failed with \d+ weighted issues|Lint error > /,
    type: "LINT",
    weight: 9,
    summary: true,
    examples: [
      "  > The following files had format violations:",
      "[ERROR] Run 'mvn spotless:apply' to fix these violations.",
      "  Run './gradlew :spotlessApply' to fix these violations.",
      "[ERROR] Non complying file: /home/runner/work/shop/shop/src/main/java/com/acme/shop/Cart.java",
      "Lint found errors in the project; aborting build.",
    ],
  }),
  rule({
    id: "java.diagnostic",
    // javac's "File.java:12: error: ..." and the Maven compiler plugin's "[ERROR] File.java:[12,5] ...".
    keywords: ["^[error] ", ": error: "],
    pattern: /^(\[ERROR\] )?\S*?(\.(java|kt|kts|scala|groovy|aj)|\.jar!\S*):(\[\d+,\d+\]|\s?\(-?\d+, ?-?\d+\)|\d+:(\d+:)?)\s?(error: )?(.*)$/,
    accept: (m) => m[1] !== undefined || m[6] !== undefined,
    // javac reports a line only; a .java line with a column is Checkstyle's plain audit format.
    type: (m, phase) => (m[3] === "java" && m[5] !== undefined ? "LINT" : javaDiagnosticType(m[7] ?? "", phase)),
    weight: 5,
    examples: [
      "[ERROR] /home/runner/work/shop/shop/src/main/java/com/acme/shop/Cart.java:[42,17] cannot find symbol",
      "/home/travis/build/acme/shop/src/main/java/com/acme/shop/Cart.java:42: error: incompatible types: String cannot be converted to int",
      "[ERROR] /home/runner/work/shop/shop/src/main/java/com/acme/shop/Cart.java:18: error: @param name not found",
      "/home/travis/build/acme/shop/src/main/java/com/acme/shop/Cart.java:42:9: error: '=' is not preceded with whitespace.",
      "[ERROR] /root/.m2/repository/org/jetbrains/kotlin/kotlin-stdlib/2.0.0/kotlin-stdlib-2.0.0.jar!/META-INF/kotlin-stdlib.kotlin_module: (-1, -1) Module was compiled with an incompatible version of Kotlin.",
    ],
  }),
];
