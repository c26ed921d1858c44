-- AlterTable
ALTER TABLE "ConsentRecord" ADD COLUMN     "withdrawsId" TEXT;

-- CreateIndex
CREATE INDEX "Contribution_createdAt_idx" ON "Contribution"("createdAt");

-- CreateIndex
CREATE INDEX "ConsentRequest_status_deadline_idx" ON "ConsentRequest"("status", "deadline");
