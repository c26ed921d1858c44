-- CreateTable
CREATE TABLE "SupportRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handledAt" DATETIME,
    "handledById" TEXT
);

-- CreateTable
CREATE TABLE "LlmExchange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "summaryId" TEXT,
    "contributionIds" TEXT NOT NULL DEFAULT '[]',
    "request" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "tokensIn" INTEGER NOT NULL DEFAULT 0,
    "tokensOut" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SlackInstallation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "installKey" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OutboundMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SummaryCitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "statementId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "contributionId" TEXT,
    "quote" TEXT NOT NULL,
    "attributedName" TEXT,
    CONSTRAINT "SummaryCitation_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "SummaryStatement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SummaryCitation" ("attributedName", "contributionId", "id", "quote", "statementId") SELECT "attributedName", "contributionId", "id", "quote", "statementId" FROM "SummaryCitation";
DROP TABLE "SummaryCitation";
ALTER TABLE "new_SummaryCitation" RENAME TO "SummaryCitation";
CREATE INDEX "SummaryCitation_contributionId_idx" ON "SummaryCitation"("contributionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SupportRequest_tenantId_handledAt_idx" ON "SupportRequest"("tenantId", "handledAt");

-- CreateIndex
CREATE INDEX "LlmExchange_tenantId_summaryId_idx" ON "LlmExchange"("tenantId", "summaryId");

-- CreateIndex
CREATE UNIQUE INDEX "SlackInstallation_installKey_key" ON "SlackInstallation"("installKey");

-- CreateIndex
CREATE INDEX "OutboundMessage_memberId_idx" ON "OutboundMessage"("memberId");
