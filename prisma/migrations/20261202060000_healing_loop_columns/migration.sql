-- AlterTable
ALTER TABLE "healing_sessions" ADD COLUMN     "context_omitted" JSONB,
ADD COLUMN     "decided_by" VARCHAR(255),
ADD COLUMN     "fix_commit_sha" VARCHAR(64),
ADD COLUMN     "guardrail_findings" JSONB,
ADD COLUMN     "llm_cache_read_tokens" INTEGER,
ADD COLUMN     "llm_cache_write_tokens" INTEGER,
ADD COLUMN     "llm_cost_usd" DECIMAL(12,6),
ADD COLUMN     "llm_input_tokens" INTEGER,
ADD COLUMN     "llm_model" VARCHAR(128),
ADD COLUMN     "llm_output_tokens" INTEGER,
ADD COLUMN     "mttr_seconds" INTEGER,
ADD COLUMN     "needs_review" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "rejection_reason" TEXT,
ADD COLUMN     "verified_at" TIMESTAMPTZ(6);

-- AlterTable
ALTER TABLE "pipeline_events" ADD COLUMN     "preexisting" BOOLEAN NOT NULL DEFAULT false;

