// Seeds the demo once per data directory: organisation, user, repositories with passing CI, an OAuth
// app and a token. A second call (or a restart on the same data) returns what exists.
import { randomBytes } from "node:crypto";
import { findRepo, fullName, userByLogin, type SimContext } from "../core/context";
import { commitFiles } from "../repo-ops/commit-files";
import { createRepository } from "../repo-ops/create-repository";
import type { SimUser } from "../store/state";
import { demoRepositories, scenarios } from "./scenarios";
import { readme, templateFiles } from "./template-files";

export const DEMO_ORG = "infraflow-demo";
export const DEMO_USER = "demo-dev";
/** A second person: a read-only collaborator on payments-api, member of nothing (sign in with ?login=). */
export const DEMO_REVIEWER = "demo-reviewer";

export interface DemoSeed {
  organization: string;
  user: { login: string; name: string; email: string };
  token: string;
  oauthApp: { clientId: string; clientSecret: string };
  repositories: { owner: string; name: string; fullName: string; defaultBranch: string; scenario: string | null }[];
}

export async function seedDemo(ctx: SimContext): Promise<DemoSeed> {
  const user = ensureUser(ctx, { login: DEMO_USER, name: "Demo Developer", email: "demo-dev@infraflow.local", type: "User", members: [] });
  const org = ensureUser(ctx, { login: DEMO_ORG, name: "InfraFlow Demo", email: null, type: "Organization", members: [user.id] });
  const token = ensureToken(ctx, user);
  const oauthApp = ensureOAuthApp(ctx, "InfraFlow (demo)");
  ctx.store.state.settings.demoUser = user.login;
  for (const spec of demoRepositories) {
    if (findRepo(ctx, org.login, spec.name)) continue;
    const repo = await createRepository(ctx, { owner: org, actor: user, name: spec.name, description: spec.purpose });
    await commitFiles(ctx, repo, {
      branch: repo.defaultBranch,
      files: { ...templateFiles, "README.md": readme(spec.name, spec.purpose) },
      message: "Initial commit: demo service with CI",
      author: user,
    });
  }
  const reviewer = ensureUser(ctx, { login: DEMO_REVIEWER, name: "Demo Reviewer", email: "demo-reviewer@infraflow.local", type: "User", members: [] });
  const payments = findRepo(ctx, org.login, "payments-api");
  if (payments && !payments.collaborators?.some((c) => c.userId === reviewer.id)) {
    payments.collaborators = [...(payments.collaborators ?? []), { userId: reviewer.id, permission: "pull" }];
    ctx.store.changed();
  }
  await ctx.store.flush();
  return {
    organization: org.login,
    user: { login: user.login, name: user.name, email: user.email! },
    token,
    oauthApp,
    repositories: demoRepositories.map((spec) => {
      const repo = findRepo(ctx, org.login, spec.name)!;
      return {
        owner: org.login,
        name: repo.name,
        fullName: fullName(ctx, repo),
        defaultBranch: repo.defaultBranch,
        scenario: scenarios.find((s) => s.repository === spec.name)?.name ?? null,
      };
    }),
  };
}

export function ensureUser(ctx: SimContext, spec: Omit<SimUser, "id" | "createdAt">): SimUser {
  const existing = userByLogin(ctx, spec.login);
  if (existing) {
    for (const member of spec.members) if (!existing.members.includes(member)) existing.members.push(member);
    return existing;
  }
  const user: SimUser = { ...spec, id: ctx.store.nextId(), createdAt: ctx.now() };
  ctx.store.state.users.push(user);
  ctx.store.changed();
  return user;
}

/** A personal access token for the user (created once, then reused). */
export function ensureToken(ctx: SimContext, user: SimUser): string {
  const existing = ctx.store.state.tokens.find((t) => t.userId === user.id && t.kind === "personal");
  if (existing) return existing.token;
  const token = `ghp_${randomBytes(18).toString("hex")}`;
  ctx.store.state.tokens.push({ token, userId: user.id, kind: "personal", scopes: ["repo", "admin:repo_hook", "workflow", "read:user", "user:email"], createdAt: ctx.now() });
  ctx.store.changed();
  return token;
}

export function ensureOAuthApp(ctx: SimContext, name: string): { clientId: string; clientSecret: string } {
  let app = ctx.store.state.oauthApps.find((a) => a.name === name);
  if (!app) {
    app = { name, clientId: `Iv1.${randomBytes(8).toString("hex")}`, clientSecret: randomBytes(20).toString("hex") };
    ctx.store.state.oauthApps.push(app);
    ctx.store.changed();
  }
  return { clientId: app.clientId, clientSecret: app.clientSecret };
}
