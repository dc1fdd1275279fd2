/**
 * Which database netprep talks to, from DATABASE_URL. Shared by the Prisma CLI config, the
 * runtime client and the scripts. Unset → the embedded SQLite file data/netprep.db.
 */
import path from 'node:path';

export type DatabaseKind = 'sqlite' | 'postgres';

export const DEFAULT_SQLITE_URL = `file:${path.join(process.cwd(), 'data', 'netprep.db')}`;

export function resolveDatabaseUrl(raw: string | undefined): string {
  const url = raw?.trim();
  return url ? url : DEFAULT_SQLITE_URL;
}

export function databaseKind(url: string): DatabaseKind {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres';
  if (url.startsWith('file:')) return 'sqlite';
  throw new Error(`DATABASE_URL must start with "file:" (SQLite) or "postgres://" (PostgreSQL); got "${url.slice(0, 20)}…"`);
}

/** The file path of a `file:` URL, resolved against the working directory. */
export function sqliteFilePath(url: string): string {
  const p = url.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), p);
}
