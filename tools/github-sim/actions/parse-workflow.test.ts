import { describe, expect, it } from "vitest";
import { branchMatches, parseWorkflow, WorkflowSyntaxError } from "./parse-workflow";
import { githubTimestamp } from "./job-log";

describe("parseWorkflow", () => {
  it("reads triggers, jobs, needs and step names as GitHub names them", () => {
    const wf = parseWorkflow(
      `name: CI
on:
  push:
    branches: [main, "release/**"]
  pull_request:
  workflow_dispatch:
    inputs:
      level: { default: info }
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: |
          npm ci
          npm test
  deploy:
    needs: build
    timeout-minutes: 3
    steps:
      - name: Ship
        run: ./ship.sh
`,
      ".github/workflows/ci.yml",
    );
    expect(wf.name).toBe("CI");
    expect(wf.on.push).toEqual({ branches: ["main", "release/**"] });
    expect(wf.on.pull_request).toEqual({});
    expect(wf.on.workflow_dispatch?.inputs.level).toEqual({ default: "info" });
    expect(wf.jobs.map((j) => [j.key, j.needs, j.timeoutMinutes])).toEqual([["build", [], undefined], ["deploy", ["build"], 3]]);
    expect(wf.jobs[0]!.steps.map((s) => s.name)).toEqual(["Run actions/checkout@v4", "Run npm ci"]);
  });

  it("accepts the short trigger forms and rejects files without jobs", () => {
    expect(Object.keys(parseWorkflow("on: push\njobs:\n  a:\n    steps:\n      - run: true\n", "a.yml").on)).toEqual(["push"]);
    expect(Object.keys(parseWorkflow("on: [push, pull_request]\njobs:\n  a:\n    steps:\n      - run: true\n", "a.yml").on)).toEqual(["push", "pull_request"]);
    expect(() => parseWorkflow("on: push\n", "a.yml")).toThrow(WorkflowSyntaxError);
    expect(() => parseWorkflow("on: push\njobs:\n  a:\n    steps:\n      - name: nothing\n", "a.yml")).toThrow(WorkflowSyntaxError);
  });
});

describe("branchMatches", () => {
  it("uses GitHub's globs: * within a segment, ** across segments, ignore lists", () => {
    expect(branchMatches({ branches: ["release/*"] }, "release/1.0")).toBe(true);
    expect(branchMatches({ branches: ["release/*"] }, "release/1.0/hotfix")).toBe(false);
    expect(branchMatches({ branches: ["release/**"] }, "release/1.0/hotfix")).toBe(true);
    expect(branchMatches({ branchesIgnore: ["auto-fix/**"] }, "auto-fix/12")).toBe(false);
    expect(branchMatches({ branchesIgnore: ["auto-fix/**"] }, "main")).toBe(true);
  });
});

describe("githubTimestamp", () => {
  it("writes seven fractional digits like the Actions runner", () => {
    expect(githubTimestamp(new Date("2024-01-01T00:00:00.123Z"))).toBe("2024-01-01T00:00:00.1230000Z");
  });
});
