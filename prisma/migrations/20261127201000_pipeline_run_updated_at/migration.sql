-- AlterTable
ALTER TABLE "pipeline_events" ADD COLUMN     "run_updated_at" TIMESTAMPTZ(6);
