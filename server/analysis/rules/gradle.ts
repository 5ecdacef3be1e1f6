// Gradle: "* What went wrong: Execution failed for task ':x:compileJava'" names the task, and the task
// says what kind of failure it is; resolution and lock-state errors have their own wording.
import type { FailureType } from "../failure-types";
import { rule } from "./rule";

export function gradleTaskType(task: string): FailureType | undefined {
  const name = task.slice(task.lastIndexOf(":") + 1);
  if (/checkstyle|spotless|ktlint|detekt|^lint|Lint$|pmd|spotbugs|javadoc|apiCheck|rat$|license|format|errorprone|sonar|kover\w*Verify|jacoco\w*Verification/i.test(name)) return "LINT";
  if (/compile|kapt|ksp|assemble|bundle|dex|jar$|shadowJar|processResources|generate\w*Sources|transform/i.test(name)) return "BUILD_COMPILE";
  if (/test|^check$|connected\w*Test|integration/i.test(name)) return "TEST_FAILURE";
  return undefined;
}

export const gradleRules = [
  rule({
    id: "gradle.task-failed",
    keywords: ["execution failed for task"],
    pattern: /Execution failed for task '([^']+)'/,
    type: (m) => gradleTaskType(m[1] ?? ""),
    // The task only wraps the cause printed under it ("> Could not resolve ..."), which weighs more.
    weight: 5,
    examples: ["Execution failed for task ':app:compileKotlin'.", "Execution failed for task ':core:test'.", "Execution failed for task ':spotlessJavaCheck'."],
  }),
  rule({
    id: "gradle.task-failed-line",
    keywords: ["^> task "],
    pattern: /^> Task (\S+) FAILED$/,
    type: (m) => gradleTaskType(m[1] ?? ""),
    weight: 2,
    examples: ["> Task :app:compileJava FAILED"],
  }),
  rule({
    id: "gradle.failing-tests",
    keywords: ["there were failing tests", "tests completed"],
    pattern: /There were failing tests|^\d+ tests? completed, \d+ failed/,
    type: "TEST_FAILURE",
    weight: 8,
    examples: ["> There were failing tests. See the report at: file:///home/runner/work/app/app/build/reports/tests/test/index.html", "12 tests completed, 2 failed"],
  }),
  rule({
    id: "gradle.test-failed",
    keywords: ["failed"],
    pattern: /^\S.* > .+ FAILED$/,
    type: "TEST_FAILURE",
    weight: 6,
    examples: ["com.acme.OrderServiceTest > totalIncludesTax() FAILED"],
  }),
  rule({
    id: "gradle.conflict",
    keywords: ["conflict found", "conflicts found", "that satisfies the version constraints", "duplicate class", "dependency lock state", "requires at least jvm runtime version"],
    pattern:
      /Conflicts? found for the following modules?|Cannot find a version of '[^']+' that satisfies the version constraints|Duplicate class \S+ found in modules|is not part of the dependency lock state|Dependency lock state for configuration '[^']+' is out of date|Did not resolve '[^']+' which is part of the dependency lock state|Dependency requires at least JVM runtime version/,
    type: "DEPENDENCY_CONFLICT",
    weight: 9,
    examples: [
      "   > Cannot find a version of 'com.fasterxml.jackson.core:jackson-databind' that satisfies the version constraints:",
      "     Duplicate class kotlin.collections.jdk8.CollectionsJDK8Kt found in modules kotlin-stdlib-1.8.22 (org.jetbrains.kotlin:kotlin-stdlib:1.8.22) and kotlin-stdlib-jdk8-1.7.10 (org.jetbrains.kotlin:kotlin-stdlib-jdk8:1.7.10)",
    ],
  }),
  rule({
    id: "gradle.resolution",
    keywords: ["could not resolve all", "could not find ", "could not resolve ", "] was not found"],
    pattern: /Could not resolve all (files|dependencies|artifacts|task dependencies) for configuration|^\s*> Could not (find|resolve) [\w.-]+:[\w.-]+(:[\w.+-]+)?\.?$|Plugin \[id: '[^']+'(, version: '[^']+')?\] was not found/,
    type: "DEPENDENCY_RESOLUTION",
    weight: 9,
    examples: [
      "> Could not resolve all files for configuration ':app:compileClasspath'.",
      "   > Could not find com.acme:widgets:2.4.0.",
      "Plugin [id: 'org.jetbrains.kotlin.jvm', version: '9.9.9'] was not found in any of the following sources:",
    ],
  }),
  rule({
    id: "gradle.configuration",
    keywords: ["not found in project", "not found in root project", "could not find method", "a problem occurred", "could not determine java version", "failed to apply plugin", "could not get unknown property", "gradle requires jvm", "generic class cache"],
    pattern: /Task '[^']+' not found in (root )?project|Could not find method \w+\(\) for arguments|A problem occurred (configuring|evaluating) (root )?project|Could not determine java version|Failed to apply plugin|Could not get unknown property '[^']+' for|Gradle requires JVM \d+ or later|Could not open \w+ generic class cache for (build|settings) file/,
    type: "CONFIGURATION",
    weight: 7,
    examples: ["Task 'intergrationTest' not found in root project 'app'.", "A problem occurred evaluating root project 'app'."],
  }),
  rule({
    id: "gradle.kotlin-compile",
    keywords: ["^e: ", "compilation error", "script compilation error"],
    pattern: /^e: (file:\/\/)?\S+\.kts?:(\d+:\d+ |\s*\(\d+, ?\d+\): )|Compilation error\. See log for more details|^Script compilation errors?:/,
    type: "BUILD_COMPILE",
    weight: 6,
    examples: ["e: file:///home/runner/work/app/app/src/main/kotlin/App.kt:12:5 Unresolved reference: fooBar", "e: /src/main/kotlin/App.kt: (12, 5): Type mismatch: inferred type is String but Int was expected"],
  }),
  rule({
    id: "gradle.build-failed",
    keywords: ["failure: build", "build failed in"],
    pattern: /^FAILURE: Build (failed with an exception|completed with \d+ failures)\.$|^BUILD FAILED in /,
    weight: 2,
    boilerplate: true,
    examples: ["FAILURE: Build failed with an exception.", "BUILD FAILED in 1m 12s"],
  }),
  rule({
    id: "gradle.help",
    keywords: ["^* what went wrong", "^* try", "^* get more help", "^* exception is", "^> run with", "^> get more help"],
    pattern: /^\* (What went wrong|Try|Get more help at|Exception is):|^> (Run with --(stacktrace|info|debug|scan)|Get more help at)/,
    weight: 0,
    start: false,
    boilerplate: true,
    examples: ["* What went wrong:", "> Run with --stacktrace option to get the stack trace."],
  }),
];
