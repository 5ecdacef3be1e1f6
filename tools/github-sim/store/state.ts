// The simulator's whole state, persisted as one JSON document beside the bare repositories. Git objects
// live in git; everything GitHub keeps outside git (users, pulls, hooks, runs) lives here.

export interface SimUser {
  id: number;
  login: string;
  name: string;
  email: string | null;
  type: "User" | "Organization";
  /** For organisations: ids of member users. */
  members: number[];
  /** For organisations: each member's role by user id; a member without one is an owner (admin of every
   *  repository), as every member was before roles existed. Members get the base permission `pull`. */
  memberRoles?: Record<string, "admin" | "member">;
  createdAt: string;
}

/** GitHub's repository roles, weakest first. */
export const SIM_PERMISSIONS = ["pull", "triage", "push", "maintain", "admin"] as const;
export type SimPermission = (typeof SIM_PERMISSIONS)[number];

export interface SimToken {
  token: string;
  userId: number;
  kind: "personal" | "oauth";
  scopes: string[];
  createdAt: string;
}

export interface SimOAuthApp {
  name: string;
  clientId: string;
  clientSecret: string;
}

export interface SimOAuthCode {
  code: string;
  clientId: string;
  userId: number;
  redirectUri: string;
  scope: string;
  expiresAt: string;
}

export interface SimRepo {
  id: number;
  ownerId: number;
  name: string;
  description: string | null;
  private: boolean;
  defaultBranch: string;
  createdAt: string;
  updatedAt: string;
  pushedAt: string | null;
  /** Next number shared by pull requests and issues, as on GitHub. */
  nextNumber: number;
  /** Actions run numbers count per repository. */
  nextRunNumber: number;
  /** Outside collaborators and their role (a private repository is invisible to everyone else). */
  collaborators?: { userId: number; permission: SimPermission }[];
}

export interface SimPull {
  id: number;
  repoId: number;
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  headRef: string;
  baseRef: string;
  userId: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface SimIssueComment {
  id: number;
  repoId: number;
  issueNumber: number;
  body: string;
  userId: number;
  createdAt: string;
  updatedAt: string;
}

export interface SimHook {
  id: number;
  repoId: number;
  url: string;
  secret: string | null;
  contentType: "json" | "form";
  insecureSsl: "0" | "1";
  events: string[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
  lastResponse: { code: number | null; status: string; message: string | null };
}

export interface SimDelivery {
  id: number;
  guid: string;
  hookId: number;
  repoId: number;
  event: string;
  action: string | null;
  redelivery: boolean;
  deliveredAt: string;
  durationSeconds: number;
  statusCode: number;
  status: string;
  requestHeaders: Record<string, string>;
  requestPayload: unknown;
  responseHeaders: Record<string, string>;
  responseBody: string | null;
}

export interface SimWorkflow {
  id: number;
  repoId: number;
  path: string;
  name: string;
  state: "active" | "disabled_manually";
  createdAt: string;
  updatedAt: string;
}

export type RunStatus = "queued" | "in_progress" | "completed";
export type Conclusion = "success" | "failure" | "cancelled" | "skipped" | "timed_out" | null;

export interface SimRun {
  id: number;
  repoId: number;
  workflowId: number;
  /** Workflow name at the time of the run. */
  name: string;
  path: string;
  runNumber: number;
  runAttempt: number;
  event: string;
  headBranch: string;
  headSha: string;
  displayTitle: string;
  status: RunStatus;
  conclusion: Conclusion;
  actorId: number;
  triggeringActorId: number;
  pullRequestNumbers: number[];
  createdAt: string;
  updatedAt: string;
  runStartedAt: string;
  /** Inputs of a workflow_dispatch event. */
  inputs: Record<string, string>;
}

export interface SimStep {
  number: number;
  name: string;
  status: RunStatus;
  conclusion: Conclusion;
  startedAt: string | null;
  completedAt: string | null;
}

export interface SimJob {
  id: number;
  runId: number;
  runAttempt: number;
  /** Key of the job in the workflow file (`jobs.<key>`). */
  key: string;
  name: string;
  /** Keys of the jobs this one waits for. */
  needs: string[];
  status: RunStatus;
  conclusion: Conclusion;
  steps: SimStep[];
  createdAt: string;
  startedAt: string;
  completedAt: string | null;
  runnerName: string | null;
}

export interface SimState {
  version: 1;
  nextId: number;
  users: SimUser[];
  tokens: SimToken[];
  oauthApps: SimOAuthApp[];
  oauthCodes: SimOAuthCode[];
  repos: SimRepo[];
  pulls: SimPull[];
  issueComments: SimIssueComment[];
  hooks: SimHook[];
  deliveries: SimDelivery[];
  workflows: SimWorkflow[];
  runs: SimRun[];
  jobs: SimJob[];
  /** Values created once per data directory (signing key for log links, demo seed results). */
  settings: Record<string, string>;
}

export function emptyState(): SimState {
  return {
    version: 1,
    nextId: 1000,
    users: [],
    tokens: [],
    oauthApps: [],
    oauthCodes: [],
    repos: [],
    pulls: [],
    issueComments: [],
    hooks: [],
    deliveries: [],
    workflows: [],
    runs: [],
    jobs: [],
    settings: {},
  };
}
