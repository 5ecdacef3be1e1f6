// The lines Travis CI, GitLab CI and Jenkins print about a job (their documented job-log messages): a
// command's exit, the job's time limits, a runner or agent that went away. Which command failed is read
// by track-log-context.ts; these rules say what the service's own messages mean.
import { rule } from "./rule";

export const ciServiceRules = [
  rule({
    id: "ci.time-limit",
    keywords: ["no output has been received", "maximum time limit", "execution took longer than", "build timed out", "exceeded the maximum log length"],
    pattern:
      /^No output has been received in the last \w+, this potentially indicates a stalled build|^The job exceeded the maximum (time limit for jobs|log length), and has been terminated\.|^ERROR: Job failed: execution took longer than |^Build timed out \(after \d+ minutes\)\. Marking the build as (failed|aborted)\./,
    type: "INFRASTRUCTURE",
    weight: 9,
    examples: [
      "No output has been received in the last 10m0s, this potentially indicates a stalled build or something wrong with the build itself.",
      "The job exceeded the maximum time limit for jobs, and has been terminated.",
      "ERROR: Job failed: execution took longer than 1h0m0s seconds",
      "Build timed out (after 60 minutes). Marking the build as failed.",
    ],
  }),
  rule({
    id: "ci.runner-lost",
    keywords: ["system failure", "preparation failed", "channelclosedexception", "closedchannelexception", "command execution failed", "was marked offline", "agent went offline", "cannot contact "],
    pattern:
      /^ERROR: Job failed \(system failure\): |^ERROR: Preparation failed: |hudson\.remoting\.ChannelClosedException|java\.nio\.channels\.ClosedChannelException|^FATAL: command execution failed|^Agent \S+ was marked offline|^Agent went offline during the build|^Cannot contact \S+: java\.lang\.InterruptedException/,
    type: "INFRASTRUCTURE",
    weight: 9,
    examples: [
      "ERROR: Job failed (system failure): prepare environment: Error response from daemon: Conflict. The container name is already in use by container. Check https://docs.gitlab.com/runner/shells/index.html#shell-profile-loading for more information",
      "ERROR: Preparation failed: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?",
      "FATAL: command execution failed",
      "Agent went offline during the build",
    ],
  }),
  rule({
    id: "ci.image-pull",
    keywords: ["failed to pull image"],
    pattern: /^(ERROR: Job failed: )?failed to pull image "[^"]+"/,
    type: (m) => (/not found|manifest unknown|does not exist|pull access denied/.test(m.input) ? "CONFIGURATION" : "INFRASTRUCTURE"),
    weight: 8,
    examples: [
      'ERROR: Job failed: failed to pull image "registry.example.com/ci/node:20" with specified policies [always]: Error response from daemon: Get "https://registry.example.com/v2/": net/http: request canceled while waiting for connection (manager.go:237:15s)',
    ],
  }),
  rule({
    id: "ci.jenkins-scm",
    keywords: ["error cloning remote repo", "error fetching remote repo", "gitexception"],
    pattern: /^ERROR: Error (cloning|fetching) remote repo '[^']+'|hudson\.plugins\.git\.GitException: Command "git (fetch|clone|checkout)/,
    type: "INFRASTRUCTURE",
    weight: 9,
    examples: ["ERROR: Error cloning remote repo 'origin'", 'hudson.plugins.git.GitException: Command "git fetch --tags --force --progress -- https://github.com/acme/shop.git +refs/heads/*:refs/remotes/origin/*" returned status code 128:'],
  }),
  rule({
    id: "ci.command-exit",
    keywords: ["^the command \"", "^error: job failed: exit code", "^done. your build exited with", "marked build as failure", "^finished: failure"],
    pattern: /^The command ".*" (exited with|failed and exited with) [1-9]\d*|^ERROR: Job failed: exit code \d+|^Done\. Your build exited with [1-9]|^Build step '[^']+' marked build as failure|^Finished: FAILURE$/,
    weight: 1,
    start: false,
    boilerplate: true,
    examples: ['The command "mvn test -B" exited with 1.', "ERROR: Job failed: exit code 1", "Done. Your build exited with 1.", "Build step 'Execute shell' marked build as failure", "Finished: FAILURE"],
  }),
];
