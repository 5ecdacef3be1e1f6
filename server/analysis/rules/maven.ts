// Maven: the reactor's "Failed to execute goal <plugin>" verdict names the plugin that failed, and the
// plugin says what kind of failure it is; compiler, surefire and enforcer print their own details above.
import type { FailureType } from "../failure-types";
import { rule } from "./rule";

const LINT_PLUGINS =
  /checkstyle|spotless|pmd|spotbugs|findbugs|javadoc|apache-rat|license|fmt-maven|formatter|sortpom|impsort|prettier|ktlint|detekt|animal-sniffer|revapi|japicmp|clirr|forbiddenapis|modernizer|editorconfig|qulice|sonar|jacoco|dependency-check|maven-dependency-plugin:[\w.-]+:analyze/;

function goalType(m: RegExpExecArray): FailureType | undefined {
  const goal = m[1] ?? "";
  if (/compiler|kotlin-maven|scala-maven|maven-scala|gmavenplus|groovy|aspectj|protobuf|native-maven/.test(goal)) return "BUILD_COMPILE";
  if (/surefire|failsafe|scalatest|maven-invoker|frontend-maven-plugin:[\w.-]+:(jest|karma)/.test(goal)) return "TEST_FAILURE";
  if (/enforcer|dependency-lock|hpi-plugin:[\w.-]+:validate/.test(goal)) return "DEPENDENCY_CONFLICT";
  if (LINT_PLUGINS.test(goal)) return "LINT";
  return undefined;
}

