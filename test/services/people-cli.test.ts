// `tracker users` for the first admin and for recovery, as an operator runs it: a child process on a temp SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('tracker users for people and access', () => {
  let dir: string;
  let databaseUrl: string;

  function tracker(args: string[], env: Record<string, string> = {}) {
    const result = spawnSync(process.execPath, ['bin/tracker.js', 'users', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dir, LOG_LEVEL: 'warn', TRACKER_PASSWORD: '', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
  }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tracker-people-cli-'));
    databaseUrl = join(dir, 'cli.sqlite');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes the first admin, and will not quietly keep an old password', () => {
    const first = tracker(['add', '--email', 'root@example.org', '--name', 'Rae Root', '--org', 'Org A', '--role', 'admin', '--service-admin', '--password', 'marble falcon ember']);
    expect(first.stdout).toContain('Added root@example.org as admin of Org A, service-wide admin');
    const again = tracker(['add', '--email', 'root@example.org', '--org', 'Org A', '--role', 'admin', '--password', 'another fine phrase']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('tracker: root@example.org already has an account: its password was not changed (reset it on purpose with --reset)');
    const reset = tracker(['add', '--email', 'root@example.org', '--org', 'Org A', '--role', 'admin', '--password', 'another fine phrase', '--reset']);
    expect(reset.stdout).toContain('password reset, signed out everywhere');
    const weak = tracker(['add', '--email', 'w@example.org', '--name', 'W', '--org', 'Org A', '--role', 'viewer', '--password', 'abcdabcdabcd']);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/a few characters repeated/);
  });

  it('sets a role, keeps the last admin, disables and enables a user, and resets a password', () => {
    tracker(['add', '--email', 'val@example.org', '--name', 'Val', '--org', 'Org A', '--role', 'viewer', '--password', 'quiet harbour fig']);
    expect(tracker(['set-role', '--email', 'val@example.org', '--org', 'Org A', '--role', 'reviewer']).stdout).toContain('val@example.org is now reviewer of Org A');
    expect(tracker(['list']).stdout).toContain('val@example.org\tVal\treviewer of Org A');
    const demote = tracker(['set-role', '--email', 'root@example.org', '--org', 'Org A', '--role', 'viewer']);
    expect(demote.code).toBe(1);
    expect(demote.stderr).toContain('is the last admin of Org A');
    expect(tracker(['disable', '--email', 'val@example.org']).stdout).toContain('val@example.org is disabled and signed out everywhere');
    expect(tracker(['list']).stdout).toMatch(/val@example.org\tVal\treviewer of Org A\tdisabled/);
    expect(tracker(['disable', '--email', 'root@example.org']).code).toBe(1);
    expect(tracker(['enable', '--email', 'val@example.org']).stdout).toContain('val@example.org is enabled');
    expect(tracker(['reset-password', '--email', 'val@example.org'], { TRACKER_PASSWORD: 'pebble lantern oak' }).stdout).toContain('has been reset');
    expect(tracker(['reset-password', '--email', 'nobody@example.org', '--password', 'pebble lantern oak']).stderr).toBe('tracker: There is no user with the email address nobody@example.org');
  });
});
