import 'server-only';
import { db } from './db';
import { databaseKind, resolveDatabaseUrl } from '@/lib/db-url';

/** A cheap query through the real client: proves the database answers and the schema is migrated. */
export async function checkDatabase(): Promise<{ ok: boolean; engine: string; latencyMs?: number; error?: string }> {
  const engine = databaseKind(resolveDatabaseUrl(process.env.DATABASE_URL));
  const started = performance.now();
  try {
    await db.user.count();
    return { ok: true, engine, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (e) {
    return { ok: false, engine, error: (e as Error).message.split('\n')[0] ?? 'unknown error' };
  }
}
