import { describe, expect, it } from "vitest";
import { commandType, detectToolPhase, gradleTaskType, mavenGoalType } from "./detect-phase";
import { normalizeLogLine } from "./normalize-log-line";
import { LogContext } from "./track-log-context";

function feed(lines: string[]): LogContext {
  const c = new LogContext();
  for (const l of lines) {
    const { text, marker } = normalizeLogLine(l);
    c.observe(text, marker);
    if (marker === "error") c.markFailed();
  }
  return c;
}

describe("log context", () => {
  it("opens a segment per Travis command and marks the one Travis says failed, by its command", () => {
    const c = feed(["$ git clone https://github.com/acme/shop.git", "$ mvn install -DskipTests", "$ mvn test", "boom", 'The command "mvn install -DskipTests" exited with 0.', 'The command "mvn test" exited with 1.', "Done. Your build exited with 1."]);
    expect([...c.failedSegments]).toEqual([3]);
    expect(c.failedSegmentInfo()[0]?.title).toBe("$ mvn test");
  });

  it("reads Travis' install-phase wording and its escape-coded lines", () => {
    const c = feed(["travis_time:start:1a2b3c4d\r\x1b[0K$ npm ci".split("\r")[1]!, "npm ERR! code E404", '\x1b[31;1mThe command "npm ci" failed and exited with 1 during .\x1b[0m']);
    expect([...c.failedSegments]).toEqual([1]);
    expect(c.failedSegmentInfo()[0]?.type).toBe("DEPENDENCY_RESOLUTION");
  });

  it("blames the last script command of a GitLab job, not its after_script", () => {
    const c = feed(["$ npm ci", "$ npm test", "Running after_script", "$ ./upload-coverage.sh", "ERROR: Job failed: exit code 1"]);
    expect([...c.failedSegments]).toEqual([2]);
  });

  it("in a GitHub log, steps come from the runner's groups only", () => {
    const c = feed(["##[group]Run ./build.sh", "$ make all", "make: *** [all] Error 2", "##[error]Process completed with exit code 2."]);
    expect(c.segment).toBe(1);
    expect([...c.failedSegments]).toEqual([1]);
  });

  it("knows which Maven goal or Gradle task is running", () => {
    const c = feed(["$ mvn -B verify", "[INFO] --- maven-javadoc-plugin:3.6.3:jar (attach-javadocs) @ shop ---"]);
    expect(c.phase).toBe("LINT");
    expect(feed(["[INFO] --- compiler:3.11.0:compile (default-compile) @ shop ---"]).phase).toBe("BUILD_COMPILE");
    expect(feed(["> Task :app:checkstyleMain"]).phase).toBe("LINT");
    expect(feed([":test"]).phase).toBe("TEST_FAILURE");
    // a goal of no known kind falls back to the command's kind
    expect(feed(["$ cargo clippy -- -D warnings", "[INFO] --- resources:3.3.1:resources (default-resources) @ shop ---"]).phase).toBe("LINT");
  });
});

describe("phases", () => {
  it("names Maven goals in the long and the short (Maven 3.9) form", () => {
    expect(mavenGoalType("org.apache.maven.plugins:maven-checkstyle-plugin:3.3.1:check")).toBe("LINT");
    expect(mavenGoalType("checkstyle:3.3.1:check")).toBe("LINT");
    expect(mavenGoalType("surefire:3.2.2:test")).toBe("TEST_FAILURE");
    expect(mavenGoalType("org.apache.rat:apache-rat-plugin:0.16:check")).toBe("LINT");
    expect(mavenGoalType("enforcer:3.4.1:enforce")).toBe("DEPENDENCY_CONFLICT");
    expect(mavenGoalType("install:3.1.1:install")).toBeUndefined();
  });

  it("names Gradle tasks", () => {
    expect(gradleTaskType(":core:javadoc")).toBe("LINT");
    expect(gradleTaskType(":rat")).toBe("LINT");
    expect(gradleTaskType(":compileKotlin")).toBe("BUILD_COMPILE");
    expect(gradleTaskType(":integrationTest")).toBe("TEST_FAILURE");
  });

  it("names well-known CI commands and nothing else", () => {
    expect(commandType("npm run lint")).toBe("LINT");
    expect(commandType("golangci-lint run --timeout 5m")).toBe("LINT");
    expect(commandType("cargo +nightly fmt --all -- --check")).toBe("LINT");
    expect(commandType("npm test -- --coverage")).toBe("TEST_FAILURE");
    expect(commandType("python -m pip install -r requirements.txt")).toBe("DEPENDENCY_RESOLUTION");
    expect(commandType("npx tsc --noEmit")).toBe("BUILD_COMPILE");
    expect(commandType("./deploy.sh production")).toBeUndefined();
    expect(commandType("mvn -B verify")).toBeUndefined();
  });

  it("reads only real tool headers", () => {
    expect(detectToolPhase("[INFO] --- maven-surefire-plugin:2.22.2:test (default-test) @ shop ---")).toEqual({ type: "TEST_FAILURE" });
    expect(detectToolPhase("[INFO] ------------------------------------------------------------------------")).toBeUndefined();
    expect(detectToolPhase("> There were failing tests. See the report at: file:///tmp/index.html")).toBeUndefined();
  });
});
