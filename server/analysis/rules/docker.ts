// docker build (BuildKit and the classic builder), docker login/pull/push.
import { rule } from "./rule";

export const dockerRules = [
  rule({
    id: "docker.dockerfile",
    keywords: ["dockerfile", "unknown instruction", "failed to compute cache key", "copy failed", "failed to calculate checksum"],
    pattern: /dockerfile parse error|unknown instruction: |failed to read dockerfile|failed to compute cache key: .*not found|COPY failed: (file not found|stat |forbidden path)|failed to calculate checksum of ref .*not found|Dockerfile: no such file or directory/i,
    type: "CONFIGURATION",
    weight: 9,
    examples: [
      "ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref 5c1a8f2e::k3j2l1: \"/dist\": not found",
      "ERROR: failed to solve: dockerfile parse error on line 7: unknown instruction: RUNN",
      "COPY failed: file not found in build context or excluded by .dockerignore: stat package.json: file does not exist",
    ],
  }),
  rule({
    id: "docker.registry-auth",
    keywords: ["unauthorized", "requested access to the resource is denied", "interactive login", "username and password required"],
    pattern: /unauthorized: authentication required|denied: requested access to the resource is denied|unauthorized: incorrect username or password|Cannot perform an interactive login from a non TTY device|Username and password required/,
    type: "CONFIGURATION",
    weight: 8,
    examples: ["denied: requested access to the resource is denied", "Error: Cannot perform an interactive login from a non TTY device"],
  }),
  rule({
    id: "docker.image-not-found",
    keywords: ["manifest unknown", "pull access denied", "failed to resolve source metadata", "manifest for"],
    pattern: /manifest unknown|pull access denied for \S+, repository does not exist|failed to resolve source metadata for \S+: .*not found|manifest for \S+ not found/,
    type: "DEPENDENCY_RESOLUTION",
    weight: 8,
    examples: ["ERROR: failed to solve: node:99-alpine: failed to resolve source metadata for docker.io/library/node:99-alpine: docker.io/library/node:99-alpine: not found"],
  }),
  rule({
    id: "docker.daemon",
    keywords: ["docker daemon", "error during connect"],
    pattern: /Cannot connect to the Docker daemon at |error during connect: /,
    type: "INFRASTRUCTURE",
    weight: 8,
    examples: ["Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?"],
  }),
  rule({
    id: "docker.step-failed",
    keywords: ["did not complete successfully", "returned a non-zero code", "executor failed running", "failed to solve"],
    pattern: /^(ERROR: )?(failed to solve: )?process "[^"]+" did not complete successfully: exit code: \d+|The command '.+' returned a non-zero code: \d+|executor failed running \[|^ERROR: failed to solve: /,
    weight: 3,
    boilerplate: true,
    examples: ["ERROR: failed to solve: process \"/bin/sh -c npm ci\" did not complete successfully: exit code: 1", "The command '/bin/sh -c make' returned a non-zero code: 2"],
  }),
];
