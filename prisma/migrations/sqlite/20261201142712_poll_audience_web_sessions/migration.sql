-- CreateTable
CREATE TABLE "WebSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL,
    "revokedAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Poll" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "panelId" TEXT NOT NULL,
    "meetingId" TEXT,
    "question" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "anonymity" TEXT NOT NULL,
    "resultsVisibility" TEXT NOT NULL,
    "audience" TEXT NOT NULL DEFAULT 'experts',
    "maxChoices" INTEGER,
    "deadline" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME
);
INSERT INTO "new_Poll" ("anonymity", "closedAt", "createdAt", "createdById", "deadline", "id", "kind", "maxChoices", "meetingId", "panelId", "question", "resultsVisibility", "status", "tenantId") SELECT "anonymity", "closedAt", "createdAt", "createdById", "deadline", "id", "kind", "maxChoices", "meetingId", "panelId", "question", "resultsVisibility", "status", "tenantId" FROM "Poll";
DROP TABLE "Poll";
ALTER TABLE "new_Poll" RENAME TO "Poll";
CREATE INDEX "Poll_tenantId_panelId_status_idx" ON "Poll"("tenantId", "panelId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "WebSession_memberId_idx" ON "WebSession"("memberId");
