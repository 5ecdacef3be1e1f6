// JavaScript and web linters and formatters: ESLint (stylish, compact and unix formats), Prettier,
// Biome, Stylelint, markdownlint, commitlint.
import { rule } from "./rule";

export const jsLintRules = [
  rule({
    id: "eslint.config",
    keywords: ["eslint couldn't find", "oops! something went wrong", "no eslint configuration", "is invalid", "failed to load config", "failed to load plugin"],
    pattern: /ESLint couldn't find (the config|a configuration file|the plugin)|Oops! Something went wrong! :\(|No ESLint configuration found|Configuration for rule "[^"]+" is invalid|Failed to load (config|plugin) '[^']+'/,
    type: "CONFIGURATION",
    weight: 8,
    examples: ["ESLint couldn't find the config \"next/core-web-vitals\" to extend from. Please check that the name of the config is correct."],
  }),
  rule({
    id: "eslint.problem",
    keywords: ["error"],
    // stylish: "  12:7  error  message  rule"; compact: "file: line 12, col 7, Error - message (rule)";
    // unix: "file:12:7: message [Error/rule]"
    pattern: /^\s+\d+:\d+\s+error\s+.+?\s{2,}[@\w/.-]+$|^\S+: line \d+, col \d+, Error - .+ \([@\w/.-]+\)$|^\S+:\d+:\d+: .+ \[Error\/[@\w/.-]+\]$/,
    type: "LINT",
    weight: 7,
    examples: [
      "   12:7   error  'unused' is assigned a value but never used  @typescript-eslint/no-unused-vars",
      "  3:1  error  Expected indentation of 2 spaces but found 4  indent",
      "/home/runner/work/web/web/src/cart.js: line 12, col 7, Error - 'total' is assigned a value but never used. (no-unused-vars)",
      "src/cart.js:12:7: 'total' is assigned a value but never used. [Error/no-unused-vars]",
    ],
  }),
  rule({
    id: "eslint.summary",
    keywords: ["problem", "too many warnings"],
    pattern: /✖ \d+ problems? \((\d+) errors?, \d+ warnings?\)|^\d+ problems?$|ESLint found too many warnings \(maximum: \d+\)/,
    accept: (m) => m[1] === undefined || Number(m[1]) > 0,
    type: "LINT",
    weight: 9,
    summary: true,
    examples: ["✖ 3 problems (2 errors, 1 warning)", "ESLint found too many warnings (maximum: 0).", "2 problems"],
  }),
  rule({
    id: "prettier.file",
    keywords: ["^[warn] "],
    pattern: /^\[warn\] [\w./@-]+\.\w+$/,
    type: "LINT",
    weight: 4,
    examples: ["[warn] src/cart.ts"],
  }),
  rule({
    id: "prettier.check",
    keywords: ["code style issues", "forgot to run prettier", "run prettier with --write"],
    pattern: /Code style issues (found|were found) in (the above file|\d+ files)|Forgot to run Prettier\?|^\[warn\] .*Run Prettier with --write to fix/,
    type: "LINT",
    weight: 9,
    summary: true,
    examples: ["[warn] Code style issues found in 2 files. Run Prettier with --write to fix.", "[warn] Code style issues found in the above file. Run Prettier with --write to fix.", "Code style issues found in the above file(s). Forgot to run Prettier?"],
  }),
  rule({
    id: "lint.other",
    keywords: ["✖", "lint/", "some errors were emitted", "md00", "md01", "md02", "md03", "md04", "md05", "md06", "md07", "md08", "md09", "not formatted", "not properly formatted", "needs formatting", "formatting issues"],
    pattern:
      /^\s+\d+:\d+\s+✖\s+|\blint\/\w+\/\w+\b|Some errors were emitted while running checks|\bMD\d{3}\/[\w-]+|^✖\s+(subject|type|header|body|footer|scope)[\w-]* |[Ff]iles? (is|are) not (properly )?formatted|needs formatting|is not formatted|Found \d+ (not formatted files|formatting issues)/,
    type: "LINT",
    weight: 7,
    examples: [
      "src/cart.ts:3:7 lint/suspicious/noDoubleEquals ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━",
      "README.md:12 MD013/line-length Line length [Expected: 80; Actual: 112]",
      "✖   subject may not be empty [subject-empty]",
      "  12:7  ✖  Expected \"#FFF\" to be \"#fff\"   color-hex-case",
    ],
  }),
];
