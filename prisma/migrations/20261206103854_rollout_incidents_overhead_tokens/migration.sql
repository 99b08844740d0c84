-- CreateEnum
CREATE TYPE "RolloutStatus" AS ENUM ('not_started', 'instrumented', 'verified', 'regressed');

-- CreateEnum
CREATE TYPE "OverheadMethod" AS ENUM ('load_test', 'canary', 'benchmark', 'other');

-- AlterTable
ALTER TABLE "services" ADD COLUMN     "catalog_name" TEXT,
ADD COLUMN     "go_live_at" TIMESTAMPTZ(3),
ADD COLUMN     "lifecycle" TEXT,
ADD COLUMN     "retired_at" TIMESTAMPTZ(3),
ADD COLUMN     "system" TEXT;

-- CreateTable
CREATE TABLE "rollout_states" (
    "service" TEXT NOT NULL,
    "status" "RolloutStatus" NOT NULL,
    "verified_since" DATE,
    "good_days" INTEGER NOT NULL,
    "failing" JSONB NOT NULL DEFAULT '[]',
    "judged_for" DATE NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rollout_states_pkey" PRIMARY KEY ("service")
);

-- CreateTable
CREATE TABLE "rollout_overrides" (
    "id" UUID NOT NULL,
    "service" TEXT NOT NULL,
    "status" "RolloutStatus" NOT NULL,
    "reason" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cleared_at" TIMESTAMPTZ(3),
    "cleared_by_id" UUID,

    CONSTRAINT "rollout_overrides_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rollout_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "start_date" DATE NOT NULL,
    "verify_days" INTEGER NOT NULL DEFAULT 7,
    "min_complete_share" DOUBLE PRECISION NOT NULL DEFAULT 0.99,
    "min_key_attribute_share" DOUBLE PRECISION NOT NULL DEFAULT 0.95,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by_id" UUID,

    CONSTRAINT "rollout_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "scopes" TEXT[],
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "overhead_measurements" (
    "id" UUID NOT NULL,
    "service" TEXT NOT NULL,
    "p50_on_ms" DOUBLE PRECISION NOT NULL,
    "p50_off_ms" DOUBLE PRECISION NOT NULL,
    "p95_on_ms" DOUBLE PRECISION NOT NULL,
    "p95_off_ms" DOUBLE PRECISION NOT NULL,
    "mean_on_ms" DOUBLE PRECISION,
    "mean_off_ms" DOUBLE PRECISION,
    "samples_on" INTEGER NOT NULL,
    "samples_off" INTEGER NOT NULL,
    "overhead_ms" DOUBLE PRECISION NOT NULL,
    "method" "OverheadMethod" NOT NULL,
    "environment" TEXT NOT NULL,
    "notes" TEXT,
    "measured_at" TIMESTAMPTZ(3) NOT NULL,
    "source" TEXT NOT NULL,
    "created_by_id" UUID,
    "token_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "overhead_measurements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incidents" (
    "id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "title" TEXT,
    "services" TEXT[],
    "started_at" TIMESTAMPTZ(3),
    "detected_at" TIMESTAMPTZ(3),
    "acknowledged_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "traces_used" BOOLEAN,
    "trace_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "url" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "source" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("source","event_id")
);

-- CreateIndex
CREATE INDEX "rollout_overrides_service_created_at_idx" ON "rollout_overrides"("service", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "overhead_measurements_service_measured_at_idx" ON "overhead_measurements"("service", "measured_at");

-- CreateIndex
CREATE INDEX "incidents_resolved_at_idx" ON "incidents"("resolved_at");

-- CreateIndex
CREATE UNIQUE INDEX "incidents_source_external_id_key" ON "incidents"("source", "external_id");

-- CreateIndex
CREATE INDEX "webhook_deliveries_received_at_idx" ON "webhook_deliveries"("received_at");

-- Services already synced went live at their earliest span still in the rollups.
UPDATE "services" s SET "go_live_at" = r.first_at
FROM (SELECT service, min(bucket_start) AS first_at FROM service_rollups WHERE spans > 0 GROUP BY service) r
WHERE r.service = s.name;
