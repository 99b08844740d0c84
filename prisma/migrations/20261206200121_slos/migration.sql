-- AlterTable
ALTER TABLE "alert_rules" ADD COLUMN     "slo_id" UUID;

-- CreateTable
CREATE TABLE "slos" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "slos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "slo_corrections" (
    "id" UUID NOT NULL,
    "slo_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "slo_corrections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "slo_buckets" (
    "slo_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "good" DOUBLE PRECISION NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "minutes" INTEGER NOT NULL,
    "bad_minutes" INTEGER NOT NULL,
    "from_hour" BOOLEAN NOT NULL DEFAULT false,
    "per_minute" DOUBLE PRECISION[],

    CONSTRAINT "slo_buckets_pkey" PRIMARY KEY ("slo_id","starts_at")
);

-- CreateTable
CREATE TABLE "slo_states" (
    "slo_id" UUID NOT NULL,
    "accounted_key" TEXT NOT NULL,
    "accounted_to" TIMESTAMPTZ(3) NOT NULL,
    "at" TIMESTAMPTZ(3),
    "status" JSONB,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "slo_states_pkey" PRIMARY KEY ("slo_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "slos_name_key" ON "slos"("name");

-- CreateIndex
CREATE INDEX "slo_corrections_slo_id_starts_at_idx" ON "slo_corrections"("slo_id", "starts_at");

-- CreateIndex
CREATE INDEX "alert_rules_slo_id_idx" ON "alert_rules"("slo_id");

-- AddForeignKey
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_slo_id_fkey" FOREIGN KEY ("slo_id") REFERENCES "slos"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slo_corrections" ADD CONSTRAINT "slo_corrections_slo_id_fkey" FOREIGN KEY ("slo_id") REFERENCES "slos"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slo_buckets" ADD CONSTRAINT "slo_buckets_slo_id_fkey" FOREIGN KEY ("slo_id") REFERENCES "slos"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slo_states" ADD CONSTRAINT "slo_states_slo_id_fkey" FOREIGN KEY ("slo_id") REFERENCES "slos"("id") ON DELETE CASCADE ON UPDATE CASCADE;
