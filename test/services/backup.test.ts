import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backup, restore } from '../../src/services/backup.ts';
import { addAccount } from '../../src/services/accounts.ts';
import { openStore, type Store } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { verifyAuditChain } from '../../src/store/audit-repository.ts';
import { recordAudit } from '../../src/store/audit-repository.ts';

describe('backup and restore', () => {
  let dir: string;
  let store: Store;
  const source = () => join(dir, 'source');
  const target = () => join(dir, 'target');
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tracker-backup-test-'));
    mkdirSync(join(source(), 'evidence'), { recursive: true });
    store = openStore(join(source(), 'tracker.sqlite'));
    await migrate(store);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies the database (while it is open) and the evidence files, and puts them back', async () => {
    await addAccount(store.db, { email: 'a@example.org', name: 'A Person', password: 'a long passphrase', organisation: 'Org', role: 'admin' });
    await recordAudit(store.db, { organisationId: null, userId: null, entity: 'plan', entityId: 1, action: 'update' });
    writeFileSync(join(source(), 'evidence', 'abc123.pdf'), 'evidence bytes');

    const archive = join(dir, 'backup.zip');
    expect(await backup(join(source(), 'tracker.sqlite'), source(), archive)).toEqual({ evidenceFiles: 1 });

    const restoredDb = join(target(), 'tracker.sqlite');
    expect(await restore(archive, restoredDb, target(), { force: false })).toEqual({ evidenceFiles: 1 });
    expect(readFileSync(join(target(), 'evidence', 'abc123.pdf'), 'utf8')).toBe('evidence bytes');
    const restored = openStore(restoredDb);
    try {
      const users = await restored.db.selectFrom('users').select(['email', 'name']).execute();
      expect(users).toEqual([{ email: 'a@example.org', name: 'A Person' }]);
      expect(await verifyAuditChain(restored.db)).toEqual({ ok: true, events: 1 });
    } finally {
      await restored.close();
    }
  });

  it('refuses to overwrite a database that has data unless forced', async () => {
    const archive = join(dir, 'backup.zip');
    await backup(join(source(), 'tracker.sqlite'), source(), archive);
    await addAccount(store.db, { email: 'b@example.org', name: 'B', password: 'a long passphrase', organisation: 'Org', role: 'admin' });
    await store.close();
    await expect(restore(archive, join(source(), 'tracker.sqlite'), source(), { force: false })).rejects.toThrow(/already has data.*--force/);
    await restore(archive, join(source(), 'tracker.sqlite'), source(), { force: true });
    store = openStore(join(source(), 'tracker.sqlite'));
    expect(await store.db.selectFrom('users').selectAll().execute()).toEqual([]);
  });

  it('sends PostgreSQL users to pg_dump', async () => {
    await expect(backup('postgres://x@localhost/db', source(), join(dir, 'b.zip'))).rejects.toThrow(/pg_dump/);
  });
});
