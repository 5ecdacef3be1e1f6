-- CreateTable
CREATE TABLE "pipeline_events" (
    "id" BIGSERIAL NOT NULL,
    "repo_full_name" VARCHAR(255) NOT NULL,
    "branch" VARCHAR(255) NOT NULL,
    "commit_sha" VARCHAR(64) NOT NULL,
    "workflow_name" VARCHAR(255) NOT NULL,
    "status" VARCHAR(32) NOT NULL,
    "conclusion" VARCHAR(32),
    "run_id" BIGINT NOT NULL,
    "run_attempt" INTEGER NOT NULL DEFAULT 1,
    "run_url" VARCHAR(1024),
    "event" VARCHAR(64),
    "failure_type" VARCHAR(64),
    "error_message" TEXT,
    "failure_signature" VARCHAR(128),
    "flaky" BOOLEAN NOT NULL DEFAULT false,
    "healing_session_id" BIGINT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pipeline_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "healing_sessions" (
    "id" BIGSERIAL NOT NULL,
    "pipeline_event_id" BIGINT,
    "repo_full_name" VARCHAR(255) NOT NULL,
    "branch" VARCHAR(255) NOT NULL,
    "commit_sha" VARCHAR(64) NOT NULL,
    "failure_type" VARCHAR(64),
    "status" VARCHAR(32) NOT NULL DEFAULT 'ANALYZING',
    "fix_branch" VARCHAR(255),
    "confidence_score" DECIMAL(5,4),
    "attempt_number" INTEGER NOT NULL DEFAULT 1,
    "source" VARCHAR(32),
    "parent_session_id" BIGINT,
    "feedback" TEXT,
    "signature" VARCHAR(128),
    "error_excerpt" TEXT,
    "fix_plan" JSONB,
    "kb_fix_id" VARCHAR(64),
    "pull_request_number" INTEGER,
    "pull_request_url" VARCHAR(1024),
    "outcome" VARCHAR(32),
    "failure_reason" TEXT,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "healing_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fix_audit_log" (
    "id" BIGSERIAL NOT NULL,
    "session_id" BIGINT NOT NULL,
    "actor" VARCHAR(32) NOT NULL,
    "action" VARCHAR(64) NOT NULL,
    "details" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fix_audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" BIGSERIAL NOT NULL,
    "github_id" BIGINT NOT NULL,
    "login" VARCHAR(255) NOT NULL,
    "name" VARCHAR(255),
    "avatar_url" VARCHAR(1024),
    "email" VARCHAR(320),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "oauth_accounts" (
    "id" BIGSERIAL NOT NULL,
    "user_id" BIGINT NOT NULL,
    "provider" VARCHAR(64) NOT NULL,
    "provider_account_id" VARCHAR(255) NOT NULL,
    "access_token" TEXT,
    "token_type" VARCHAR(64),
    "scope" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "oauth_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "monitored_repos" (
    "id" BIGSERIAL NOT NULL,
    "user_id" BIGINT NOT NULL,
    "repo_full_name" VARCHAR(255) NOT NULL,
    "repo_url" VARCHAR(1024),
    "webhook_id" BIGINT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "monitored_repos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "security_scan_results" (
    "id" BIGSERIAL NOT NULL,
    "repo_full_name" VARCHAR(255) NOT NULL,
    "commit_sha" VARCHAR(64) NOT NULL,
    "branch" VARCHAR(255),
    "severity" VARCHAR(16) NOT NULL,
    "vulnerability_type" VARCHAR(64) NOT NULL,
    "file_path" VARCHAR(1024),
    "line_number" INTEGER,
    "description" TEXT,
    "cve_id" VARCHAR(64),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "security_scan_results_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "delivery_id" VARCHAR(128) NOT NULL,
    "event" VARCHAR(64) NOT NULL,
    "action" VARCHAR(64),
    "repo_full_name" VARCHAR(255),
    "received_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("delivery_id")
);

-- CreateTable
CREATE TABLE "workflow_runs" (
    "id" VARCHAR(64) NOT NULL,
    "function_id" VARCHAR(128) NOT NULL,
    "event_name" VARCHAR(128) NOT NULL,
    "event_id" VARCHAR(128),
    "event_data" JSONB NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "steps" JSONB NOT NULL DEFAULT '{}',
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "started_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(6),

    CONSTRAINT "workflow_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "pipeline_events_repo_full_name_created_at_idx" ON "pipeline_events"("repo_full_name", "created_at" DESC);

-- CreateIndex
CREATE INDEX "pipeline_events_repo_full_name_branch_created_at_idx" ON "pipeline_events"("repo_full_name", "branch", "created_at" DESC);

-- CreateIndex
CREATE INDEX "pipeline_events_created_at_idx" ON "pipeline_events"("created_at" DESC);

-- CreateIndex
CREATE INDEX "pipeline_events_status_idx" ON "pipeline_events"("status");

-- CreateIndex
CREATE INDEX "pipeline_events_repo_full_name_failure_signature_idx" ON "pipeline_events"("repo_full_name", "failure_signature");

-- CreateIndex
CREATE UNIQUE INDEX "pipeline_events_run_id_run_attempt_key" ON "pipeline_events"("run_id", "run_attempt");

-- CreateIndex
CREATE INDEX "healing_sessions_repo_full_name_created_at_idx" ON "healing_sessions"("repo_full_name", "created_at" DESC);

-- CreateIndex
CREATE INDEX "healing_sessions_status_created_at_idx" ON "healing_sessions"("status", "created_at");

-- CreateIndex
CREATE INDEX "healing_sessions_created_at_idx" ON "healing_sessions"("created_at" DESC);

-- CreateIndex
CREATE INDEX "healing_sessions_pipeline_event_id_idx" ON "healing_sessions"("pipeline_event_id");

-- CreateIndex
CREATE INDEX "healing_sessions_fix_branch_idx" ON "healing_sessions"("fix_branch");

-- CreateIndex
CREATE INDEX "fix_audit_log_session_id_created_at_idx" ON "fix_audit_log"("session_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "users_github_id_key" ON "users"("github_id");

-- CreateIndex
CREATE INDEX "users_login_idx" ON "users"("login");

-- CreateIndex
CREATE INDEX "oauth_accounts_user_id_idx" ON "oauth_accounts"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "oauth_accounts_provider_provider_account_id_key" ON "oauth_accounts"("provider", "provider_account_id");

-- CreateIndex
CREATE INDEX "monitored_repos_repo_full_name_idx" ON "monitored_repos"("repo_full_name");

-- CreateIndex
CREATE UNIQUE INDEX "monitored_repos_user_id_repo_full_name_key" ON "monitored_repos"("user_id", "repo_full_name");

-- CreateIndex
CREATE INDEX "security_scan_results_repo_full_name_created_at_idx" ON "security_scan_results"("repo_full_name", "created_at" DESC);

-- CreateIndex
CREATE INDEX "security_scan_results_commit_sha_idx" ON "security_scan_results"("commit_sha");

-- CreateIndex
CREATE INDEX "security_scan_results_severity_created_at_idx" ON "security_scan_results"("severity", "created_at" DESC);

-- CreateIndex
CREATE INDEX "webhook_deliveries_received_at_idx" ON "webhook_deliveries"("received_at" DESC);

-- CreateIndex
CREATE INDEX "workflow_runs_status_idx" ON "workflow_runs"("status");

-- CreateIndex
CREATE UNIQUE INDEX "workflow_runs_function_id_event_id_key" ON "workflow_runs"("function_id", "event_id");

-- AddForeignKey
ALTER TABLE "healing_sessions" ADD CONSTRAINT "healing_sessions_pipeline_event_id_fkey" FOREIGN KEY ("pipeline_event_id") REFERENCES "pipeline_events"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "healing_sessions" ADD CONSTRAINT "healing_sessions_parent_session_id_fkey" FOREIGN KEY ("parent_session_id") REFERENCES "healing_sessions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fix_audit_log" ADD CONSTRAINT "fix_audit_log_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "healing_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "oauth_accounts" ADD CONSTRAINT "oauth_accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "monitored_repos" ADD CONSTRAINT "monitored_repos_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
