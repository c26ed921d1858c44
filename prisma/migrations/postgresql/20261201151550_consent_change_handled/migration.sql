-- AlterTable
ALTER TABLE "ConsentRequest" ADD COLUMN     "handledAt" TIMESTAMP(3);
