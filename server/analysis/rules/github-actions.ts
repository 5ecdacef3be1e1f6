// The runner's own lines: `##[error]` annotations, cancellations, time-outs, lost runners, workflow
// syntax and action-input problems.
import { rule } from "./rule";

export const githubActionsRules = [
  rule({
    id: "actions.exit-137",
    keywords: ["process completed"],
    pattern: /^Process completed with exit code 137\./,
    type: "INFRASTRUCTURE",
    weight: 6,
    examples: ["Process completed with exit code 137."],
  }),
  rule({
    id: "actions.exit-127",
    keywords: ["process completed"],
    pattern: /^Process completed with exit code 127\./,
    type: "CONFIGURATION",
    weight: 5,
    examples: ["Process completed with exit code 127."],
  }),
  rule({
    id: "actions.exit-code",
    keywords: ["process completed"],
    pattern: /^Process completed with exit code \d+\./,
    weight: 1,
    boilerplate: true,
    examples: ["Process completed with exit code 1."],
  }),
  rule({
    id: "actions.cancelled",
    keywords: ["operation was canceled", "run was canceled"],
    pattern: /^The operation was canceled\.$|^The run was canceled by /,
    type: "INFRASTRUCTURE",
    weight: 2,
    boilerplate: true,
    examples: ["The operation was canceled."],
  }),
  rule({
    id: "actions.runner-lost",
    keywords: ["maximum execution time", "shutdown signal", "lost communication", "hosted runner encountered", "internal error", "not acquired", "self-hosted runner", "did not respond", "has timed out"],
    pattern:
      /has exceeded the maximum execution time of \d+ minutes|The runner has received a shutdown signal|lost communication with the server|The hosted runner encountered an error|GitHub Actions has encountered an internal error|The job was not acquired by Runner|The self-hosted runner: .* lost|Runner .* did not respond|The action '.*' has timed out after \d+ minutes/,
    type: "INFRASTRUCTURE",
    weight: 9,
    examples: [
      "The job running on runner GitHub Actions 3 has exceeded the maximum execution time of 360 minutes.",
      "The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually started runner is canceled.",
      "The hosted runner: GitHub Actions 12 lost communication with the server. Anything in your workflow that terminates the runner process, starves it for CPU/Memory, or blocks its network access can cause this error.",
    ],
  }),
  rule({
    id: "actions.workflow-config",
    keywords: ["unable to resolve action", "can't find 'action", "input required", "invalid workflow", "workflow is not valid", "unrecognized named-value", "required property", "not accessible by integration", "error occurred trying to start process", "missing download info", "no runner matching", "unable to locate executable", "parameter token", "is not a valid", "bad credentials", "unable to find node version", "not found in the list of available versions", "could not find satisfied version"],
    pattern:
      /Unable to resolve action `[^`]+`|Can't find 'action\.ya?ml'|Input required and not supplied: |Invalid workflow file|The workflow is not valid|Unrecognized named-value: |Required property is missing|Resource not accessible by integration|An error occurred trying to start process '.*' with working directory '.*'\. No such file or directory|Missing download info for |No runner matching the specified labels|Unable to locate executable file: |Parameter token or opts\.auth is required|is not a valid .* input|Bad credentials|Unable to find Node version '[^']+'|Version [\w.-]+ with arch \w+ not found in the list of available versions|Could not find satisfied version for SemVer/,
    type: "CONFIGURATION",
    weight: 8,
    examples: [
      "Unable to resolve action `actions/setup-nodee@v4`, repository not found",
      "Input required and not supplied: token",
      "Invalid workflow file: .github/workflows/ci.yml#L12",
      "An error occurred trying to start process '/usr/bin/bash' with working directory '/home/runner/work/app/app/frontend'. No such file or directory",
      "Unable to locate executable file: pnpm. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable.",
      "Version 3.99 with arch x64 not found in the list of available versions",
    ],
  }),
  rule({
    id: "actions.unexpected-input",
    keywords: ["unexpected input"],
    pattern: /^Unexpected input\(s\) '[^']+', valid inputs are/,
    type: "CONFIGURATION",
    weight: 4,
    examples: ["Unexpected input(s) 'node-versions', valid inputs are ['always-auth', 'node-version', 'cache']"],
  }),
  rule({
    id: "actions.codeql-autobuild",
    keywords: ["unable to automatically build"],
    pattern: /We were unable to automatically build your code/,
    type: "BUILD_COMPILE",
    weight: 3,
    examples: ["We were unable to automatically build your code. Please replace the call to the autobuild action with your custom build steps. Failure invoking /opt/work/_temp/codeql/java/tools/autobuild.sh"],
  }),
  rule({
    id: "actions.deprecation-notice",
    keywords: ["deprecated"],
    pattern: /^This version of the CodeQL Action was deprecated|is deprecated and will be removed|Node\.js \d+ actions are deprecated/,
    weight: 0,
    start: false,
    boilerplate: true,
    examples: ["This version of the CodeQL Action was deprecated on January 18th, 2023, and is no longer updated or supported."],
  }),
];
