// What a changed file is, from its path alone: its language (for comment syntax and declarations) and its
// roles — test code, CI definition, build or test-runner configuration, lint/type/coverage configuration,
// secrets. The rules ask these questions; no rule matches a path itself.

export type Lang =
  | "java" | "kotlin" | "groovy" | "scala" | "csharp" | "swift" | "dart"
  | "javascript" | "typescript" | "go" | "rust" | "c" | "php"
  | "python" | "ruby" | "shell" | "powershell" | "makefile" | "dockerfile"
  | "yaml" | "toml" | "ini" | "properties" | "json" | "xml"
  | "markdown" | "text";

/** Comment syntax family of a language. */
export type CommentStyle = "c" | "hash" | "xml" | "ini" | "none";

export interface FileKind {
  lang: Lang;
  comments: CommentStyle;
  /** Source code in a programming language (not data, docs or configuration). */
  code: boolean;
  /** Test code, or test data that a test compares against (under a test directory). */
  test: boolean;
  /** Continuous-integration definition (.github/workflows, .travis.yml, Jenkinsfile…). */
  ci: boolean;
  /** Build or test-runner configuration, or a script that runs the build (pom.xml, package.json, Makefile…). */
  build: boolean;
  /** Lint, type-check, formatting, static-analysis or coverage configuration. */
  lintConfig: boolean;
  /** Holds or likely holds secrets (.env, keys, credentials). */
  secret: boolean;
  /** Documentation or prose. */
  doc: boolean;
}

const EXT_LANG: Record<string, Lang> = {
  java: "java", kt: "kotlin", kts: "kotlin", groovy: "groovy", gradle: "groovy", gvy: "groovy", scala: "scala", sc: "scala",
  cs: "csharp", swift: "swift", dart: "dart",
  js: "javascript", jsx: "javascript", mjs: "javascript", cjs: "javascript", coffee: "javascript", vue: "javascript", svelte: "javascript",
  ts: "typescript", tsx: "typescript", mts: "typescript", cts: "typescript",
  go: "go", rs: "rust", c: "c", h: "c", cc: "c", cpp: "c", cxx: "c", hpp: "c", hh: "c", m: "c", mm: "c",
  php: "php", py: "python", pyi: "python", pyx: "python", pxd: "python", pxi: "python",
  rb: "ruby", rake: "ruby", sh: "shell", bash: "shell", zsh: "shell", ksh: "shell", bats: "shell", ps1: "powershell", psm1: "powershell",
  mk: "makefile", yml: "yaml", yaml: "yaml", toml: "toml", ini: "ini", cfg: "ini", conf: "ini", properties: "properties", prefs: "properties",
  json: "json", jsonc: "json", json5: "json", xml: "xml", pom: "xml", csproj: "xml", props: "xml", targets: "xml", xsd: "xml", html: "xml", htm: "xml",
  md: "markdown", markdown: "markdown", rst: "markdown", txt: "text", adoc: "markdown",
};

const CODE_LANGS = new Set<Lang>([
  "java", "kotlin", "groovy", "scala", "csharp", "swift", "dart", "javascript", "typescript", "go", "rust", "c", "php", "python", "ruby",
]);

export function commentStyle(lang: Lang): CommentStyle {
  switch (lang) {
    case "python": case "ruby": case "shell": case "powershell": case "makefile": case "dockerfile": case "yaml": case "toml": case "properties":
      return "hash";
    case "ini":
      return "ini";
    case "xml":
      return "xml";
    case "markdown": case "text":
      return "none";
    default:
      return "c";
  }
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf("/") + 1);
}

function langOf(path: string): Lang {
  const name = baseName(path);
  const lower = name.toLowerCase();
  if (lower === "makefile" || lower === "gnumakefile" || lower.endsWith(".mk")) return "makefile";
  if (lower === "dockerfile" || lower.startsWith("dockerfile.") || lower.endsWith(".dockerfile")) return "dockerfile";
  if (lower === "jenkinsfile" || lower.startsWith("jenkinsfile.")) return "groovy";
  if (lower === "rakefile" || lower === "gemfile") return "ruby";
  if (lower === "justfile") return "makefile";
  if (/^\.(eslintrc|babelrc|prettierrc|stylelintrc|mocharc|nycrc|jshintrc|swcrc)$/.test(lower)) return "json";
  if (/^\.(flake8|pylintrc|coveragerc|bandit|editorconfig|npmrc|yarnrc)$/.test(lower) || lower === "pylintrc" || lower === "setup.cfg") return "ini";
  if (/^\.(env)(\..+)?$/.test(lower)) return "properties";
  if (path.includes("/.husky/") || path.startsWith(".husky/")) return "shell";
  const dot = lower.lastIndexOf(".");
  if (dot <= 0) return /(^|\/)(bin|scripts?)\//.test(path) ? "shell" : "text";
  return EXT_LANG[lower.slice(dot + 1)] ?? "text";
}

