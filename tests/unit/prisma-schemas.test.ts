import fs from 'node:fs';
import path from 'node:path';

const read = (kind: string) => fs.readFileSync(path.join(process.cwd(), 'prisma', kind, 'schema.prisma'), 'utf8');

describe('the SQLite and PostgreSQL schemas', () => {
  it('differ only in the datasource provider and the generated client folder', () => {
    const normalise = (s: string) =>
      s.replace(/provider\s*=\s*"(sqlite|postgresql)"/, 'provider = "<db>"').replace(/lib\/generated\/(sqlite|postgres)/, 'lib/generated/<db>');
    expect(normalise(read('postgres'))).toBe(normalise(read('sqlite')));
  });

  it('name their own providers', () => {
    expect(read('sqlite')).toMatch(/provider\s*=\s*"sqlite"/);
    expect(read('postgres')).toMatch(/provider\s*=\s*"postgresql"/);
  });

  it('each have the same migrations, one folder per provider', () => {
    const names = (kind: string) =>
      fs.readdirSync(path.join(process.cwd(), 'prisma', kind, 'migrations')).filter((n) => !n.endsWith('.toml')).sort();
    expect(names('postgres')).toEqual(names('sqlite'));
    expect(names('sqlite').length).toBeGreaterThan(0);
  });
});
