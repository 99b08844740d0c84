-- AlterTable
ALTER TABLE "sync_state" ADD COLUMN     "live_from" TIMESTAMPTZ(3),
ADD COLUMN     "live_watermark" TIMESTAMPTZ(3);