// Directories that hold tests or the data tests compare against, across ecosystems.
const TEST_DIR = /(^|\/)(tests?|testing|__tests__|__test__|specs?|test-?data|test-?resources|testfixtures|fixtures|e2e|integration-?tests?|src\/it|androidTest|testFixtures|integrationTest|functionalTest|cypress|playwright|__snapshots__|src-tests?)\//i;
const TEST_FILE = [
  /(Test|Tests|TestCase|IT|ITCase|Spec|Suite)\.(java|kt|kts|groovy|scala|cs|swift|dart|php)$/,
  /(^|\/)Test[A-Z]\w*\.(java|kt|groovy|scala|cs|swift)$/,
  /_test\.(go|py|rb|dart|exs?|c|cc|cpp)$/,
  /(^|\/)test_[^/]*\.(py|rb|c|cc|cpp)$/,
  /(^|\/)(conftest|tests)\.py$/,
  /\.(test|spec|e2e|e2e-spec|cy|it)\.(js|jsx|mjs|cjs|ts|tsx|mts|cts|coffee)$/,
  /_spec\.rb$/,
  /\.snap$/,
];

const CI_PATHS = [
  /^\.github\/workflows\//,
  /^\.github\/actions\//,
  /^\.travis\.ya?ml$/,
  /^\.gitlab-ci\.ya?ml$/,
  /^\.gitlab\/ci\//,
  /(^|\/)Jenkinsfile([.-][^/]*)?$/,
  /^\.circleci\//,
  /^(\.)?azure-pipelines[^/]*\.ya?ml$/,
  /^\.azure-pipelines\//,
  /^\.?appveyor\.ya?ml$/,
  /^bitbucket-pipelines\.ya?ml$/,
  /^\.drone\.ya?ml$/,
  /^\.buildkite\//,
  /^\.woodpecker(\.ya?ml|\/)/,
  /^\.semaphore\//,
  /^\.teamcity\//,
  /^(buildspec|cloudbuild|codefresh|wercker)\.ya?ml$/,
  /^\.cirrus\.ya?ml$/,
  /^\.github\/dependabot\.ya?ml$/,
];

const BUILD_NAMES = new RegExp(
  "^(" +
    [
      "pom\\.xml", ".*\\.pom", "build\\.gradle(\\.kts)?", "settings\\.gradle(\\.kts)?", ".*\\.gradle(\\.kts)?", "gradle\\.properties",
      "package\\.json", "pyproject\\.toml", "setup\\.cfg", "setup\\.py", "tox\\.ini", "pytest\\.ini", "noxfile\\.py", "conftest\\.py",
      "makefile", "gnumakefile", ".*\\.mk", "justfile", "cargo\\.toml", "config\\.toml", "build\\.sbt", ".*\\.csproj", "directory\\.build\\.props",
      "cmakelists\\.txt", "build\\.xml", "rakefile", "composer\\.json", "phpunit\\.xml(\\.dist)?", "karma\\.conf\\.[cm]?[jt]s",
      "(jest|vitest|vite|playwright|cypress|wdio|ava|jasmine|nightwatch)\\.config\\.[cm]?[jt]s(on)?", "\\.mocharc(\\.[a-z]+)?", "jasmine\\.json",
      "\\.nycrc(\\.[a-z]+)?", "nx\\.json", "turbo\\.json", "lerna\\.json", "maven-wrapper\\.properties", "\\.mvn/maven\\.config", "jvm\\.config",
    ].join("|") +
    ")$",
  "i",
);

