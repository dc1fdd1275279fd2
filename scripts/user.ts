/**
 * npm run user -- <command>
 *   create  --email E [--role student|instructor|admin] [--password P]   (P defaults to a random one, printed)
 *   promote --email E --role R
 *   list
 * Works on the database DATABASE_URL names (default data/netprep.db). Run `npm run setup` first on a new machine.
 */
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ZEmail, ZNewPassword, ZRole } from '../lib/validation/auth';
import { createUser } from '../lib/server/create-user';
import { setUserRole } from '../lib/server/set-user-role';
import { db } from '../lib/server/db';

const USAGE = `Usage:
  npm run user -- create --email you@example.com [--role student|instructor|admin] [--password '...']
  npm run user -- promote --email you@example.com --role instructor
  npm run user -- list`;

function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

function check<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) fail(`${what}: ${r.error.issues[0]?.message ?? 'invalid'}`);
  return r.data;
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } },
  });
  const command = positionals[0];
  if (command === 'create') {
    const email = check(ZEmail, values.email, '--email');
    const role = check(ZRole, values.role ?? 'student', '--role');
    const generated = values.password === undefined;
    const password = generated ? crypto.randomBytes(12).toString('base64url') : check(ZNewPassword, values.password, '--password');
    const result = await createUser({ email, password, role });
    if (!result.ok) fail(`an account with ${email} already exists (use "promote" to change its role)`);
    console.log(`✔ created ${email} with role ${role}${generated ? `; password: ${password}` : ''}`);
  } else if (command === 'promote') {
    const email = check(ZEmail, values.email, '--email');
    const role = check(ZRole, values.role, '--role');
    const result = await setUserRole(email, role);
    if (!result.ok) fail(`no account uses ${email}`);
    console.log(`✔ ${email} is now ${role} (from their next sign-in)`);
  } else if (command === 'list') {
    const users = await db.user.findMany({ select: { email: true, role: true, createdAt: true }, orderBy: { createdAt: 'asc' } });
    for (const u of users) console.log(`${u.role.padEnd(10)} ${u.email}  (since ${u.createdAt.toISOString().slice(0, 10)})`);
    if (users.length === 0) console.log('no users yet');
  } else {
    fail(`unknown command ${command ? `"${command}"` : '(none)'}\n${USAGE}`);
  }
}

main()
  .catch((e: unknown) => fail((e as Error).message))
  .finally(() => void db.$disconnect());
