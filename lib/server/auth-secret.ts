import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The key that signs and encrypts session JWTs. NEXTAUTH_SECRET wins (set the same value on every
 * app server); otherwise a random secret is created once in data/auth-secret, so a single-server
 * install works out of the box and sessions survive restarts.
 */
export function authSecret(): string {
  const fromEnv = process.env.NEXTAUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const file = path.join(process.cwd(), 'data', 'auth-secret');
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing) return existing;
  } catch {
    // first run: fall through and create it
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  try {
    fs.writeFileSync(file, secret, { flag: 'wx', mode: 0o600 });
    return secret;
  } catch {
    // another process created it first: use theirs
    return fs.readFileSync(file, 'utf8').trim();
  }
}
