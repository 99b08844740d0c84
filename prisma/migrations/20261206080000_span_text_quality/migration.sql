-- AlterTable
ALTER TABLE "service_rollups" ADD COLUMN     "cleaned_text_spans" INTEGER NOT NULL DEFAULT 0;
