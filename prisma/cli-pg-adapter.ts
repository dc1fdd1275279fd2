/**
 * The PostgreSQL driver adapter used by the Prisma CLI (migrate) only — never by the app.
 *
 * Prisma 6's JS schema engine, through @prisma/adapter-pg, cannot read columns of the catalog
 * types `name`, `char`, `regproc`, … that its introspection queries return ("Column type 'name'
 * could not be deserialized", prisma/orm#27403). Their text form is exactly what migrate needs,
 * so this pool reports those columns as `text` (OID 25) before the adapter sees them.
 */
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';

const CATALOG_TEXT_OIDS = new Set([18, 19, 24, 194, 2205, 2206]);
const TEXT_OID = 25;

function asText<T>(result: T): T {
  const fields = (result as { fields?: { dataTypeID: number }[] } | undefined)?.fields;
  if (fields) for (const f of fields) if (CATALOG_TEXT_OIDS.has(f.dataTypeID)) f.dataTypeID = TEXT_OID;
  return result;
}

export function cliPostgresAdapter(connectionString: string): PrismaPg {
  const pool = new pg.Pool({ connectionString, max: 2 });
  pool.on('connect', (client) => {
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    const patched = (...args: unknown[]): unknown => {
      const last = args[args.length - 1];
      if (typeof last === 'function') {
        const cb = last as (err: unknown, res: unknown) => void;
        return original(...args.slice(0, -1), (err: unknown, res: unknown) => cb(err, err ? res : asText(res)));
      }
      const out = original(...args);
      return out instanceof Promise ? out.then(asText) : out;
    };
    client.query = patched as typeof client.query;
  });
  return new PrismaPg(pool, { disposeExternalPool: true });
}
