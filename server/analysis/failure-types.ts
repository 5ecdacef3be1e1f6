// The failure taxonomy (../shared/docs/failure-taxonomy.md): every analysed failure gets exactly one.
export const FAILURE_TYPES = [
  "BUILD_COMPILE",
  "TEST_FAILURE",
  "LINT",
  "DEPENDENCY_RESOLUTION",
  "DEPENDENCY_CONFLICT",
  "CONFIGURATION",
  "INFRASTRUCTURE",
  "UNKNOWN",
] as const;

export type FailureType = (typeof FAILURE_TYPES)[number];

export function isFailureType(value: string): value is FailureType {
  return (FAILURE_TYPES as readonly string[]).includes(value);
}
