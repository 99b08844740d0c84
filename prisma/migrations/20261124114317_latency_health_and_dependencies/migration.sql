-- CreateEnum
CREATE TYPE "LatencyState" AS ENUM ('ok', 'slow', 'insufficient_data', 'no_recent_data');

-- AlterTable
ALTER TABLE "services" ADD COLUMN     "baseline_window_days" INTEGER;

-- CreateTable
CREATE TABLE "service_dependencies" (
    "caller" TEXT NOT NULL,
    "callee" TEXT NOT NULL,
    "calls" BIGINT NOT NULL,
    "errors" BIGINT NOT NULL,
    "first_seen" TIMESTAMPTZ(3) NOT NULL,
    "last_seen" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "service_dependencies_pkey" PRIMARY KEY ("caller","callee")
);

-- CreateTable
CREATE TABLE "latency_health" (
    "service" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "span_kind" TEXT NOT NULL,
    "state" "LatencyState" NOT NULL,
    "baseline" JSONB NOT NULL,
    "slow_since" TIMESTAMPTZ(3),
    "deviation" DOUBLE PRECISION,
    "current_p95_us" DOUBLE PRECISION,
    "judged_to" TIMESTAMPTZ(3) NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "latency_health_pkey" PRIMARY KEY ("service","operation","span_kind")
);

-- CreateIndex
CREATE INDEX "service_dependencies_callee_idx" ON "service_dependencies"("callee");

-- CreateIndex
CREATE INDEX "latency_health_state_idx" ON "latency_health"("state");
