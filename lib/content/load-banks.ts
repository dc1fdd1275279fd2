/**
 * Read every question bank under content/banks (*.yaml), validate it, and return the banks.
 * Node only. Throws a ContentError naming the file and the question or field at fault.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ZBankFile, type TBankFile } from './schema';
import { ContentError } from './parse-lesson';
import { formatZodIssues } from './format-issues';

/** content/banks, or NETPREP_BANKS_DIR when set (benchmarks point it at a larger catalogue). */
export const BANKS_DIR = process.env.NETPREP_BANKS_DIR ? path.resolve(process.env.NETPREP_BANKS_DIR) : path.join(process.cwd(), 'content', 'banks');

export interface BankFile extends TBankFile {
  file: string;
}

export function parseBank(file: string, text: string): BankFile {
  let data: unknown;
  try {
    data = YAML.parse(text);
  } catch (e) {
    throw new ContentError(file, `not valid YAML (${(e as Error).message.split('\n')[0]})`);
  }
  const r = ZBankFile.safeParse(data);
  if (!r.success) throw new ContentError(file, formatZodIssues(r.error.issues));
  return { file, ...r.data };
}

let cache: BankFile[] | undefined;

export function loadBanks(dir: string = BANKS_DIR): BankFile[] {
  if (dir === BANKS_DIR && cache) return cache;
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  const banks = files.map((f) => parseBank(f, fs.readFileSync(path.join(dir, f), 'utf8')));
  if (dir === BANKS_DIR) cache = banks;
  return banks;
}
