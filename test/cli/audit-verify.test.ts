import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { recordAudit } from '../../src/store/audit-repository.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('tracker audit verify', () => {
  let dir: string;
  let file: string;

  const verify = () => {
    const result = spawnSync(process.execPath, ['bin/tracker.js', 'audit', 'verify'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: file, DATA_DIR: dir, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: result.status, out: result.stdout + result.stderr };
  };

  /** Direct access to the file, without the append-only triggers (what a tamperer would have). */
  const tamper = (statement: string) => {
    const db = new SQLite(file);
    db.exec('drop trigger if exists audit_events_no_update; drop trigger if exists audit_events_no_delete;');
    db.exec(statement);
    db.close();
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tracker-audit-'));
    file = join(dir, 'tracker.sqlite');
    const store = openStore(file);
    await migrate(store);
    for (let i = 1; i <= 4; i++) await recordAudit(store.db, { organisationId: null, userId: null, entity: 'plan', entityId: i, action: 'update' });
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('says the trail is intact', () => {
    const { code, out } = verify();
    expect(out).toContain('Audit trail intact: 4 events');
    expect(code).toBe(0);
  });

  it('names an edited event', () => {
    tamper(`update audit_events set action = 'delete' where id = 2`);
    const { code, out } = verify();
    expect(out).toMatch(/BROKEN at event 2 \(sequence 2\): its content does not match its hash/);
    expect(code).toBe(1);
  });

  it('names the event after a deleted one', () => {
    tamper('delete from audit_events where id = 2');
    const { code, out } = verify();
    expect(out).toContain('BROKEN at event 3');
    expect(code).toBe(1);
  });

  it('names the first of two reordered events', () => {
    tamper('update audit_events set seq = -seq where id in (2, 3); update audit_events set seq = 3 where id = 2; update audit_events set seq = 2 where id = 3;');
    const { code, out } = verify();
    expect(out).toContain('BROKEN at event 3 (sequence 2)');
    expect(code).toBe(1);
  });
});
