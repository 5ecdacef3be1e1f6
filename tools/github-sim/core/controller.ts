// The operations the programmatic API, the admin endpoint and the CLI share.
import type { BreakOptions, BreakResult } from "../demo/break-repository";
import type { DemoSeed } from "../demo/seed-demo";

export interface CreateWebhookOptions {
  owner: string;
  repo: string;
  url: string;
  secret?: string;
  /** Defaults to every event InfraFlow handles. */
  events?: string[];
}

export interface PeopleOptions {
  /** A user (created when missing; email `<login>@infraflow.local`). */
  createUser(options: { login: string; name?: string }): Promise<{ login: string; token: string }>;
  /** A repository owned by a user or organisation (private unless said otherwise), with a README commit. */
  createRepository(options: { owner: string; name: string; private?: boolean }): Promise<{ fullName: string }>;
  /** Gives a user a role on a repository (pull = read-only, push, admin…); null removes them. */
  setCollaborator(options: { repository: string; login: string; permission: "pull" | "triage" | "push" | "maintain" | "admin" | null }): Promise<void>;
  /** Makes a user an organisation member (admin: owner of every repository; member: base permission pull); null removes them. */
  setOrgMember(options: { org: string; login: string; role: "admin" | "member" | null }): Promise<void>;
}

export interface SimController extends PeopleOptions {
  seedDemo(): Promise<DemoSeed>;
  breakRepository(options: BreakOptions): Promise<BreakResult>;
  createWebhook(options: CreateWebhookOptions): Promise<{ id: number; url: string }>;
  createToken(login: string): Promise<string>;
}
