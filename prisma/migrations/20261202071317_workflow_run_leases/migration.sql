-- AlterTable
ALTER TABLE "workflow_runs" ADD COLUMN     "concurrency_key" TEXT,
ADD COLUMN     "lease_expires_at" TIMESTAMPTZ(6),
ADD COLUMN     "lease_owner" VARCHAR(128),
ADD COLUMN     "output" JSONB,
ADD COLUMN     "wait" JSONB,
ADD COLUMN     "wake_at" TIMESTAMPTZ(6);

-- CreateIndex
CREATE INDEX "workflow_runs_function_id_concurrency_key_idx" ON "workflow_runs"("function_id", "concurrency_key");

