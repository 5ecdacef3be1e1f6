-- AlterTable
ALTER TABLE "security_scan_results" ADD COLUMN     "cwe" INTEGER,
ADD COLUMN     "evidence" VARCHAR(255),
ADD COLUMN     "finding_key" VARCHAR(64),
ADD COLUMN     "fix_advice" TEXT,
ADD COLUMN     "rule_id" VARCHAR(128),
ADD COLUMN     "scanner" VARCHAR(32);

-- CreateTable
CREATE TABLE "security_scans" (
    "id" BIGSERIAL NOT NULL,
    "repo_full_name" VARCHAR(255) NOT NULL,
    "commit_sha" VARCHAR(64) NOT NULL,
    "branch" VARCHAR(255),
    "files_scanned" INTEGER NOT NULL,
    "finding_count" INTEGER NOT NULL,
    "notes" JSONB NOT NULL DEFAULT '[]',
    "scanned_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "security_scans_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "security_scans_repo_full_name_scanned_at_idx" ON "security_scans"("repo_full_name", "scanned_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "security_scans_repo_full_name_commit_sha_key" ON "security_scans"("repo_full_name", "commit_sha");

-- CreateIndex
CREATE UNIQUE INDEX "security_scan_results_repo_full_name_commit_sha_finding_key_key" ON "security_scan_results"("repo_full_name", "commit_sha", "finding_key");

