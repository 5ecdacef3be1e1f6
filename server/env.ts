// The one place that reads process.env. Every setting of the runbook (§2.2, §8) with its documented
// default, plus the engines of this stack. Parsed once, on first use; an invalid value stops start-up with
// one line naming the variable and what it accepts.
import { z } from "zod";

const bool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", "on", "off"], {
      error: "expected true or false",
    })
    .default(fallback ? "true" : "false")
    .transform((v) => ["true", "1", "yes", "on"].includes(v));

const unit = (fallback: number) =>
  z.coerce
    .number({ error: "expected a number from 0.0 to 1.0" })
    .min(0, { error: "expected a number from 0.0 to 1.0" })
    .max(1, { error: "expected a number from 0.0 to 1.0" })
    .default(fallback);

const int = (fallback: number, min: number, max: number) =>
  z.coerce
    .number({ error: `expected a whole number from ${min} to ${max}` })
    .int({ error: `expected a whole number from ${min} to ${max}` })
    .min(min, { error: `expected a whole number from ${min} to ${max}` })
    .max(max, { error: `expected a whole number from ${min} to ${max}` })
    .default(fallback);

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v));

const url = (what: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()))
    .refine((v) => v === undefined || URL.canParse(v), { error: `expected ${what}` });

const list = z
  .string()
  .optional()
  .transform((v) => (v ?? "").split(",").map((x) => x.trim().toLowerCase()).filter(Boolean));

/** A 32-byte key written as hex (64 characters) or base64 / base64url (43–44 characters); null otherwise. */
export function decodeKey(text: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, "hex");
  if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(text)) {
    const key = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    return key.length === 32 ? key : null;
  }
  return null;
}

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Where embedded engines keep their data (embedded PostgreSQL, generated dev secrets). */
  DATA_DIR: z.string().default(".data"),
  /** Public URL of this InfraFlow instance (OAuth callback, webhook payload URL). */
  APP_URL: url("an http(s) URL such as http://localhost:3000"),
  /** `npm run dev`: the port and interface the dev server listens on (loopback only unless HOST says otherwise). */
  PORT: int(3000, 1, 65535),
  HOST: z
    .string()
    .regex(/^(?:[A-Za-z0-9.-]+|\[?[0-9A-Fa-f:.]+\]?)$/, { error: "expected a host name or IP address such as 127.0.0.1 or 0.0.0.0" })
    .default("127.0.0.1"),

  // --- GitHub (runbook §2.2 Authentication) ---
  /** github.com, or the root URL of a GitHub Enterprise Server (the local simulator acts as one). */
  GITHUB_URL: url("an http(s) URL such as https://github.com").transform((v) => v ?? "https://github.com"),
  GITHUB_OAUTH_CLIENT_ID: optional,
  GITHUB_OAUTH_CLIENT_SECRET: optional,
  GITHUB_TOKEN: optional,
  /** Signs hooks added by hand; the hooks InfraFlow installs each get their own secret. */
  WEBHOOK_SECRET: optional,
  /** Accept deliveries that carry no signature (never in production). */
  WEBHOOK_ALLOW_UNSIGNED: bool(false),
  WEBHOOK_MAX_BODY_BYTES: int(25 * 1024 * 1024, 1024, 100 * 1024 * 1024),

  // --- Sign-in sessions (next-auth) ---
  NEXTAUTH_SECRET: optional,
  NEXTAUTH_URL: url("an http(s) URL such as http://localhost:3000"),

  // --- Access control (server/access) ---
  /** Who may sign in: members of these GitHub organisations, and these logins. Both empty: anyone, who
   *  then sees only the repositories GitHub lets them read. */
  AUTH_ALLOWED_ORGS: list,
  AUTH_ALLOWED_USERS: list,
  /** How long GitHub's answer "may this user read / push / administer this repository" is reused. */
  ACCESS_CACHE_TTL_SECONDS: int(300, 0, 86_400),
  /** AES-256-GCM key for GitHub tokens and webhook secrets at rest: 32 bytes as base64 or hex. Generated
   *  under DATA_DIR in development; required in production. */
  TOKEN_ENCRYPTION_KEY: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()))
    .refine((v) => v === undefined || decodeKey(v) !== null, { error: "expected 32 random bytes as base64 or hex, e.g. from `openssl rand -base64 32`" }),

  // --- LLM ---
  ANTHROPIC_API_KEY: optional,
  ANTHROPIC_MODEL: z.string().min(1).default("claude-opus-4-6"),
  /** Messages endpoint override; demo mode points it at the simulator's recorded answers. */
  ANTHROPIC_BASE_URL: url("an http(s) URL"),
  /** One request's time limit; the SDK retries a timed-out request like a 5xx (ANTHROPIC_MAX_RETRIES). */
  ANTHROPIC_TIMEOUT_MS: int(300_000, 1_000, 3_600_000),
  /** Retries of 408/409/429/5xx and connection errors by the SDK, which honours retry-after. */
  ANTHROPIC_MAX_RETRIES: int(2, 0, 10),
  /** max_tokens of a fix request: room for the tool call with its diffs or whole files. */
  ANTHROPIC_MAX_OUTPUT_TOKENS: int(8192, 256, 64_000),
  /** Tokens of failure and repository context in a fix prompt (estimated at 3.5 characters per token). */
  HEALING_CONTEXT_TOKEN_BUDGET: int(60_000, 2_000, 900_000),

  // --- PostgreSQL: DATABASE_URL wins; else any POSTGRES_* set builds one; else embedded PostgreSQL ---
  DATABASE_URL: url("a postgresql:// connection URL"),
  POSTGRES_HOST: optional,
  POSTGRES_PORT: optional,
  POSTGRES_DB: optional,
  POSTGRES_USER: optional,
  POSTGRES_PASSWORD: optional,
  EMBEDDED_POSTGRES_PORT: int(54329, 1024, 65535),

  // --- Neo4j knowledge base: NEO4J_URI selects Neo4j; unset keeps the graph in PostgreSQL ---
  NEO4J_URI: url("a bolt:// or neo4j:// URI such as bolt://localhost:7687"),
  NEO4J_USERNAME: z.string().default("neo4j"),
  NEO4J_PASSWORD: z.string().default("infraflow"),
  NEO4J_DATABASE: optional,

  // --- Healing engine (runbook §2.2, §8) ---
  HEALING_CONFIDENCE_THRESHOLD: unit(0.75),
  HEALING_AUTO_APPLY: bool(false),
  HEALING_DEMO_MODE: bool(false),
  HEALING_MAX_RETRIES: int(3, 0, 20),
  /** Let a fix edit CI definitions (.github/workflows/, .travis.yml, Jenkinsfile…); the guardrails still
   *  block failures masked in them. */
  HEALING_ALLOW_WORKFLOW_EDITS: bool(false),
  /** A fix nobody approved, rejected or re-coded within this many hours expires (its failure can be healed afresh). */
  HEALING_APPROVAL_TTL_HOURS: int(168, 1, 24 * 365),
  HEALING_FIX_BRANCH_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]+\/$/, { error: "expected a git branch prefix ending in '/', such as auto-fix/" })
    .default("auto-fix/"),

  // --- Failure analysis (server/analysis) ---
  /** Re-run a failed run's failed jobs once before healing; a failure that then passes is flaky, not healed. */
  ANALYSIS_RERUN_FAILED_JOBS: bool(true),
  /** Bytes of a job log kept (head, error region, tail); the analysis itself still reads the whole log. */
  ANALYSIS_MAX_LOG_BYTES: int(5 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
  /** Largest run-logs zip downloaded when a job's own log is unavailable. */
  ANALYSIS_MAX_ZIP_BYTES: int(256 * 1024 * 1024, 1024 * 1024, 2 * 1024 * 1024 * 1024),
  /** How far back a failure with the same signature on the default branch counts as pre-existing. */
  ANALYSIS_PREEXISTING_WINDOW_HOURS: int(168, 1, 24 * 365),

  // --- Security scan of pushes (server/security) ---
  /** OSV advisory database for dependencies the built-in rules do not cover; OSV_ENABLED=false skips it. */
  OSV_API_URL: url("an http(s) URL such as https://api.osv.dev").transform((v) => v ?? "https://api.osv.dev"),
  OSV_ENABLED: bool(true),
  OSV_TIMEOUT_MS: int(10_000, 100, 120_000),
  /** Files scanned per push at most (a new branch scans its whole tree up to this many). */
  SECURITY_SCAN_MAX_FILES: int(500, 1, 100_000),
  /** Larger files are skipped with a note. */
  SECURITY_SCAN_MAX_FILE_BYTES: int(1024 * 1024, 1024, 64 * 1024 * 1024),

  // --- Knowledge base (runbook §2.2) ---
  KB_ENABLED: bool(true),
  KB_MIN_CONFIDENCE: unit(0.7),
  KB_MIN_SUCCESS_COUNT: int(2, 0, 1_000_000),
  /** A failure with no exact match may reuse the fix of a pattern of the same type at least this similar
   *  (Jaccard of signature-text words and word pairs; server/knowledge/signature-similarity.ts). */
  KB_MIN_SIMILARITY: unit(0.7),

  // --- Live updates: Pusher when its keys are set, else Server-Sent Events ---
  PUSHER_APP_ID: optional,
  PUSHER_KEY: optional,
  PUSHER_SECRET: optional,
  PUSHER_CLUSTER: z.string().default("mt1"),
  /** Self-hosted Pusher-compatible servers (soketi) or tests. */
  PUSHER_HOST: optional,
  PUSHER_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  PUSHER_USE_TLS: bool(true),

  // --- Inngest: INNGEST_DEV or INNGEST_EVENT_KEY sends events to Inngest; else the in-process runner ---
  INNGEST_DEV: optional,
  INNGEST_EVENT_KEY: optional,
  INNGEST_SIGNING_KEY: optional,
  INNGEST_BASE_URL: url("an http(s) URL"),
});

