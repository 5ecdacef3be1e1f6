-- CreateTable
CREATE TABLE "kb_failure_patterns" (
    "id" UUID NOT NULL,
    "failure_type" VARCHAR(64) NOT NULL,
    "signature" VARCHAR(128) NOT NULL,
    "signature_text" TEXT NOT NULL,
    "hit_count" INTEGER NOT NULL DEFAULT 0,
    "first_seen_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "kb_failure_patterns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kb_fixes" (
    "id" UUID NOT NULL,
    "strategy" TEXT NOT NULL,
    "file_diffs" TEXT NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "success_count" INTEGER NOT NULL DEFAULT 0,
    "failure_count" INTEGER NOT NULL DEFAULT 0,
    "rejected_count" INTEGER NOT NULL DEFAULT 0,
    "applied_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "kb_fixes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kb_pattern_fixes" (
    "pattern_id" UUID NOT NULL,
    "fix_id" UUID NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "kb_pattern_fixes_pkey" PRIMARY KEY ("pattern_id","fix_id")
);

-- CreateTable
CREATE TABLE "kb_pattern_bands" (
    "band" VARCHAR(32) NOT NULL,
    "pattern_id" UUID NOT NULL,

    CONSTRAINT "kb_pattern_bands_pkey" PRIMARY KEY ("band","pattern_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "kb_failure_patterns_signature_key" ON "kb_failure_patterns"("signature");

-- CreateIndex
CREATE INDEX "kb_failure_patterns_failure_type_idx" ON "kb_failure_patterns"("failure_type");

-- CreateIndex
CREATE INDEX "kb_failure_patterns_hit_count_idx" ON "kb_failure_patterns"("hit_count" DESC);

-- CreateIndex
CREATE INDEX "kb_fixes_content_hash_idx" ON "kb_fixes"("content_hash");

-- CreateIndex
CREATE INDEX "kb_pattern_fixes_fix_id_idx" ON "kb_pattern_fixes"("fix_id");

-- CreateIndex
CREATE INDEX "kb_pattern_bands_pattern_id_idx" ON "kb_pattern_bands"("pattern_id");

-- AddForeignKey
ALTER TABLE "kb_pattern_fixes" ADD CONSTRAINT "kb_pattern_fixes_pattern_id_fkey" FOREIGN KEY ("pattern_id") REFERENCES "kb_failure_patterns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kb_pattern_fixes" ADD CONSTRAINT "kb_pattern_fixes_fix_id_fkey" FOREIGN KEY ("fix_id") REFERENCES "kb_fixes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kb_pattern_bands" ADD CONSTRAINT "kb_pattern_bands_pattern_id_fkey" FOREIGN KEY ("pattern_id") REFERENCES "kb_failure_patterns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

