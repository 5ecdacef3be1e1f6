// Source that cannot even be parsed, whoever reports it: the interpreter, a test runner that loads the
// file (node --test repeats the child's stderr as "# " TAP comments, pytest prefixes "E   "), a bundler.
import { rule } from "./rule";

export const loadErrorRules = [
  rule({
    id: "load.syntax-error",
    keywords: ["syntaxerror", "indentationerror", "taberror"],
    pattern: /^(# |E\s+)?\s*(\S+: )?(SyntaxError|IndentationError|TabError): (.*)$/,
    // A JSON document that does not parse is data a test received, not source that failed to load.
    accept: (m) => !/JSON|is not valid JSON/.test(m[4] ?? ""),
    type: "BUILD_COMPILE",
    weight: 6,
    examples: [
      "SyntaxError: invalid syntax",
      "E     IndentationError: unexpected indent",
      "# SyntaxError: Unexpected end of input",
      "    SyntaxError: /home/runner/work/shop/shop/src/inventory.js: Unexpected token (12:0)",
      "SyntaxError: The requested module './format.js' does not provide an export named 'formatAmount'",
    ],
  }),
];
