-- AlterTable
ALTER TABLE "ConsentRequest" ADD COLUMN "handledAt" DATETIME;
