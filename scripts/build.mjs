// Build the Next.js app only when the sources changed since the last build (shared by start and test).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { run } from './setup.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const STAMP = path.join(root, '.next', 'netprep-source-stamp');
const SOURCES = ['app', 'lib', 'content', 'public', 'prisma', 'types', 'next.config.js', 'package-lock.json', 'tsconfig.json'];

/** A fingerprint of every source file's path, size and modification time. */
function sourceStamp() {
  const h = crypto.createHash('sha256');
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      const base = path.basename(p);
      if (base === 'generated' || base === '__tests__') return;
      for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e));
    } else if (!/\.test\.tsx?$/.test(p)) h.update(`${path.relative(root, p)}:${st.size}:${st.mtimeMs}\n`);
  };
  SOURCES.forEach((s) => walk(path.join(root, s)));
  return h.digest('hex');
}

export function buildIfNeeded({ force = false } = {}) {
  const stamp = sourceStamp();
  const upToDate = fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === stamp;
  if (upToDate && !force) {
    console.log('› Build is up to date.');
    return;
  }
  console.log('› Building netprep…');
  run(process.execPath, [nextBin, 'build']);
  fs.writeFileSync(STAMP, stamp);
}
