-- CreateTable
CREATE TABLE "TopicDay" (
    "userId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "correct" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("userId", "day", "topic"),
    CONSTRAINT "TopicDay_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

