-- AlterTable
ALTER TABLE "healing_sessions" ADD COLUMN     "signature_text" TEXT;
