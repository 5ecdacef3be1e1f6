// JVM exceptions and stack traces, then the generic error words every tool prints. These carry no type
// of their own: they mark error ranges and let the specific rules above decide.
import { rule } from "./rule";

export const jvmRules = [
  rule({
    id: "jvm.exception",
    keywords: ["exception", "error", "failure"],
    pattern: /^(Exception in thread "[^"]+" )?([a-z][\w$]*\.)+[A-Z][\w$]*(Exception|Error|Failure)(: .*)?$/,
    weight: 2,
    examples: ["org.eclipse.jgit.api.errors.TransportException: https://github.com/acme/shop.git: 401 Unauthorized", "java.lang.IllegalStateException: cart is closed"],
  }),
  rule({
    id: "jvm.caused-by",
    keywords: ["^caused by: "],
    pattern: /^Caused by: \S+/,
    weight: 1,
    start: false,
    examples: ["Caused by: java.lang.ClassNotFoundException: org.slf4j.LoggerFactory"],
  }),
];

export const genericRules = [
  rule({
    id: "generic.error-prefix",
    keywords: ["^[error]", "^[fatal]", "^err", "^fatal", "^e:", "^[e]"],
    pattern: /^(\[(ERROR|FATAL|error|fatal)\]|ERROR:?|FATAL:?|Error:|error:|fatal:|E:|\[E\]|ERR!?) *\S|^Error \S+:/,
    weight: 2,
    examples: ["ERROR: Step ‘Archive the artifacts’ failed: No artifacts found that match the file pattern \"dist/*.tgz\". Configuration error?", "fatal: not a git repository (or any of the parent directories): .git", "error: something went wrong"],
  }),
  rule({
    id: "generic.error-word",
    keywords: ["fail", "error", "exception", "fatal"],
    pattern: /\b(FAILED|FAILURE|[Ff]ailed|[Ff]ailure|ERROR|[Ee]rror|[Ee]xception|FATAL|[Ff]atal)\b/,
    accept: (m) => !/\b0 (errors?|failures?|failed)\b|(Failures|Errors): 0\b|-Werror|error_prone|ignore[- ]?errors?|continue-on-error|--bail|onError|errorformat/i.test(m.input),
    weight: 1,
    examples: ["[WARNING] Error injecting: com.acme.build.ReportMojo", "Upload of coverage report failed"],
  }),
];
