import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { sqliteFilePath } from '@/lib/db-url';

/** How long a connection waits for a lock held by another before giving up (ms). */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * Prepare the SQLite file and return the Prisma adapter for it. WAL mode is a property of the
 * file, set once here; the busy timeout is per connection and passed to the adapter.
 */
export function openSqliteAdapter(url: string): PrismaBetterSQLite3 {
  const file = sqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    raw.pragma('journal_mode = WAL');
  } finally {
    raw.close();
  }
  return new PrismaBetterSQLite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
}
