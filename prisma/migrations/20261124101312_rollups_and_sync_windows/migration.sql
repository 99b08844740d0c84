/*
  Warnings:

  - Added the required column `backfill_from` to the `sync_state` table without a default value. This is not possible if the table is not empty.
  - Made the column `watermark` on table `sync_state` required. This step will fail if there are existing NULL values in that column.

*/
-- Nothing wrote sync_state before this migration, so clearing it keeps the NOT NULL changes safe
-- everywhere (a missing sync state only means the service is backfilled afresh).
DELETE FROM "sync_state";

-- CreateEnum
CREATE TYPE "RollupResolution" AS ENUM ('minute', 'hour', 'day');

-- AlterTable
ALTER TABLE "sync_state" ADD COLUMN     "backfill_from" TIMESTAMPTZ(3) NOT NULL,
ADD COLUMN     "next_attempt_at" TIMESTAMPTZ(3),
ALTER COLUMN "watermark" SET NOT NULL;

-- CreateTable
CREATE TABLE "span_rollups" (
    "service" TEXT NOT NULL,
    "resolution" "RollupResolution" NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "operation" TEXT NOT NULL,
    "span_kind" TEXT NOT NULL,
    "span_count" INTEGER NOT NULL,
    "error_count" INTEGER NOT NULL,
    "estimated_span_count" DOUBLE PRECISION NOT NULL,
    "estimated_error_count" DOUBLE PRECISION NOT NULL,
    "duration_sum_us" DOUBLE PRECISION NOT NULL,
    "duration_max_us" DOUBLE PRECISION NOT NULL,
    "histogram" BYTEA NOT NULL,

    CONSTRAINT "span_rollups_pkey" PRIMARY KEY ("service","resolution","bucket_start","operation","span_kind")
);

-- CreateTable
CREATE TABLE "service_rollups" (
    "service" TEXT NOT NULL,
    "resolution" "RollupResolution" NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "spans" INTEGER NOT NULL,
    "traces_seen" INTEGER NOT NULL,
    "traces_complete" INTEGER NOT NULL,
    "root_traces" INTEGER NOT NULL,
    "root_traces_complete" INTEGER NOT NULL,
    "orphan_spans" INTEGER NOT NULL,
    "skewed_spans" INTEGER NOT NULL,
    "warning_spans" INTEGER NOT NULL,
    "server_spans" INTEGER NOT NULL,
    "server_spans_with_route" INTEGER NOT NULL,
    "http_spans" INTEGER NOT NULL,
    "http_spans_with_status" INTEGER NOT NULL,
    "spans_with_version" INTEGER NOT NULL,
    "spans_with_sampler" INTEGER NOT NULL,
    "sampler_param_sum" DOUBLE PRECISION NOT NULL,
    "rejected_records" INTEGER NOT NULL,

    CONSTRAINT "service_rollups_pkey" PRIMARY KEY ("service","resolution","bucket_start")
);

-- CreateTable
CREATE TABLE "sync_windows" (
    "service" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "window_end" TIMESTAMPTZ(3) NOT NULL,
    "committed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "worker_id" TEXT NOT NULL,
    "requests" INTEGER NOT NULL,
    "traces" INTEGER NOT NULL,
    "spans" INTEGER NOT NULL,
    "rejected_records" INTEGER NOT NULL,
    "extrapolation" DOUBLE PRECISION NOT NULL,
    "duration_ms" INTEGER NOT NULL,

    CONSTRAINT "sync_windows_pkey" PRIMARY KEY ("service","window_start")
);

-- CreateIndex
CREATE INDEX "span_rollups_resolution_bucket_start_idx" ON "span_rollups"("resolution", "bucket_start");

-- CreateIndex
CREATE INDEX "service_rollups_resolution_bucket_start_idx" ON "service_rollups"("resolution", "bucket_start");

-- CreateIndex
CREATE INDEX "sync_windows_committed_at_idx" ON "sync_windows"("committed_at");
