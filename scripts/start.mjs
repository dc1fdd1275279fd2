#!/usr/bin/env node
// npm start: set up (clients, migrations), build when the sources changed since the last build,
// then serve on PORT (default 3000). Stops cleanly on Ctrl-C / SIGTERM.
import { spawn } from 'node:child_process';
import { ensureNextEnv, generateClients, migrate } from './setup.mjs';
import { buildIfNeeded, nextBin } from './build.mjs';

ensureNextEnv();
generateClients();
migrate();
buildIfNeeded({ force: process.env.NETPREP_FORCE_BUILD === '1' });

const port = process.env.PORT || '3000';
const server = spawn(process.execPath, [nextBin, 'start', '-p', port], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
