-- AlterTable
ALTER TABLE "SummaryStatement" ADD COLUMN     "originId" TEXT;

-- AlterTable
ALTER TABLE "SummaryCitation" ADD COLUMN     "translation" TEXT;

-- AlterTable
ALTER TABLE "BacklogLink" ADD COLUMN     "translation" TEXT;

-- CreateIndex
CREATE INDEX "BacklogLink_statementId_idx" ON "BacklogLink"("statementId");
