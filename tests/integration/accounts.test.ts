import { db } from '@/lib/server/db';
import { createUser } from '@/lib/server/create-user';
import { authenticate } from '@/lib/server/authenticate';
import { setUserRole } from '@/lib/server/set-user-role';
import { checkDatabase } from '@/lib/server/check-database';

beforeEach(async () => {
  await db.lessonProgress.deleteMany();
  await db.user.deleteMany();
});
afterAll(async () => {
  await db.$disconnect();
});

describe('accounts on a real database', () => {
  it('stores an argon2id hash, never the password', async () => {
    const r = await createUser({ email: 'ada@example.com', password: 'correct horse battery' });
    expect(r.ok).toBe(true);
    const row = await db.user.findUniqueOrThrow({ where: { email: 'ada@example.com' } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain('correct horse');
    expect(row.role).toBe('student');
  });

  it('refuses a second account with the same email', async () => {
    await createUser({ email: 'ada@example.com', password: 'correct horse battery' });
    expect(await createUser({ email: 'ada@example.com', password: 'another good one' })).toEqual({ ok: false, reason: 'email-taken' });
  });

  it('refuses duplicates even when two sign-ups race', async () => {
    const results = await Promise.all([1, 2, 3].map(() => createUser({ email: 'race@example.com', password: 'correct horse battery' })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.user.count({ where: { email: 'race@example.com' } })).toBe(1);
  });

  it('tells an unknown email from a wrong password', async () => {
    await createUser({ email: 'ada@example.com', password: 'correct horse battery' });
    expect(await authenticate('nobody@example.com', 'correct horse battery')).toEqual({ ok: false, reason: 'unknown-email' });
    expect(await authenticate('ada@example.com', 'wrong horse battery')).toEqual({ ok: false, reason: 'wrong-password' });
    const ok = await authenticate('ada@example.com', 'correct horse battery');
    expect(ok.ok && ok.user.email).toBe('ada@example.com');
  });

  it('promotes a user to instructor', async () => {
    await createUser({ email: 'teach@example.com', password: 'correct horse battery' });
    expect(await setUserRole('teach@example.com', 'instructor')).toEqual({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { email: 'teach@example.com' } })).role).toBe('instructor');
    expect(await setUserRole('ghost@example.com', 'admin')).toEqual({ ok: false, reason: 'unknown-email' });
  });

  it('serves many concurrent writes without "database is locked"', async () => {
    const r = await createUser({ email: 'busy@example.com', password: 'correct horse battery' });
    if (!r.ok) throw new Error('setup failed');
    const slugs = Array.from({ length: 40 }, (_, i) => `lesson-${i}`);
    await Promise.all(slugs.map((lessonSlug) => db.lessonProgress.create({ data: { userId: r.user.id, lessonSlug } })));
    expect(await db.lessonProgress.count({ where: { userId: r.user.id } })).toBe(40);
  });

  it('opens SQLite in WAL mode (PostgreSQL needs no such setting)', async () => {
    if (process.env.DATABASE_URL?.startsWith('postgres')) {
      expect(await db.$queryRawUnsafe<{ one: number }[]>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      return;
    }
    const rows = await db.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
    expect(rows[0]?.journal_mode).toBe('wal');
  });

  it('reports the database healthy', async () => {
    const health = await checkDatabase();
    expect(health.ok).toBe(true);
    expect(health.engine).toBe(process.env.DATABASE_URL?.startsWith('postgres') ? 'postgres' : 'sqlite');
  });
});
