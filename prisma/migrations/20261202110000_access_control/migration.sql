-- Access control (issue 11): the answer of GitHub per user and repository, cached, and sign-in sessions that can be revoked.
CREATE TABLE "repo_access" (
    "user_id" BIGINT NOT NULL,
    "repo_key" VARCHAR(255) NOT NULL,
    "repo_full_name" VARCHAR(255) NOT NULL,
    "permission" VARCHAR(8) NOT NULL,
    "checked_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "repo_access_pkey" PRIMARY KEY ("user_id","repo_key")
);

CREATE INDEX "repo_access_user_id_checked_at_idx" ON "repo_access"("user_id", "checked_at");

CREATE TABLE "repo_access_syncs" (
    "user_id" BIGINT NOT NULL,
    "synced_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "repo_access_syncs_pkey" PRIMARY KEY ("user_id")
);

CREATE TABLE "auth_sessions" (
    "id" VARCHAR(64) NOT NULL,
    "user_id" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(6) NOT NULL,
    "revoked_at" TIMESTAMPTZ(6),

    CONSTRAINT "auth_sessions_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "auth_sessions_user_id_idx" ON "auth_sessions"("user_id");
