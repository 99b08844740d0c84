-- One evaluation cursor per service instead of per (rule, service): a pass with 1,000 rules wrote
-- 1,000 rows a service. The old cursors are dropped, and the next pass evaluates each service at its
-- watermark: an instant already evaluated changes nothing, since alerts are stored as they stand.
DELETE FROM "alert_evaluations";

-- AlterTable
ALTER TABLE "alert_evaluations" DROP CONSTRAINT "alert_evaluations_pkey",
DROP COLUMN "rule_id",
ADD CONSTRAINT "alert_evaluations_pkey" PRIMARY KEY ("service");
