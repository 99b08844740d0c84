-- AlterTable
ALTER TABLE "service_rollups" ADD COLUMN     "entry_duration_sum_us" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "entry_errors" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "entry_estimated_errors" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "entry_estimated_spans" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "entry_histogram" BYTEA,
ADD COLUMN     "entry_spans" INTEGER NOT NULL DEFAULT 0;
