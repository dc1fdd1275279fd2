#!/usr/bin/env node
// node bench/run.mjs NAME [args…]  runs bench/NAME.bench.ts after esbuild has bundled it with the
// code it imports into one module, as a production build bundles lib/ (Next.js's server chunks).
// Under tsx each file stays a module whose exports are read through getters, which adds a cost
// to every call across files that a bundle does not have; `npx tsx bench/NAME.bench.ts` still
// runs a benchmark that way, for comparison.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const [name, ...args] = process.argv.slice(2);
const entry = name ? path.join(root, 'bench', `${name}.bench.ts`) : '';
if (!name || !fs.existsSync(entry)) {
  const known = fs.readdirSync(path.join(root, 'bench')).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace('.bench.ts', ''));
  console.error(`usage: node bench/run.mjs NAME [args]  (NAME: ${known.join(', ')})`);
  process.exit(2);
}

const outDir = path.join(root, 'node_modules', '.cache', 'netprep-bench');
const outfile = path.join(outDir, `${name}.bench.mjs`);
fs.mkdirSync(outDir, { recursive: true });
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Node's own modules stay imports; everything of ours is in the bundle.
  packages: 'external',
  logLevel: 'warning',
});
console.log(`(bench/${name}.bench.ts, bundled by esbuild into one module)`);
const r = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
