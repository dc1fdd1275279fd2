// A PostgreSQL database for `npm run test:pg`: DATABASE_URL when it names one, otherwise the local
// PostgreSQL 15 cluster (started with pg_ctlcluster if it is down) with a netprep role and database.
import { spawnSync } from 'node:child_process';

const LOCAL_URL = 'postgresql://netprep:netprep@127.0.0.1:5432/netprep_test';

function sh(cmd, opts = {}) {
  return spawnSync('sh', ['-c', cmd], { encoding: 'utf8', ...opts });
}

function asPostgres(sql, db = 'postgres') {
  return sh(`su postgres -c ${JSON.stringify(`psql -v ON_ERROR_STOP=1 -qAtd ${db} -c ${JSON.stringify(sql)}`)}`);
}

export function ensurePostgres() {
  const given = process.env.DATABASE_URL;
  if (given && /^postgres(ql)?:\/\//.test(given)) return given;
  const ready = () => sh('pg_isready -h 127.0.0.1 -p 5432').status === 0;
  if (!ready()) {
    const clusters = sh('pg_lsclusters -h 2>/dev/null').stdout.trim();
    if (!clusters) {
      console.error('\n✖ No PostgreSQL found. Install it (apt-get install -y postgresql) or set DATABASE_URL=postgresql://…\n');
      process.exit(1);
    }
    const [version, name] = clusters.split('\n')[0].split(/\s+/);
    console.log(`› Starting PostgreSQL cluster ${version}/${name}…`);
    const r = sh(`pg_ctlcluster ${version} ${name} start`, { stdio: 'inherit' });
    for (let i = 0; i < 30 && !ready(); i++) sh('sleep 0.5');
    if (r.status !== 0 && !ready()) {
      console.error('\n✖ Could not start PostgreSQL. Start it yourself or set DATABASE_URL.\n');
      process.exit(1);
    }
  }
  const role = asPostgres("SELECT 1 FROM pg_roles WHERE rolname = 'netprep'");
  if (role.status !== 0) {
    console.error(`\n✖ Could not reach PostgreSQL as the postgres user: ${role.stderr}\n  Set DATABASE_URL=postgresql://… instead.\n`);
    process.exit(1);
  }
  if (role.stdout.trim() !== '1') asPostgres("CREATE ROLE netprep LOGIN CREATEDB PASSWORD 'netprep'");
  for (const db of ['netprep_test', 'netprep_e2e']) {
    if (asPostgres(`SELECT 1 FROM pg_database WHERE datname = '${db}'`).stdout.trim() !== '1') asPostgres(`CREATE DATABASE ${db} OWNER netprep`);
  }
  return LOCAL_URL;
}

/** Empty a PostgreSQL database's public schema so migrations start from scratch. */
export function resetPostgres(url) {
  const r = sh(`psql ${JSON.stringify(url)} -v ON_ERROR_STOP=1 -qc 'DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;'`);
  if (r.status !== 0) {
    console.error(`\n✖ Could not reset ${url.replace(/:[^:@/]+@/, ':***@')}: ${r.stderr}\n`);
    process.exit(1);
  }
}
