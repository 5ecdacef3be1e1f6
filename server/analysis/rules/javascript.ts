// npm, pnpm and yarn (classic and berry), module resolution in Node and bundlers, tsc, webpack, vite,
// Next.js, ESLint and Prettier.
import { isLocalSpecifier, rule } from "./rule";

const NPM = String.raw`npm (?:ERR!|error)`;

export const javascriptRules = [
  rule({
    id: "npm.lockfile-out-of-sync",
    pattern:
      /can only install packages when your package\.json and package-lock\.json (or npm-shrinkwrap\.json )?are in sync|Missing: \S+ from lock file|Invalid: lock file's \S+ does not satisfy|ERR_PNPM_(OUTDATED_LOCKFILE|LOCKFILE_CONFIG_MISMATCH|LOCKFILE_MISSING_DEPENDENCY)|Your lockfile needs to be updated, but yarn was run with `--frozen-lockfile`|YN0028|The lockfile would have been modified by this install, which is explicitly forbidden/,
    type: "DEPENDENCY_CONFLICT",
    weight: 10,
    examples: [
      "npm ERR! `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` before continuing.",
      " ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with \"frozen-lockfile\" because pnpm-lock.yaml is not up to date with <ROOT>/package.json",
      "error Your lockfile needs to be updated, but yarn was run with `--frozen-lockfile`.",
      "➤ YN0028: │ The lockfile would have been modified by this install, which is explicitly forbidden.",
    ],
  }),
  rule({
    id: "npm.peer-conflict",
    pattern: /ERESOLVE (unable to resolve dependency tree|could not resolve)|code ERESOLVE|Conflicting peer dependency|ERR_PNPM_PEER_DEP_ISSUES|ERR_PNPM_PEER_DEPS_ISSUES/,
    type: "DEPENDENCY_CONFLICT",
    weight: 9,
    examples: ["npm ERR! code ERESOLVE", "npm error ERESOLVE unable to resolve dependency tree", " ERR_PNPM_PEER_DEP_ISSUES  Unmet peer dependencies"],
  }),
  rule({
    id: "npm.not-found",
    pattern: new RegExp(
      String.raw`${NPM} code (ETARGET|E404)|No matching version found for \S+|404 Not Found - GET https?://\S+|is not in (this|the npm) registry|ERR_PNPM_(NO_MATCHING_VERSION|FETCH_404|NO_MATCHING_VERSION_INSIDE_WORKSPACE)|Couldn't find any versions for "[^"]+" that matches|An unexpected error occurred: "[^"]*: Not found"|YN0035|YN0001: .*(Package not found|not found in the registry)`,
    ),
    type: "DEPENDENCY_RESOLUTION",
    weight: 9,
    examples: [
      "npm ERR! code ETARGET",
      "npm error notarget No matching version found for left-pad@^9.0.0.",
      " ERR_PNPM_NO_MATCHING_VERSION  No matching version found for react-dom@99.0.0",
      "error Couldn't find any versions for \"lodsh\" that matches \"^4.17.21\"",
    ],
  }),
  rule({
    id: "npm.auth",
    pattern: new RegExp(String.raw`${NPM} code (E401|E403|ENEEDAUTH)|Unable to authenticate, need: |ERR_PNPM_FETCH_40[13]`),
    type: "CONFIGURATION",
    weight: 8,
    examples: ["npm ERR! code E401"],
  }),
  rule({
    id: "npm.registry-error",
    pattern: new RegExp(String.raw`${NPM} code (ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|ECONNREFUSED|E5\d\d|EPROTO|ERR_SOCKET_TIMEOUT)|network request to \S+ failed|ERR_PNPM_(META_FETCH_FAIL|FETCH_5\d\d)`),
    type: "INFRASTRUCTURE",
    weight: 8,
    examples: ["npm ERR! code ECONNRESET", " ERR_PNPM_META_FETCH_FAIL  GET https://registry.npmjs.org/react: request to https://registry.npmjs.org/react failed"],
  }),
  rule({
    id: "npm.missing-script",
    pattern: new RegExp(String.raw`${NPM} [Mm]issing script|ERR_PNPM_NO_SCRIPT|error Command "[^"]+" not found|Couldn't find a script named|ERR_PNPM_RECURSIVE_EXEC_NO_PACKAGE`),
    type: "CONFIGURATION",
    weight: 9,
    examples: ["npm ERR! Missing script: \"lint\"", "npm error Missing script: \"build\"", " ERR_PNPM_NO_SCRIPT  Missing script: typecheck"],
  }),
  rule({
    id: "npm.engine",
    pattern: new RegExp(
      String.raw`${NPM} code (EBADENGINE|ENOENT|EJSONPARSE)|ERR_PNPM_(UNSUPPORTED_ENGINE|BAD_PM_VERSION|NO_IMPORTER_MANIFEST_FOUND)|The engine "\w+" is incompatible with this module|Could not read package\.json|Usage Error: This project is configured to use \w+|packageManager.* but .* was used`,
    ),
    type: "CONFIGURATION",
    weight: 8,
    examples: ["npm ERR! code EBADENGINE", "error app@1.0.0: The engine \"node\" is incompatible with this module. Expected version \">=20\". Got \"18.19.0\""],
  }),
  rule({
    id: "npm.native-build",
    pattern: /^gyp (ERR!|error)|node-pre-gyp ERR!|prebuild-install (warn|err)/,
    type: "BUILD_COMPILE",
    weight: 3,
    examples: ["gyp ERR! build error"],
  }),
  rule({
    id: "npm.test-failed",
    pattern: new RegExp(String.raw`${NPM} Test failed\.`),
    type: "TEST_FAILURE",
    weight: 3,
    examples: ["npm ERR! Test failed.  See above for more details."],
  }),
  rule({
    id: "npm.script-failed",
    pattern: new RegExp(
      String.raw`${NPM} (code ELIFECYCLE|errno \d+|Lifecycle script|command failed|A complete log of this run|\S+@\S+ \w+: )|ERR_PNPM_RECURSIVE_(RUN|EXEC)_FIRST_FAIL|^ELIFECYCLE |^error Command failed with exit code \d+|^info Visit https://yarnpkg\.com/en/docs/cli/run|^Exit status \d+$`,
    ),
    weight: 1,
    boilerplate: true,
    examples: ["npm ERR! code ELIFECYCLE", "npm error Lifecycle script `build` failed with error:", "error Command failed with exit code 1.", " ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL  app@1.0.0 test: `vitest run`"],
  }),
  rule({
    id: "js.module-not-found",
    pattern:
      /error TS2307: Cannot find module '([^']+)'|Cannot find (?:module|package) '([^']+)'|Module not found: (?:Error: )?Can't resolve '([^']+)'|Could not resolve "([^"]+)"|[Ff]ailed to resolve import "([^"]+)"|Cannot find type definition file for '([^']+)'/,
    type: (m) => (isLocalSpecifier(m.slice(1).find((g) => g !== undefined)) ? "BUILD_COMPILE" : "DEPENDENCY_RESOLUTION"),
    weight: 7,
    examples: [
      "src/index.ts(1,20): error TS2307: Cannot find module 'zod' or its corresponding type declarations.",
      "Error: Cannot find module 'express'",
      "Module not found: Error: Can't resolve './components/Header' in '/home/runner/work/web/web/src'",
      "✘ [ERROR] Could not resolve \"left-pad\"",
      "[vite]: Rollup failed to resolve import \"lodash-es\" from \"/home/runner/work/app/app/src/main.ts\".",
    ],
  }),
  rule({
    id: "tsc.error",
    pattern: /^\S.*\(\d+,\d+\): error TS(\d+):|^\S.*:\d+:\d+ - error TS(\d+):|^error TS(\d+):/,
    type: (m) => (/^(5\d{3}|6\d{3}|18003)$/.test(m[1] ?? m[2] ?? m[3] ?? "") ? "CONFIGURATION" : "BUILD_COMPILE"),
    weight: 8,
    examples: [
      "src/app.ts(12,5): error TS2322: Type 'string' is not assignable to type 'number'.",
      "src/app.ts:12:5 - error TS2345: Argument of type 'number' is not assignable to parameter of type 'string'.",
      "error TS5023: Unknown compiler option 'strictest'.",
    ],
  }),
  rule({
    id: "mypy.summary",
    pattern: /^Found \d+ errors? in \d+ files? \(checked \d+ source files?\)/,
    type: "LINT",
    weight: 8,
    examples: ["Found 2 errors in 1 file (checked 14 source files)"],
  }),
  rule({
    id: "tsc.summary",
    pattern: /^Found \d+ errors? in \d+ files?\.$|^Found \d+ errors?\. Watching for file changes/,
    type: "BUILD_COMPILE",
    weight: 5,
    examples: ["Found 3 errors in 2 files."],
  }),
  rule({
    id: "bundler.error",
    pattern:
      /^ERROR in \S|webpack \S*\s?compiled with \d+ errors?|^Failed to compile\.?$|^error during build:|^Build failed with \d+ errors?|^✘ \[ERROR\] |Rollup failed|^Type error: |^> Build error occurred|Module build failed|Treating warnings as errors because process\.env\.CI = true|^\[vite:[\w-]+\] /,
    type: "BUILD_COMPILE",
    weight: 7,
    examples: [
      "Failed to compile.",
      "webpack 5.88.2 compiled with 1 error in 5321 ms",
      "Type error: Property 'title' does not exist on type 'Props'.",
      "Treating warnings as errors because process.env.CI = true.",
      "✘ [ERROR] Expected \";\" but found \"}\"",
    ],
  }),
  rule({
    id: "eslint.config",
    pattern: /ESLint couldn't find (the config|a configuration file|the plugin)|Oops! Something went wrong! :\(|No ESLint configuration found|Configuration for rule "[^"]+" is invalid|Failed to load (config|plugin) '[^']+'/,
    type: "CONFIGURATION",
    weight: 8,
    examples: ["ESLint couldn't find the config \"next/core-web-vitals\" to extend from. Please check that the name of the config is correct."],
  }),
  rule({
    id: "eslint.problem",
    pattern: /^\s+\d+:\d+\s+error\s+.+?\s{2,}[@\w/.-]+$/,
    type: "LINT",
    weight: 7,
    examples: ["   12:7   error  'unused' is assigned a value but never used  @typescript-eslint/no-unused-vars", "  3:1  error  Expected indentation of 2 spaces  indent"],
  }),
  rule({
    id: "eslint.summary",
    pattern: /✖ \d+ problems? \((\d+) errors?, \d+ warnings?\)|ESLint found too many warnings \(maximum: \d+\)/,
    accept: (m) => m[1] === undefined || Number(m[1]) > 0,
    type: "LINT",
    weight: 9,
    examples: ["✖ 3 problems (2 errors, 1 warning)", "ESLint found too many warnings (maximum: 0)."],
  }),
  rule({
    id: "prettier.check",
    pattern: /Code style issues (found|were found) in (the above file|\d+ files)|Forgot to run Prettier\?|^\[warn\] .*Run Prettier with --write to fix/,
    type: "LINT",
    weight: 9,
    examples: ["[warn] Code style issues found in 2 files. Run Prettier with --write to fix.", "Code style issues found in the above file. Forgot to run Prettier?"],
  }),
  rule({
    id: "lint.other",
    pattern:
      /^\s+\d+:\d+\s+✖\s+|\blint\/\w+\/\w+\b|Some errors were emitted while running checks|\bMD\d{3}\/[\w-]+|^✖\s+(subject|type|header|body|footer|scope)[\w-]* |Missing license header|license header (is )?missing|Unapproved licenses|Too many files with unapproved license|[Ff]iles? (is|are) not (properly )?formatted|would be reformatted|^Diff in \S+ at line \d+:|needs formatting|is not formatted/,
    type: "LINT",
    weight: 7,
    examples: [
      "src/app.ts:3:7 lint/suspicious/noDoubleEquals ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━",
      "README.md:12 MD013/line-length Line length [Expected: 80; Actual: 112]",
      "✖   subject may not be empty [subject-empty]",
      "Missing license header in src/main/java/com/acme/App.java",
    ],
  }),
  rule({
    id: "jest.suite-failed-to-run",
    pattern: /● Test suite failed to run/,
    type: "TEST_FAILURE",
    weight: 3,
    examples: ["  ● Test suite failed to run"],
  }),
  rule({
    id: "jest.test-title",
    pattern: /^\s*● \S.*/,
    type: "TEST_FAILURE",
    weight: 5,
    examples: ["  ● OrderService › computes the total with tax"],
  }),
  rule({
    id: "js-test.summary",
    pattern: /^(Tests|Test Suites):\s+(\d+) failed|^\s*(Test Files|Tests)\s+(\d+) failed|^\s*(\d+) failing$|^[#ℹ] fail (\d+)$|^\s+\d+ failed$| \d+ of \d+ failed \(\d+%\)/,
    accept: (m) => Number(m[2] ?? m[4] ?? m[5] ?? m[6] ?? "1") > 0,
    type: "TEST_FAILURE",
    weight: 8,
    examples: ["Tests:       1 failed, 12 passed, 13 total", " Test Files  1 failed | 3 passed (4)", "      Tests  2 failed | 40 passed (42)", "  2 failing", "# fail 1", "ℹ fail 2", "  1 failed"],
  }),
  rule({
    id: "js-test.failed-file",
    pattern: /^\s*FAIL\s{1,2}\S+|⎯+ Failed (Tests?|Suites?) \d+ ⎯+|^✖ failing tests:|^\s*❯ \S+ \(\d+ tests? \| \d+ failed/,
    type: "TEST_FAILURE",
    weight: 6,
    examples: ["FAIL src/order.test.ts", " FAIL  src/order.test.ts > OrderService > computes the total", "⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯", "✖ failing tests:", " ❯ src/order.test.ts (3 tests | 1 failed) 12ms"],
  }),
  rule({
    id: "js-test.failed-case",
    pattern: /^not ok \d+ - |^\s*[×✗✕]\s+\S|^\s*✖ .+\(\d+(\.\d+)?m?s\)$|^\s+\d+\) \[\w+\] › /,
    type: "TEST_FAILURE",
    weight: 5,
    examples: ["not ok 1 - computes the total", "   × computes the total with tax 3ms", "  ✕ computes the total with tax (5 ms)", "✖ computes the total (1.204ms)"],
  }),
  rule({
    id: "test.assertion",
    pattern: /AssertionError|AssertionFailedError|ComparisonFailure|expect\(received\)|AssertionFailure|assert_eq!|assertion `left == right` failed|assertion failed/,
    type: "TEST_FAILURE",
    weight: 5,
    examples: [
      "AssertionError: expected 5 to be 6 // Object.is equality",
      "    expect(received).toBe(expected) // Object.is equality",
      "org.opentest4j.AssertionFailedError: expected: <true> but was: <false>",
      "AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:",
    ],
  }),
];

