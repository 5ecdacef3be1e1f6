-- CreateTable
CREATE TABLE "repo_webhooks" (
    "repo_full_name" VARCHAR(255) NOT NULL,
    "hook_id" BIGINT NOT NULL,
    "secret" TEXT NOT NULL,
    "payload_url" VARCHAR(1024) NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "repo_webhooks_pkey" PRIMARY KEY ("repo_full_name")
);

-- CreateIndex
CREATE UNIQUE INDEX "repo_webhooks_hook_id_key" ON "repo_webhooks"("hook_id");

