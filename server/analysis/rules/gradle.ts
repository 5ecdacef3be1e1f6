// Gradle: "* What went wrong: Execution failed for task ':x:compileJava'" names the task, and the task
// says what kind of failure it is; resolution and lock-state errors have their own wording.
import { gradleTaskType } from "../detect-phase";
import { rule } from "./rule";

export const gradleRules = [
  rule({
    id: "gradle.task-failed",
    keywords: ["execution failed for task"],
    pattern: /Execution failed for task '([^']+)'/,
    type: (m) => gradleTaskType(m[1] ?? ""),
    // The task only wraps the cause printed under it ("> Could not resolve ..."), which weighs more.
    weight: 5,
    summary: true,
    examples: ["Execution failed for task ':app:compileKotlin'.", "Execution failed for task ':core:test'.", "Execution failed for task ':spotlessJavaCheck'."],
  }),
  rule({
    id: "gradle.task-failed-line",
    keywords: ["^> task ", "^:"],
    pattern: /^> Task (\S+) FAILED$|^(:[\w-]+)+ FAILED$/,
    type: (m) => gradleTaskType(m[1] ?? m[2] ?? ""),
    weight: 2,
    summary: true,
    examples: ["> Task :app:compileJava FAILED", ":checkstyleMain FAILED"],
  }),
  rule({
    id: "gradle.failing-tests",
    keywords: ["there were failing tests", "tests completed"],
    pattern: /There were failing tests|^\d+ tests? completed, [1-9]\d* failed/,
    type: "TEST_FAILURE",
    weight: 8,
    summary: true,
    examples: ["> There were failing tests. See the report at: file:///home/runner/work/shop/shop/build/reports/tests/test/index.html", "37 tests completed, 2 failed"],
  }),
  rule({
    id: "gradle.test-failed",
    keywords: ["failed"],
    pattern: /^\S.* > .+ FAILED$/,
    type: "TEST_FAILURE",
    weight: 6,
    examples: ["com.acme.shop.CartServiceTest > totalIncludesTax() FAILED"],
  }),
  rule({
    id: "gradle.conflict",
    keywords: ["conflict found", "conflicts found", "that satisfies the version constraints", "duplicate class", "dependency lock state", "requires at least jvm runtime version"],
    pattern:
      /Conflicts? found for the following modules?|Cannot find a version of '[^']+' that satisfies the version constraints|Duplicate class \S+ found in modules|is not part of the dependency lock state|Dependency lock state for configuration '[^']+' is out of date|Did not resolve '[^']+' which is part of the dependency lock state|Dependency requires at least JVM runtime version/,
    type: "DEPENDENCY_CONFLICT",
    weight: 9,
    examples: [
      "   > Cannot find a version of 'org.slf4j:slf4j-api' that satisfies the version constraints:",
      "     Duplicate class org.intellij.lang.annotations.Flow found in modules annotations-13.0 (org.jetbrains:annotations:13.0) and annotations-java5-17.0.0 (org.jetbrains:annotations-java5:17.0.0)",
    ],
  }),
  rule({
    id: "gradle.resolution",
    keywords: ["could not resolve all", "could not find ", "could not resolve ", "] was not found", "failed to find target with hash string", "failed to find build tools revision"],
    pattern:
      /Could not resolve all (files|dependencies|artifacts|task dependencies) for configuration|^\s*> Could not (find|resolve) [\w.-]+:[\w.-]+(:[\w.+-]+)?\.?$|Plugin \[id: '[^']+'(, version: '[^']+')?\] was not found|Failed to find target with hash string '[^']+'|Failed to find Build Tools revision \S+/,
    type: "DEPENDENCY_RESOLUTION",
    weight: 9,
    examples: [
      "> Could not resolve all files for configuration ':app:compileClasspath'.",
      "   > Could not find com.acme:pricing:2.4.0.",
      "Plugin [id: 'org.jetbrains.kotlin.jvm', version: '9.9.9'] was not found in any of the following sources:",
      "Failed to find target with hash string 'android-34' in: /usr/local/lib/android/sdk",
    ],
  }),
  rule({
    id: "gradle.configuration",
    keywords: ["not found in project", "not found in root project", "could not find method", "a problem occurred", "could not determine java version", "failed to apply plugin", "could not get unknown property", "gradle requires jvm", "generic class cache", "licences have not been accepted", "not accepted the license agreements"],
    pattern:
      /Task '[^']+' not found in (root )?project|Could not find method \w+\(\) for arguments|A problem occurred (configuring|evaluating) (root )?project|Could not determine java version|Failed to apply plugin|Could not get unknown property '[^']+' for|Gradle requires JVM \d+ or later|Could not open \w+ generic class cache for (build|settings) file|some licences have not been accepted|You have not accepted the license agreements/,
    type: "CONFIGURATION",
    weight: 7,
    examples: ["Task 'integTest' not found in root project 'shop'.", "A problem occurred evaluating root project 'shop'."],
  }),
  rule({
    id: "gradle.kotlin-compile",
    keywords: ["^e: ", "script compilation error"],
    pattern: /^e: (file:\/\/)?\S+\.kts?:(\d+:\d+ |\s*\(\d+, ?\d+\): )|^Script compilation errors?:/,
    type: "BUILD_COMPILE",
    weight: 6,
    examples: ["e: file:///home/runner/work/shop/shop/src/main/kotlin/Cart.kt:12:5 Unresolved reference: taxRate", "e: /src/main/kotlin/Cart.kt: (12, 5): Type mismatch: inferred type is String but Int was expected"],
  }),
  rule({
    id: "gradle.compile-summary",
    keywords: ["compilation error", "compilation failed; see"],
    pattern: /Compilation error\. See log for more details|Compilation failed; see the compiler error output for details/,
    type: "BUILD_COMPILE",
    weight: 6,
    summary: true,
    examples: ["> Compilation failed; see the compiler error output for details.", "> Compilation error. See log for more details"],
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
