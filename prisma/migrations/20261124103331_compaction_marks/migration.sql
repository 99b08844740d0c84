-- AlterTable
ALTER TABLE "sync_state" ADD COLUMN     "days_compacted_to" TIMESTAMPTZ(3),
ADD COLUMN     "hours_compacted_to" TIMESTAMPTZ(3);
