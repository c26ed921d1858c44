-- CreateTable
CREATE TABLE "BacklogChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "panelId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "actorId" TEXT,
    "status" TEXT NOT NULL,
    "progress" INTEGER NOT NULL,
    "previousStatus" TEXT,
    "previousProgress" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "BacklogChange_itemId_createdAt_idx" ON "BacklogChange"("itemId", "createdAt");

-- CreateIndex
CREATE INDEX "BacklogChange_panelId_createdAt_idx" ON "BacklogChange"("panelId", "createdAt");
