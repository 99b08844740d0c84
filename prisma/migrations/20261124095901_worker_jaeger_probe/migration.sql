/*
  Warnings:

  - You are about to drop the column `jaeger_error` on the `worker_heartbeats` table. All the data in the column will be lost.
  - You are about to drop the column `jaeger_ok` on the `worker_heartbeats` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "worker_heartbeats" DROP COLUMN "jaeger_error",
DROP COLUMN "jaeger_ok",
ADD COLUMN     "jaeger_probe" JSONB;
