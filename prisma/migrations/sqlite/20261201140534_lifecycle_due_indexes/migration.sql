-- CreateIndex
CREATE INDEX "IdeaRound_status_closesAt_idx" ON "IdeaRound"("status", "closesAt");

-- CreateIndex
CREATE INDEX "Poll_status_deadline_idx" ON "Poll"("status", "deadline");
