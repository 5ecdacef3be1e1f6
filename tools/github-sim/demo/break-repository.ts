// Breaks a demo repository by scenario name: one commit on its default branch, pushed like any other,
// so CI runs and webhooks follow. "reset" puts the seeded template back.
import { findRepo, fullName, userByLogin, type SimContext } from "../core/context";
import { commitFiles } from "../repo-ops/commit-files";
import { DEMO_ORG, DEMO_USER } from "./seed-demo";
import { findScenario, scenarios } from "./scenarios";
import { templateFiles } from "./template-files";

export interface BreakOptions {
  scenario: string;
  /** "owner/name"; defaults to the scenario's own demo repository. */
  repository?: string;
}

export interface BreakResult {
  scenario: string;
  repository: string;
  branch: string;
  before: string | null;
  sha: string;
}

export class UnknownScenarioError extends Error {}

export async function breakRepository(ctx: SimContext, options: BreakOptions): Promise<BreakResult> {
  const scenario = findScenario(options.scenario);
  const isReset = options.scenario === "reset";
  if (!scenario && !isReset) {
    throw new UnknownScenarioError(`unknown scenario "${options.scenario}"; known: ${[...scenarios.map((s) => s.name), "reset"].join(", ")}`);
  }
  const target = options.repository ?? `${DEMO_ORG}/${scenario?.repository ?? "payments-api"}`;
  const [owner, name] = target.split("/");
  const repo = owner && name ? findRepo(ctx, owner, name) : undefined;
  if (!repo) throw new UnknownScenarioError(`no repository ${target}: seed the demo first`);
  const author = userByLogin(ctx, DEMO_USER);
  if (!author) throw new UnknownScenarioError("no demo user: seed the demo first");
  const files = isReset ? resetFiles() : scenario!.files;
  const { before, after } = await commitFiles(ctx, repo, {
    branch: repo.defaultBranch,
    files,
    message: isReset ? "Reset the demo service" : scenario!.commitMessage,
    author,
  });
  return { scenario: options.scenario, repository: fullName(ctx, repo), branch: repo.defaultBranch, before, sha: after };
}

function resetFiles(): Record<string, string | null> {
  const added = new Set(scenarios.flatMap((s) => Object.keys(s.files)).filter((p) => !(p in templateFiles)));
  return { ...templateFiles, ...Object.fromEntries([...added].map((p) => [p, null])) };
}
