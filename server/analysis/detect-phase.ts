// The kind of work a stretch of a log belongs to, read from the headers tools print before they work:
// Maven's "--- <plugin>:<version>:<goal> (<execution>) @ <module> ---", Gradle's "> Task :<name>" (and the
// bare ":<name>" of Gradle before 4.0), and the command a CI step runs. A line whose format several tools
// share takes its type from it (javac and javadoc both print `Foo.java:12: error: ...`), and a failed
// step whose output no rule recognises is still evidence of its command's kind.
import type { FailureType } from "./failure-types";

const LINT_PLUGINS =
  /checkstyle|spotless|pmd|spotbugs|findbugs|javadoc|apache-rat|\brat\b|license|fmt-maven|formatter|sortpom|impsort|prettier|ktlint|detekt|animal-sniffer|revapi|japicmp|clirr|forbiddenapis|modernizer|editorconfig|qulice|sonar|jacoco|dependency-check|maven-dependency-plugin:[\w.-]+:analyze|dependency:[\w.-]+:analyze/;

/** The type a Maven goal's failure is, from its "groupId:artifactId:version:goal" or "prefix:version:goal". */
export function mavenGoalType(goal: string): FailureType | undefined {
  if (/compiler|kotlin-maven|kotlin:|scala-maven|maven-scala|scala:|gmavenplus|groovy|aspectj|protobuf|native-maven|native:/.test(goal)) return "BUILD_COMPILE";
  if (/surefire|failsafe|scalatest|maven-invoker|invoker:|frontend-maven-plugin:[\w.-]+:(jest|karma)|frontend:[\w.-]+:(jest|karma)/.test(goal)) return "TEST_FAILURE";
  if (/enforcer|dependency-lock|hpi-plugin:[\w.-]+:validate/.test(goal)) return "DEPENDENCY_CONFLICT";
  if (LINT_PLUGINS.test(goal)) return "LINT";
  return undefined;
}

/** The type a Gradle task's failure is, from its path (":app:compileJava"). */
export function gradleTaskType(task: string): FailureType | undefined {
  const name = task.slice(task.lastIndexOf(":") + 1);
  if (/checkstyle|spotless|ktlint|detekt|^lint|Lint$|pmd|spotbugs|javadoc|apiCheck|^rat$|license|format|errorprone|sonar|kover\w*Verify|jacoco\w*Verification/i.test(name)) return "LINT";
  if (/compile|kapt|ksp|assemble|bundle|dex|jar$|shadowJar|processResources|generate\w*Sources|transform/i.test(name)) return "BUILD_COMPILE";
  if (/test|^check$|connected\w*Test|integration/i.test(name)) return "TEST_FAILURE";
  return undefined;
}

const COMMAND_TYPES: [RegExp, FailureType][] = [
  [
    /\b(eslint|stylelint|tslint|biome (check|lint|ci)|prettier\b.*--(check|list-different)|ruff\b|flake8|pylint|pycodestyle|pydocstyle|black\b.*--check|isort\b.*--check|mypy|pyright|gofmt|goimports|golangci-lint|staticcheck|go vet|revive|cargo (\+\S+ )?(clippy|fmt)|rustfmt|checkstyle|spotless(Check|:check)|ktlint|detekt|rubocop|shellcheck|hadolint|markdownlint|yamllint|phpcs|php-cs-fixer|apache-rat|rat:check|license:check)\b|\b(npm|yarn|pnpm|bun)( run)? (lint|format:check|fmt:check|check:format|lint:\S+)\b/,
    "LINT",
  ],
  [/\b(npm|yarn|pnpm|bun)( run)? test\b|\bnpm t\b|\b(jest|vitest|mocha|node --test|pytest|py\.test|tox|nox|go test|cargo (\+\S+ )?(test|nextest)|rspec|phpunit|ctest|dotnet test)\b/, "TEST_FAILURE"],
  [/\b(tsc|cargo (\+\S+ )?build|go build|webpack|vite build|next build|dotnet build|cmake --build)\b|\b(npm|yarn|pnpm|bun)( run)? (build|compile|typecheck)\b/, "BUILD_COMPILE"],
  [/\b((npm|pnpm|bun) (ci|install|i)|yarn install|pip3? install|python3? -m pip install|poetry (install|lock)|pipenv (install|sync)|uv (sync|pip install)|go mod (download|tidy)|go get|bundle install|composer install|cargo fetch)\b|^yarn( --[\w-]+)*$/, "DEPENDENCY_RESOLUTION"],
];

/** The kind of work a CI command does ("npm run lint" → LINT), when it is a well-known tool's. */
export function commandType(command: string): FailureType | undefined {
  for (const [pattern, type] of COMMAND_TYPES) if (pattern.test(command)) return type;
  return undefined;
}

const MAVEN_GOAL = /^\[INFO\] --- (\S+:\S+) (?:\([^)]*\) )?@ \S+ ---$/;
const GRADLE_TASK = /^> Task (:\S+)/;
const OLD_GRADLE_TASK = /^(:[\w-]+)+(?: (?:UP-TO-DATE|SKIPPED|NO-SOURCE|FROM-CACHE|FAILED))?$/;

/** A build-tool header line: the phase it opens (undefined type = a phase of no known kind). */
export function detectToolPhase(text: string): { type: FailureType | undefined } | undefined {
  const c = text.charCodeAt(0);
  if (c === 91 /* [ */) {
    if (!text.startsWith("[INFO] --- ")) return undefined;
    const m = MAVEN_GOAL.exec(text);
    return m ? { type: mavenGoalType(m[1]!) } : undefined;
  }
  if (c === 62 /* > */) {
    const m = GRADLE_TASK.exec(text);
    return m ? { type: gradleTaskType(m[1]!) } : undefined;
  }
  if (c === 58 /* : */ && OLD_GRADLE_TASK.test(text)) {
    const task = text.split(" ")[0]!;
    return { type: gradleTaskType(task) };
  }
  return undefined;
}