const LINT_NAMES = new RegExp(
  "^(" +
    [
      "\\.eslintrc(\\.[a-z]+)?", "eslint\\.config\\.[cm]?[jt]s", "\\.eslintignore", "tslint\\.json", "biome\\.jsonc?", "\\.stylelintrc(\\.[a-z]+)?",
      "\\.prettierrc(\\.[a-z]+)?", "\\.prettierignore", "prettier\\.config\\.[cm]?js", "\\.jshintrc", "\\.jscsrc",
      "tsconfig(\\.[\\w-]+)?\\.json", "jsconfig\\.json", "\\.flake8", "setup\\.cfg", "tox\\.ini", "pyproject\\.toml", "\\.pylintrc", "pylintrc",
      "mypy\\.ini", "\\.mypy\\.ini", "(\\.)?ruff\\.toml", "\\.bandit", "\\.coveragerc", "\\.pre-commit-config\\.ya?ml", "\\.editorconfig",
      "checkstyle[\\w.-]*\\.xml", "[\\w.-]*suppressions?[\\w.-]*\\.xml", "pmd[\\w.-]*\\.xml", "[\\w.-]*ruleset[\\w.-]*\\.xml",
      "(spotbugs|findbugs)[\\w.-]*\\.xml", "lint\\.xml", "\\.golangci\\.(ya?ml|toml|json)", "(\\.)?clippy\\.toml", "detekt[\\w.-]*\\.ya?ml",
      "\\.rubocop(_todo)?\\.ya?ml", "phpstan(\\.dist)?\\.neon", "psalm\\.xml", "phpcs\\.xml(\\.dist)?", "\\.swiftlint\\.ya?ml",
      "sonar-project\\.properties", "codecov\\.ya?ml", "\\.codecov\\.ya?ml", "\\.nycrc(\\.[a-z]+)?", "\\.hadolint\\.ya?ml", "\\.yamllint(\\.ya?ml)?",
      "\\.markdownlint[\\w.-]*", "\\.scalafmt\\.conf", "\\.scalastyle[\\w.-]*", "scalastyle[\\w.-]*\\.xml", "\\.shellcheckrc", "\\.clang-tidy",
      "org\\.eclipse\\.jdt\\.core\\.prefs", "ktlint[\\w.-]*", "\\.ktlint", "deno\\.jsonc?", "jest\\.config\\.[cm]?[jt]s", "vitest\\.config\\.[cm]?[jt]s",
      "package\\.json", "pom\\.xml", "build\\.gradle(\\.kts)?", ".*\\.csproj", "directory\\.build\\.props", "cargo\\.toml",
    ].join("|") +
    ")$",
  "i",
);

const SECRET_FILES = [
  /(^|\/)\.env(\.(?!example$|sample$|template$|dist$|defaults$)[^/]+)?$/i,
  /\.(pem|key|p12|pfx|jks|keystore|bks|ppk|kdbx|gpg)$/i,
  /(^|\/)id_(rsa|dsa|ecdsa|ed25519)(\.pub)?$/,
  /(^|\/)[^/]*credentials?(\.(json|ya?ml|xml|txt|ini|cfg|conf|properties|csv|toml))?$/i,
  /(^|\/)\.?(netrc|pgpass|htpasswd|git-credentials|npmrc|pypirc)$/i,
  /(^|\/)secrets?(\.(json|ya?ml|xml|txt|ini|cfg|conf|properties|toml|env))?$/i,
  /(^|\/)[^/]*service[-_]?account[^/]*\.json$/i,
  /(^|\/)\.docker\/config\.json$/,
  /(^|\/)(\.kube\/config|kubeconfig)$/i,
  /(^|\/)\.aws\//,
  /(^|\/)\.ssh\//,
];

const DOC = /\.(md|markdown|rst|txt|adoc|html?)$|(^|\/)(docs?|documentation)\//i;

/** Classifies a repository-relative path. */
export function classifyPath(path: string): FileKind {
  const lang = langOf(path);
  const name = baseName(path);
  const lower = name.toLowerCase();
  const code = CODE_LANGS.has(lang);
  const ci = CI_PATHS.some((r) => r.test(path));
  const test = TEST_FILE.some((r) => r.test(path)) || TEST_DIR.test(path) || (lang === "rust" && /(^|\/)(tests|benches)\//.test(path));
  const build = !ci && (BUILD_NAMES.test(lower) || path.startsWith(".mvn/") || lang === "shell" || lang === "makefile" || lang === "powershell");
  const lintConfig = LINT_NAMES.test(lower);
  const secret = SECRET_FILES.some((r) => r.test(path));
  const doc = !code && DOC.test(path);
  return { lang, comments: commentStyle(lang), code, test, ci, build, lintConfig, secret, doc };
}
