// `tracker import` as a user runs it: JSON on stdout for a good file, one clear line on stderr for a bad one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PLAN_DOCX, PLAN_TXT } from '../fixtures/plans/fixture-files.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIR = mkdtempSync(join(tmpdir(), 'tracker-import-'));

function tracker(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/tracker.js', 'import', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: join(DIR, 'never-used.sqlite') },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectOneLineError(run: ReturnType<typeof tracker>, pattern: RegExp): void {
  expect(run.status).not.toBe(0);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

describe('tracker import --json --dry-run', () => {
  it('prints the plan as JSON and exits 0', () => {
    const run = tracker(PLAN_TXT, '--json', '--dry-run');
    expect(run.status).toBe(0);
    const plan = JSON.parse(run.stdout) as { title: unknown; period: unknown; commitments: unknown[]; warnings: unknown[] };
    expect(plan.commitments).toHaveLength(7);
    expect(plan.period).toEqual({ from: '2021-04-01', to: '2022-03-31' });
    expect(plan.warnings).toHaveLength(4);
    expect(plan).toHaveProperty('title', 'Harrowden Growth Partnership improvement plan 2021/22');
  });

  it('prints a summary without --json', () => {
    const run = tracker(PLAN_DOCX, '--dry-run');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/7 commitments, 54 milestones: 44 dated, 10 undated, 7 recurring/);
    expect(run.stdout).toMatch(/4 warnings:/);
    expect(run.stdout).toMatch(/commitment 5: "Skills audit of employers reported to the Board on 14 October 2012": .*before the plan period/);
    expect(run.stdout).toMatch(/nothing was stored/);
  });

  it('fails with one line on a file that is not a plan', () => {
    const bad = join(DIR, 'plan.docx');
    writeFileSync(bad, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]));
    expectOneLineError(tracker(bad, '--json', '--dry-run'), /^tracker: plan\.docx: .*damaged or incomplete/);
  });

  it('fails with one line on a missing file and over the size limit', () => {
    expectOneLineError(tracker(join(DIR, 'missing.txt'), '--dry-run'), /no such file/);
    expectOneLineError(tracker(PLAN_TXT, '--dry-run', '--max-bytes', '100'), /over the import limit of 100 bytes/);
  });

  it('asks for an organisation when the plan would be stored', () => {
    expectOneLineError(tracker(PLAN_TXT), /--org NAME.*--dry-run/);
  });
});
