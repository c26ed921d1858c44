-- AlterTable
ALTER TABLE "ConsentRequest" ADD COLUMN "handledAt" DATETIME;

-- CreateIndex
CREATE INDEX "Poll_status_deadline_idx" ON "Poll"("status", "deadline");
