// Reads the subset of the workflow syntax the simulator runs: triggers with branch filters, jobs with
// `needs`, `timeout-minutes`, `env`, and steps that `run:` shell commands (or `uses:` actions, which are
// logged and skipped).
import { parse } from "yaml";

export interface WorkflowStep {
  name: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
  env: Record<string, string>;
  if?: string;
  workingDirectory?: string;
  continueOnError: boolean;
}

export interface WorkflowJob {
  key: string;
  name: string;
  needs: string[];
  timeoutMinutes?: number;
  env: Record<string, string>;
  steps: WorkflowStep[];
}

export interface BranchFilter {
  branches?: string[];
  branchesIgnore?: string[];
}

export interface Workflow {
  name: string;
  on: { push?: BranchFilter; pull_request?: BranchFilter; workflow_dispatch?: { inputs: Record<string, { default?: string }> } };
  env: Record<string, string>;
  jobs: WorkflowJob[];
}

export class WorkflowSyntaxError extends Error {}

export function parseWorkflow(text: string, filePath: string): Workflow {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    throw new WorkflowSyntaxError(`${filePath}: ${(error as Error).message}`);
  }
  if (!isObject(doc) || !isObject(doc.jobs)) throw new WorkflowSyntaxError(`${filePath}: no jobs`);
  const jobs = Object.entries(doc.jobs).map(([key, raw]) => parseJob(key, raw, filePath));
  return { name: typeof doc.name === "string" ? doc.name : filePath, on: parseTriggers(doc.on), env: stringMap(doc.env), jobs };
}

function parseTriggers(on: unknown): Workflow["on"] {
  const names = typeof on === "string" ? [on] : Array.isArray(on) ? on.map(String) : isObject(on) ? Object.keys(on) : [];
  const config = (name: string): Record<string, unknown> => (isObject(on) && isObject(on[name]) ? on[name] : {});
  const result: Workflow["on"] = {};
  for (const name of names) {
    if (name === "push" || name === "pull_request") {
      const c = config(name);
      result[name] = { ...(Array.isArray(c.branches) ? { branches: c.branches.map(String) } : {}), ...(Array.isArray(c["branches-ignore"]) ? { branchesIgnore: c["branches-ignore"].map(String) } : {}) };
    } else if (name === "workflow_dispatch") {
      const inputs = isObject(config(name).inputs) ? (config(name).inputs as Record<string, unknown>) : {};
      result.workflow_dispatch = {
        inputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, isObject(v) && v.default !== undefined ? { default: String(v.default) } : {}])),
      };
    }
  }
  return result;
}

function parseJob(key: string, raw: unknown, filePath: string): WorkflowJob {
  if (!isObject(raw) || !Array.isArray(raw.steps)) throw new WorkflowSyntaxError(`${filePath}: job ${key} has no steps`);
  const needs = typeof raw.needs === "string" ? [raw.needs] : Array.isArray(raw.needs) ? raw.needs.map(String) : [];
  const steps = raw.steps.map((s: unknown, i: number) => {
    if (!isObject(s)) throw new WorkflowSyntaxError(`${filePath}: job ${key} step ${i + 1} is not a mapping`);
    // YAML reads `run: true` or `run: 42` as scalars; GitHub runs them as the text they are.
    const run = ["string", "number", "boolean"].includes(typeof s.run) ? String(s.run) : undefined;
    const uses = typeof s.uses === "string" ? s.uses : undefined;
    if (!run && !uses) throw new WorkflowSyntaxError(`${filePath}: job ${key} step ${i + 1} has neither run nor uses`);
    const firstLine = (run ?? "").split("\n")[0]!.trim();
    return {
      name: typeof s.name === "string" ? s.name : run ? `Run ${firstLine}` : `Run ${uses}`,
      ...(run ? { run } : {}),
      ...(uses ? { uses, with: stringMap(s.with) } : {}),
      env: stringMap(s.env),
      ...(typeof s.if === "string" ? { if: s.if } : {}),
      ...(typeof s["working-directory"] === "string" ? { workingDirectory: s["working-directory"] } : {}),
      continueOnError: s["continue-on-error"] === true,
    };
  });
  return {
    key,
    name: typeof raw.name === "string" ? raw.name : key,
    needs,
    ...(typeof raw["timeout-minutes"] === "number" ? { timeoutMinutes: raw["timeout-minutes"] } : {}),
    env: stringMap(raw.env),
    steps,
  };
}

/** GitHub's branch filter globs: `*` stays within a path segment, `**` crosses them. */
export function branchMatches(filter: BranchFilter | undefined, branch: string): boolean {
  if (!filter) return false;
  const test = (pattern: string) => globToRegExp(pattern).test(branch);
  if (filter.branches && !filter.branches.some(test)) return false;
  if (filter.branchesIgnore && filter.branchesIgnore.some(test)) return false;
  return true;
}

function globToRegExp(glob: string): RegExp {
  const source = glob
    .split("**")
    .map((part) => part.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^/]*"))
    .join(".*");
  return new RegExp(`^${source}$`);
}

function stringMap(value: unknown): Record<string, string> {
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
