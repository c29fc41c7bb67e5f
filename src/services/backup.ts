// Backups of a SQLite installation: the database (copied with SQLite's online backup API, so the copy is
// consistent even while the service writes) and every evidence file under DATA_DIR/evidence, in one zip archive.
// Restoring refuses to overwrite a database that already holds users or plans unless forced. The service must
// be stopped while restoring. PostgreSQL installations use pg_dump/pg_restore instead (docs/operations.md).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { unzipSync, zipSync } from 'fflate';
import { isPostgresUrl } from '../store/database.ts';
import { evidenceDir } from './evidence-files.ts';

const DATABASE_ENTRY = 'tracker.sqlite';
const EVIDENCE_PREFIX = 'evidence/';

export class BackupError extends Error {}

function sqliteFile(databaseUrl: string): string {
  if (isPostgresUrl(databaseUrl)) {
    throw new BackupError('This database is PostgreSQL: back it up with pg_dump and restore it with pg_restore (see docs/operations.md)');
  }
  const file = databaseUrl.replace(/^sqlite:(\/\/)?/i, '');
  if (file === ':memory:') throw new BackupError('An in-memory database cannot be backed up');
  return file;
}

function evidenceFiles(dataDir: string): string[] {
  const dir = evidenceDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => statSync(join(dir, name)).isFile());
}

export async function backup(databaseUrl: string, dataDir: string, archive: string): Promise<{ evidenceFiles: number }> {
  const file = sqliteFile(databaseUrl);
  if (!existsSync(file)) throw new BackupError(`There is no database at ${file}`);
  const work = mkdtempSync(join(tmpdir(), 'tracker-backup-'));
  try {
    const copy = join(work, DATABASE_ENTRY);
    const source = new SQLite(file, { fileMustExist: true });
    try {
      await source.backup(copy);
    } finally {
      source.close();
    }
    const entries: Record<string, Uint8Array> = { [DATABASE_ENTRY]: readFileSync(copy) };
    // After the database: every file its rows name was written before its row, so it is here too.
    const names = evidenceFiles(dataDir);
    for (const name of names) entries[`${EVIDENCE_PREFIX}${name}`] = readFileSync(join(evidenceDir(dataDir), name));
    mkdirSync(dirname(archive), { recursive: true });
    writeFileSync(archive, zipSync(entries, { level: 6 }));
    return { evidenceFiles: names.length };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function hasData(file: string): boolean {
  if (!existsSync(file) || statSync(file).size === 0) return false;
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set((db.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map((r) => r.name));
    return ['users', 'plans'].some((t) => tables.has(t) && (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n > 0);
  } finally {
    db.close();
  }
}

export async function restore(archive: string, databaseUrl: string, dataDir: string, options: { force: boolean }): Promise<{ evidenceFiles: number }> {
  const file = sqliteFile(databaseUrl);
  if (!existsSync(archive)) throw new BackupError(`There is no backup at ${archive}`);
  const entries = unzipSync(readFileSync(archive));
  const database = entries[DATABASE_ENTRY];
  if (!database) throw new BackupError(`${archive} is not a backup written by \`tracker backup\` (no ${DATABASE_ENTRY} in it)`);
  if (!options.force && hasData(file)) {
    throw new BackupError(`The database at ${file} already has data: restoring would overwrite it. Use --force to overwrite it`);
  }
  mkdirSync(dirname(file), { recursive: true });
  for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  writeFileSync(file, database);
  const dir = evidenceDir(dataDir);
  mkdirSync(dir, { recursive: true });
  let count = 0;
  for (const [name, content] of Object.entries(entries)) {
    if (!name.startsWith(EVIDENCE_PREFIX)) continue;
    const base = name.slice(EVIDENCE_PREFIX.length);
    // Only plain file names: nothing in an archive may write outside the evidence folder.
    if (!/^[A-Za-z0-9._-]+$/.test(base) || base.startsWith('.')) continue;
    writeFileSync(join(dir, base), content);
    count++;
  }
  return { evidenceFiles: count };
}
