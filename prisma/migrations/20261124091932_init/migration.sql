-- CreateEnum
CREATE TYPE "Role" AS ENUM ('engineer', 'manager', 'admin');

-- CreateEnum
CREATE TYPE "ServiceOrigin" AS ENUM ('inventory', 'discovered');

-- CreateEnum
CREATE TYPE "TargetKey" AS ENUM ('services_traced', 'tracing_overhead', 'trace_reliability', 'debugging_time');

-- CreateEnum
CREATE TYPE "TargetComparator" AS ENUM ('at_least', 'at_most');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "password_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_throttle" (
    "email" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "last_failure_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("email")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "services" (
    "name" TEXT NOT NULL,
    "origin" "ServiceOrigin" NOT NULL DEFAULT 'inventory',
    "team" TEXT,
    "owner" TEXT,
    "tier" INTEGER,
    "rollout_wave" INTEGER,
    "planned_date" DATE,
    "expected_operations" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "discovered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "services_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "targets" (
    "key" "TargetKey" NOT NULL,
    "label" TEXT NOT NULL,
    "goal" DOUBLE PRECISION NOT NULL,
    "comparator" "TargetComparator" NOT NULL,
    "due_date" DATE,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by_id" UUID,

    CONSTRAINT "targets_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "sync_state" (
    "service_name" TEXT NOT NULL,
    "watermark" TIMESTAMPTZ(3),
    "last_success_at" TIMESTAMPTZ(3),
    "last_error_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sync_state_pkey" PRIMARY KEY ("service_name")
);

-- CreateTable
CREATE TABLE "worker_heartbeats" (
    "id" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "version" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "stopped_at" TIMESTAMPTZ(3),
    "jaeger_ok" BOOLEAN,
    "jaeger_error" TEXT,

    CONSTRAINT "worker_heartbeats_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE INDEX "audit_log_subject_type_subject_id_idx" ON "audit_log"("subject_type", "subject_id");

-- CreateIndex
CREATE INDEX "services_origin_idx" ON "services"("origin");

-- CreateIndex
CREATE INDEX "worker_heartbeats_last_seen_at_idx" ON "worker_heartbeats"("last_seen_at");

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_state" ADD CONSTRAINT "sync_state_service_name_fkey" FOREIGN KEY ("service_name") REFERENCES "services"("name") ON DELETE CASCADE ON UPDATE CASCADE;
