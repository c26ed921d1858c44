-- AlterTable
ALTER TABLE "Poll" ADD COLUMN     "audience" TEXT NOT NULL DEFAULT 'experts';

-- CreateTable
CREATE TABLE "WebSession" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "WebSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WebSession_memberId_idx" ON "WebSession"("memberId");