export const mavenRules = [
  rule({
    id: "maven.jdk-release",
    keywords: ["invalid target release", "invalid source release", "release version", "is no longer supported", "unsupported class file major version", "invalid flag: --release"],
    pattern: /invalid (target|source) release: |release version \d+ not supported|Source option \d+ is no longer supported|Target option \d+ is no longer supported|Unsupported class file major version|error: invalid flag: --release/,
    type: "CONFIGURATION",
    weight: 10,
    examples: ["[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.11.0:compile (default-compile) on project app: Fatal error compiling: error: invalid target release: 21 -> [Help 1]"],
  }),
  rule({
    id: "maven.hpi-requires-core",
    keywords: ["requires jenkins"],
    pattern: /Dependency \S+ requires Jenkins [\d.]+ or higher/,
    type: "DEPENDENCY_CONFLICT",
    weight: 10,
    examples: ["[ERROR] Failed to execute goal org.jenkins-ci.tools:maven-hpi-plugin:3.34:validate-hpi (default-validate-hpi) on project foo: Dependency io.jenkins.plugins:snakeyaml-api:jar:1.33-90.v80dcb_3814d35 requires Jenkins 2.332.4 or higher. -> [Help 1]"],
  }),
  rule({
    id: "maven.resolution",
    keywords: ["could not resolve dependencies", "failed to collect dependencies", "could not find artifact", "non-resolvable", "could not be resolved", "failure to find", "dependencies.dependency.version", "unresolveable build extension"],
    pattern:
      /Could not resolve dependencies for project|Failed to collect dependencies|Could not find artifact \S+|Non-resolvable (parent|import) POM|Plugin \S+ or one of its dependencies could not be resolved|Failure to find \S+ in \S+ was cached|'dependencies\.dependency\.version' for \S+ is missing|Unresolveable build extension|The following artifacts could not be resolved: /,
    type: "DEPENDENCY_RESOLUTION",
    weight: 9,
    examples: [
      "[ERROR] Failed to execute goal on project app: Could not resolve dependencies for project com.acme:app:jar:1.0-SNAPSHOT: Could not find artifact com.acme:lib:jar:9.9.9 in central (https://repo.maven.apache.org/maven2) -> [Help 1]",
      "[ERROR] 'dependencies.dependency.version' for javax.validation:validation-api:jar is missing. @ line 35, column 17",
      "[ERROR]   Non-resolvable parent POM for com.acme:app:1.0: Could not find artifact com.acme:parent:pom:2.0 in central",
    ],
  }),
  rule({
    id: "maven.failed-goal",
    keywords: ["failed to execute goal"],
    pattern: /Failed to execute goal (\S+)/,
    type: goalType,
    weight: 10,
    examples: [
      "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.10.1:compile (default-compile) on project app: Compilation failure: Compilation failure: ",
      "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:2.22.2:test (default-test) on project app: There are test failures.",
      "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-enforcer-plugin:3.1.0:enforce (enforce) on project app: Some Enforcer rules have failed. Look above for specific messages explaining why the rule failed. -> [Help 1]",
      "[ERROR] Failed to execute goal se.vandmo:dependency-lock-maven-plugin:0.23:check (check) on project app: Dependencies differ -> [Help 1]",
      "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-checkstyle-plugin:3.3.0:check (validate) on project app: You have 2 Checkstyle violations. -> [Help 1]",
    ],
  }),
  rule({
    id: "maven.enforcer-dependency-rule",
    keywords: ["dependencyconvergence", "requireupperbounddeps", "banneddependencies", "banduplicateclasses", "enforcebytecodeversion", "requiresameversions", "bantransitivedependencies", "bancirculardependencies", "requirereleasedeps", "dependency convergence error", "require upper bound dependencies error", "found banned dependency", "restricted to jdk", "duplicate classes found"],
    pattern:
      /(DependencyConvergence|RequireUpperBoundDeps|BannedDependencies|BanDuplicateClasses|EnforceBytecodeVersion|RequireSameVersions|BanTransitiveDependencies|BanCircularDependencies|RequireReleaseDeps)\b.*fail|Dependency convergence error for|Require upper bound dependencies error for|Found Banned Dependency|Restricted to JDK [\d.]+ yet|Duplicate classes found/i,
    type: "DEPENDENCY_CONFLICT",
    weight: 9,
    examples: [
      "[ERROR] Rule 2: org.apache.maven.enforcer.rules.dependency.RequireUpperBoundDeps failed with message:",
      "[WARNING] Dependency convergence error for com.google.guava:guava:jar:32.1.2-jre paths to dependency are:",
      "[ERROR] Restricted to JDK 1.8 yet com.acme:lib:jar:2.0:compile contains module-info.class targeted to JDK 11",
    ],
  }),
  rule({
    id: "maven.enforcer-environment-rule",
    keywords: ["requirejavaversion", "requiremavenversion", "requireos", "requireproperty", "requireenvironmentvariable", "requirefilesexist", "requirepluginversions", "is not in the allowed range"],
    pattern: /(RequireJavaVersion|RequireMavenVersion|RequireOS|RequireProperty|RequireEnvironmentVariable|RequireFilesExist|RequirePluginVersions)\b.*fail|Detected (JDK|Maven) Version:? .* is not in the allowed range/,
    type: "CONFIGURATION",
    weight: 9,
    examples: ["[ERROR] Rule 0: org.apache.maven.enforcer.rules.version.RequireJavaVersion failed with message:", "[ERROR] Detected JDK Version: 1.8.0-372 is not in the allowed range [17,)."],
  }),
  rule({
    id: "maven.enforcer-rule",
    keywords: ["failed with message"],
    pattern: /^\[(ERROR|WARNING)\] Rule \d+: \S+ failed with message:/,
    type: "DEPENDENCY_CONFLICT",
    weight: 4,
    examples: ["[ERROR] Rule 3: org.apache.maven.enforcer.rules.RequireNoRepositories failed with message:"],
  }),
  rule({
    id: "maven.dependency-lock",
    keywords: ["dependencies differ", "missing dependencies:", "extraneous dependencies:"],
    pattern: /^\[ERROR\] (The following dependencies differ|Missing dependencies:|Extraneous dependencies:)/,
    type: "DEPENDENCY_CONFLICT",
    weight: 9,
    examples: ["[ERROR] The following dependencies differ:"],
  }),
  rule({
    id: "maven.checkstyle-violation",
    keywords: ["^[error]"],
    pattern: /^\[ERROR\] \S+\.(java|kt|scala|xml|properties):\[?\d+([,:]\d+)?\]?:? (\(\w+\) \w+:|.*\[[A-Z]\w+\]$)/,
    type: "LINT",
    weight: 6,
    examples: [
      "[ERROR] src/main/java/org/apache/wss4j/stax/setup/OutboundWSSec.java:[769,5] (design) FinalClass: Class ConfiguredAction should be declared as final.",
      "[ERROR] /home/runner/work/app/app/src/main/java/Foo.java:12:5: Line is longer than 100 characters (found 120). [LineLength]",
    ],
  }),
  rule({
    id: "maven.werror",
    keywords: ["-werror"],
    pattern: /warnings found and -Werror specified/,
    type: "BUILD_COMPILE",
    weight: 9,
    examples: ["[ERROR] error: warnings found and -Werror specified"],
  }),
  rule({
    id: "maven.compilation-error-header",
    keywords: ["compilation error"],
    pattern: /^\[ERROR\] COMPILATION ERROR\s*:?/,
    type: "BUILD_COMPILE",
    weight: 6,
    examples: ["[ERROR] COMPILATION ERROR : "],
  }),
  rule({
    id: "maven.compiler-message",
    keywords: ["^[error]"],
    pattern: /^\[ERROR\] \S.*?(\.(java|kt|kts|scala|groovy|aj)|\.jar!\S*):(\[\d+,\d+\]| \(-?\d+, ?-?\d+\)|\d+:) /,
    type: "BUILD_COMPILE",
    weight: 5,
    examples: [
      "[ERROR] /home/runner/work/app/app/src/main/java/com/acme/App.java:[42,17] cannot find symbol",
      "[ERROR] /root/.m2/repository/com/squareup/okio/okio-jvm/3.4.0/okio-jvm-3.4.0.jar!/META-INF/okio.kotlin_module: (-1, -1) Module was compiled with an incompatible version of Kotlin.",
    ],
  }),
  rule({
    id: "maven.surefire-counts",
    keywords: ["tests run:"],
    pattern: /Tests run: *\d+, *Failures: *(\d+), *Errors: *(\d+)/,
    accept: (m) => Number(m[1]) + Number(m[2]) > 0,
    type: "TEST_FAILURE",
    weight: 6,
    examples: [
      "[ERROR] Tests run: 10, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.036 s <<< FAILURE! - in org.apache.commons.lang3.time.DurationUtilsTest",
      "Tests run: 3, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: 0.5 sec <<< FAILURE!",
    ],
  }),
  rule({
    id: "maven.surefire-test",
    keywords: ["<<< failure!", "<<< error!", "failures:", "errors:", "tests in error", "failed tests", "timeout or other error in the fork", "forked vm terminated"],
    pattern: /<<< (FAILURE|ERROR)!$|^\[ERROR\] (Failures|Errors|Tests in error|Failed tests): *$|^(Tests in error|Failed tests): *$|There was a timeout or other error in the fork|The forked VM terminated without properly saying goodbye/,
    type: "TEST_FAILURE",
    weight: 6,
    examples: [
      "[ERROR] org.apache.commons.lang3.time.DurationUtilsTest.testOfConsumer  Time elapsed: 0.003 s  <<< FAILURE!",
      "[ERROR] Failures: ",
      "Failed tests: ",
    ],
  }),
  rule({
    id: "maven.pom-problem",
    keywords: ["problems were encountered while processing the poms", "could not read", "non-parseable pom", "malformed pom", "unknown lifecycle phase", "no goals have been specified", "there is no pom"],
    pattern: /Some problems were encountered while processing the POMs|The build could not read \d+ projects?|Non-parseable POM|Malformed POM|Unknown lifecycle phase|No goals have been specified for this build|The goal you specified requires a project to execute but there is no POM/,
    type: "CONFIGURATION",
    weight: 4,
    examples: ["[ERROR] [ERROR] Some problems were encountered while processing the POMs:", "[ERROR] Unknown lifecycle phase \"biuld\". You must specify a valid lifecycle phase"],
  }),
  rule({
    id: "maven.build-failure",
    keywords: ["build failure", "failure ["],
    pattern: /^\[(INFO|ERROR)\] BUILD FAILURE$|^\[(INFO|ERROR)\] \S.* \.+ FAILURE \[/,
    weight: 1,
    start: false,
    boilerplate: true,
    examples: ["[INFO] BUILD FAILURE", "[INFO] Sorald 0.4.1-SNAPSHOT .............................. FAILURE [01:43 min]"],
  }),
  rule({
    id: "maven.help",
    keywords: ["^[error]"],
    pattern:
      /^\[ERROR\] *(-> \[Help 1\]|To see the full stack trace|Re-run Maven using|For more information about the errors|\[Help 1\] http|After correcting the problems|mvn <\w+> -rf|Please refer to .* for the individual test results|Please refer to dump files)|^\[ERROR\] *$/,
    weight: 0,
    start: false,
    boilerplate: true,
    examples: ["[ERROR] -> [Help 1]", "[ERROR] ", "[ERROR]   mvn <args> -rf :google-cloud-nio"],
  }),
];

