/**
 * The account route handlers on a real database, with the session stubbed: status codes, the
 * shape of error answers and the export's download headers.
 */
import { db } from '@/lib/server/db';
import { createUser } from '@/lib/server/create-user';
import { getCurrentUser, type SessionUser } from '@/lib/server/session';
import { GET as getSettings, PUT as putSettings } from '@/app/api/me/settings/route';
import { GET as getExport } from '@/app/api/me/export/route';
import { DELETE as deleteAccountRoute } from '@/app/api/me/account/route';

jest.mock('@/lib/server/session', () => ({ getCurrentUser: jest.fn() }));
const signedIn = jest.mocked(getCurrentUser);

const PASSWORD = 'correct horse battery staple';
const EMAIL = 'account-routes@example.com';
let user: SessionUser;

const json = (method: string, body: unknown) =>
  new Request('http://localhost/api', { method, headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

beforeAll(async () => {
  await db.user.deleteMany({ where: { email: EMAIL } });
  const r = await createUser({ email: EMAIL, password: PASSWORD });
  if (!r.ok) throw new Error('setup');
  user = { id: r.user.id, email: EMAIL, name: null, role: 'student' };
});
beforeEach(() => signedIn.mockResolvedValue(user));
afterAll(async () => {
  await db.user.deleteMany({ where: { email: EMAIL } });
  await db.$disconnect();
});

describe('GET and PUT /api/me/settings', () => {
  it('answers 401 to a signed-out visitor', async () => {
    signedIn.mockResolvedValue(null);
    expect((await getSettings()).status).toBe(401);
    expect((await putSettings(json('PUT', { dailySize: 10, desiredRetention: 0.9, timeZone: 'UTC' }))).status).toBe(401);
  });

  it('saves valid settings and returns them', async () => {
    const res = await putSettings(json('PUT', { dailySize: 5, desiredRetention: 0.85, timeZone: 'asia/tokyo' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ dailySize: 5, desiredRetention: 0.85, timeZone: 'Asia/Tokyo' });
    expect(await (await getSettings()).json()).toEqual({ dailySize: 5, desiredRetention: 0.85, timeZone: 'Asia/Tokyo' });
  });

  it('answers 400 naming the field, and saves nothing, for each bad value', async () => {
    for (const [body, field] of [
      [{ dailySize: 51, desiredRetention: 0.9, timeZone: 'UTC' }, 'dailySize'],
      [{ dailySize: 10, desiredRetention: 0.98, timeZone: 'UTC' }, 'desiredRetention'],
      [{ dailySize: 10, desiredRetention: 0.9, timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ] as const) {
      const res = await putSettings(json('PUT', body));
      expect(res.status).toBe(400);
      const answer = (await res.json()) as { field: string; message: string };
      expect(answer.field).toBe(field);
      expect(answer.message).toMatch(/^Choose /);
    }
    expect(await (await getSettings()).json()).toMatchObject({ dailySize: 5 });
    expect((await putSettings(json('PUT', '{not json'))).status).toBe(400);
    expect((await putSettings(json('PUT', [1, 2]))).status).toBe(400);
  });
});

describe('GET /api/me/export', () => {
  it('sends the data as a dated JSON attachment that is never cached', async () => {
    const res = await getExport();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="netprep-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toContain('application/json');
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ format: 'netprep-data', profile: { email: EMAIL } });
    expect(text).not.toContain('passwordHash');
  });

  it('answers 401 to a signed-out visitor', async () => {
    signedIn.mockResolvedValue(null);
    expect((await getExport()).status).toBe(401);
  });
});

describe('DELETE /api/me/account', () => {
  it('answers 401 signed out, 400 to a bad body or another email, 403 to a wrong password, deleting nothing', async () => {
    signedIn.mockResolvedValueOnce(null);
    expect((await deleteAccountRoute(json('DELETE', { confirmEmail: EMAIL, password: PASSWORD }))).status).toBe(401);
    expect((await deleteAccountRoute(json('DELETE', 'nope'))).status).toBe(400);
    const missing = await deleteAccountRoute(json('DELETE', { confirmEmail: EMAIL }));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ field: 'password', message: 'Enter your password.' });
    const other = await deleteAccountRoute(json('DELETE', { confirmEmail: 'someone@example.com', password: PASSWORD }));
    expect(other.status).toBe(400);
    expect(await other.json()).toMatchObject({ field: 'confirmEmail' });
    const wrong = await deleteAccountRoute(json('DELETE', { confirmEmail: EMAIL, password: 'wrong horse battery' }));
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toEqual({ field: 'password', message: 'That password is not right. Nothing was deleted.' });
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
  });

  it('deletes the account with the right email and password; the stale session then gets 401 everywhere', async () => {
    const res = await deleteAccountRoute(json('DELETE', { confirmEmail: EMAIL, password: PASSWORD }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ deleted: true });
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
    expect((await getSettings()).status).toBe(401);
    expect((await putSettings(json('PUT', { dailySize: 10, desiredRetention: 0.9, timeZone: 'UTC' }))).status).toBe(401);
    expect((await getExport()).status).toBe(401);
    expect((await deleteAccountRoute(json('DELETE', { confirmEmail: EMAIL, password: PASSWORD }))).status).toBe(401);
  });
});
