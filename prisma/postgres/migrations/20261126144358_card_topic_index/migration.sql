-- CreateIndex
CREATE INDEX "Card_userId_topic_itemId_idx" ON "Card"("userId", "topic", "itemId");

