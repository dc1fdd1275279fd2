-- CreateTable
CREATE TABLE "Attempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "generatorId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "seed" INTEGER NOT NULL,
    "topic" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "mistake" TEXT,
    "timeTakenMs" INTEGER NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'practice',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Attempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Attempt_userId_createdAt_idx" ON "Attempt"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Attempt_userId_topic_idx" ON "Attempt"("userId", "topic");

-- CreateIndex
CREATE UNIQUE INDEX "Attempt_userId_generatorId_version_seed_key" ON "Attempt"("userId", "generatorId", "version", "seed");