export type Env = z.infer<typeof envSchema>;

/** Variables whose value can be or contain a credential: named in errors, never echoed. */
const CREDENTIAL_NAME = /SECRET|PASSWORD|TOKEN|KEY|DATABASE_URL|_URI$|CLIENT_ID/;

/** Whether echoing this value in an error could leak a credential (a secret's name, or a URL with a password). */
export function mayHoldCredential(variable: string, value: unknown): boolean {
  if (CREDENTIAL_NAME.test(variable)) return true;
  return typeof value === "string" && /\/\/[^/@\s]*:[^/@\s]*@/.test(value);
}

export class InvalidEnvError extends Error {
  constructor(readonly variable: string, readonly allowed: string, value: unknown) {
    super(
      value === undefined
        ? `Missing environment variable ${variable}: ${allowed}`
        : mayHoldCredential(variable, value)
          ? `Invalid environment variable ${variable} (value not shown: it can hold a credential): ${allowed}`
          : `Invalid environment variable ${variable}=${JSON.stringify(value)}: ${allowed}`,
    );
    this.name = "InvalidEnvError";
  }
}

/** Parses a given environment (pure, for tests); throws InvalidEnvError on the first bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const variable = String(issue.path[0] ?? "environment");
  throw new InvalidEnvError(variable, issue.message, source[variable]);
}

let cached: Env | undefined;

/** The process's settings, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change the environment between cases; production never calls this. */
export function resetEnvForTests(): void {
  cached = undefined;
}
