-- AlterTable
ALTER TABLE "Ballot" ADD COLUMN     "reasonAttribution" TEXT;
