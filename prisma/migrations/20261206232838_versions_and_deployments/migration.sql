-- CreateEnum
CREATE TYPE "DeploymentStatus" AS ENUM ('announced', 'in_progress', 'finished', 'rolled_back');

-- CreateEnum
CREATE TYPE "CanaryVerdict" AS ENUM ('pass', 'marginal', 'fail', 'not_enough_data');

-- CreateTable
CREATE TABLE "version_rollups" (
    "service" TEXT NOT NULL,
    "resolution" "RollupResolution" NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "version" TEXT NOT NULL,
    "spans" INTEGER NOT NULL,
    "entry_spans" INTEGER NOT NULL,
    "entry_errors" INTEGER NOT NULL,
    "entry_estimated_spans" DOUBLE PRECISION NOT NULL,
    "entry_estimated_errors" DOUBLE PRECISION NOT NULL,
    "entry_duration_sum_us" DOUBLE PRECISION NOT NULL,
    "entry_duration_max_us" DOUBLE PRECISION NOT NULL,
    "entry_histogram" BYTEA,

    CONSTRAINT "version_rollups_pkey" PRIMARY KEY ("service","resolution","bucket_start","version")
);

-- CreateTable
CREATE TABLE "version_operation_rollups" (
    "service" TEXT NOT NULL,
    "resolution" "RollupResolution" NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "version" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "span_kind" TEXT NOT NULL,
    "span_count" INTEGER NOT NULL,
    "error_count" INTEGER NOT NULL,
    "estimated_span_count" DOUBLE PRECISION NOT NULL,
    "estimated_error_count" DOUBLE PRECISION NOT NULL,
    "duration_sum_us" DOUBLE PRECISION NOT NULL,
    "duration_max_us" DOUBLE PRECISION NOT NULL,
    "histogram" BYTEA NOT NULL,

    CONSTRAINT "version_operation_rollups_pkey" PRIMARY KEY ("service","resolution","bucket_start","version","operation","span_kind")
);

-- CreateTable
CREATE TABLE "service_versions" (
    "service" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "first_seen" TIMESTAMPTZ(3) NOT NULL,
    "last_seen" TIMESTAMPTZ(3) NOT NULL,
    "spans" BIGINT NOT NULL,

    CONSTRAINT "service_versions_pkey" PRIMARY KEY ("service","version")
);

-- CreateTable
CREATE TABLE "deployments" (
    "id" UUID NOT NULL,
    "service" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "baseline_version" TEXT,
    "status" "DeploymentStatus" NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3),
    "baseline_last_seen_at" TIMESTAMPTZ(3),
    "last_seen_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "announced_at" TIMESTAMPTZ(3),
    "link" TEXT,
    "announced_by" TEXT,
    "canary_share" DOUBLE PRECISION,
    "verdict" "CanaryVerdict",
    "judgement" JSONB,
    "judged_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "deployments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "version_rollups_resolution_bucket_start_idx" ON "version_rollups"("resolution", "bucket_start");

-- CreateIndex
CREATE INDEX "version_operation_rollups_resolution_bucket_start_idx" ON "version_operation_rollups"("resolution", "bucket_start");

-- CreateIndex
CREATE INDEX "deployments_status_idx" ON "deployments"("status");

-- CreateIndex
CREATE INDEX "deployments_first_seen_at_idx" ON "deployments"("first_seen_at");

-- CreateIndex
CREATE UNIQUE INDEX "deployments_service_version_key" ON "deployments"("service", "version");
