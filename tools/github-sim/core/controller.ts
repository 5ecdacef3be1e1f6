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

export interface SimController {
  seedDemo(): Promise<DemoSeed>;
  breakRepository(options: BreakOptions): Promise<BreakResult>;
  createWebhook(options: CreateWebhookOptions): Promise<{ id: number; url: string }>;
  createToken(login: string): Promise<string>;
}
