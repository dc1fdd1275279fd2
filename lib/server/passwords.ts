import 'server-only';
/** Password hashing with argon2id (@node-rs/argon2, prebuilt from the npm registry). */
import { hash, verify } from '@node-rs/argon2';

// The package's default algorithm is argon2id; memory and time follow OWASP's 19 MiB / 2 passes.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
