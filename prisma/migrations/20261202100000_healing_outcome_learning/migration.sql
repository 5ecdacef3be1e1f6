-- AlterTable
ALTER TABLE "healing_sessions" ADD COLUMN     "kb_learning" JSONB;
