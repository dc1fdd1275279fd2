import 'server-only';
/**
 * The one Prisma client of the app. DATABASE_URL chooses the engine (see lib/db-url.ts):
 * SQLite (default, a file under data/) opened in WAL mode with a busy timeout so concurrent
 * requests wait instead of failing with "database is locked"; or PostgreSQL through node-postgres.
 */
import { PrismaClient as SqliteClient } from '@/lib/generated/sqlite/client';
import { PrismaClient as PostgresClient } from '@/lib/generated/postgres/client';
import { databaseKind, resolveDatabaseUrl } from '@/lib/db-url';
import { openSqliteAdapter } from './sqlite-adapter';

/** Both generated clients come from identical schemas; the SQLite one's type stands for both. */
export type Db = SqliteClient;

function createClient(): Db {
  const url = resolveDatabaseUrl(process.env.DATABASE_URL);
  if (databaseKind(url) === 'postgres') {
    // Loaded lazily so a SQLite deployment never needs pg at run time.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { PrismaPg } = require('@prisma/adapter-pg') as typeof import('@prisma/adapter-pg');
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
    // Same models, same methods: the two generated clients differ only in their provider.
    return client as unknown as Db;
  }
  return new SqliteClient({ adapter: openSqliteAdapter(url) });
}

/** The engine behind `db`, for the rare query whose SQL differs between them. */
export const dbKind = databaseKind(resolveDatabaseUrl(process.env.DATABASE_URL));

/**
 * SQL for the rare raw query: `expr` of every row joined by `separator` into one text value
 * (string_agg on PostgreSQL, group_concat on SQLite), and the engine's mark for parameter `n`
 * (1-based; SQLite's ? is positional, so a value used twice is passed twice there).
 */
export const rawSql = {
  joined: (expr: string, separator: string) =>
    dbKind === 'postgres' ? `string_agg(${expr}, '${separator}')` : `group_concat(${expr}, '${separator}')`,
  param: (n: number) => (dbKind === 'postgres' ? `$${n}` : '?'),
  /** `exprs` as one text value separated by `separator` (none may be NULL). */
  concat: (exprs: readonly string[], separator: string) =>
    dbKind === 'postgres' ? `concat_ws('${separator}', ${exprs.join(', ')})` : exprs.join(` || '${separator}' || `),
  /**
   * A DateTime column as text that `instantFromSql` reads: epoch milliseconds on PostgreSQL; on
   * SQLite the stored ISO text itself (converting there costs more than reading it here).
   */
  instant: (column: string) => (dbKind === 'postgres' ? `((extract(epoch from ${column}) * 1000)::bigint)::text` : column),
  /**
   * A Date as a parameter to compare with a DateTime column. SQLite: text in the format Prisma's
   * SQLite adapter stores (`YYYY-MM-DDTHH:MM:SS.mmm+00:00`), so text order is time order (and the
   * column's index serves the comparison). PostgreSQL: an ISO instant, of which the timestamp
   * column (UTC wall clock) takes the wall clock.
   */
  instantParam: (d: Date) => (dbKind === 'postgres' ? d.toISOString() : d.toISOString().replace(/Z$/, '+00:00')),
};

/**
 * The parameters of one raw query: `mark(n, value)` writes the engine's mark for parameter `n`
 * into the SQL (call it where the mark goes, in order), and `values()` lists the arguments as the
 * engine wants them: by number on PostgreSQL ($1 may appear many times), by appearance on SQLite.
 */
export function rawParams(): { mark: (n: number, value: unknown) => string; values: () => unknown[] } {
  const byNumber = new Map<number, unknown>();
  const inOrder: unknown[] = [];
  return {
    mark(n, value) {
      byNumber.set(n, value);
      inOrder.push(value);
      return rawSql.param(n);
    },
    values: () => (dbKind === 'postgres' ? [...byNumber.keys()].sort((x, y) => x - y).map((n) => byNumber.get(n)) : inOrder),
  };
}

/** A value written by `rawSql.instant` as a Date: epoch milliseconds (PostgreSQL) or ISO text (SQLite). */
export function instantFromSql(value: string | number): Date {
  return new Date(typeof value === 'number' || /^-?\d+$/.test(value) ? Number(value) : value);
}

const globalForDb = globalThis as unknown as { netprepDb?: Db };

export const db: Db = globalForDb.netprepDb ?? createClient();
if (process.env.NODE_ENV !== 'production') globalForDb.netprepDb = db;
