/** Direct database access for end-to-end assertions (the same engine the app under test uses). */
import { PrismaClient as SqliteClient } from '../../lib/generated/sqlite/client';
import { PrismaClient as PostgresClient } from '../../lib/generated/postgres/client';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';

export function testDb(): SqliteClient {
  const url = process.env.DATABASE_URL ?? '';
  if (url.startsWith('postgres')) return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as SqliteClient;
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: url.replace(/^file:/, ''), timeout: 10_000 }) });
}
