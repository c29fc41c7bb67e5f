// `tracker export` as a user runs it: a child process against a temp SQLite database holding the demo plan.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDraft } from '../../src/domain/types.ts';
import { readPlan } from '../../src/import/index.ts';
import { openStore } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { flatPdfText } from './support/pdf-text.ts';
import { readSeedDraft, storeDraft } from './support/seed-plan.ts';

const tracker = fileURLToPath(new URL('../../bin/tracker.js', import.meta.url));

describe('tracker export', () => {
  let dir: string;
  let databaseUrl: string;
  let planId: number;
  let draft: PlanDraft;

  function run(args: string[]) {
    const result = spawnSync(process.execPath, [tracker, 'export', ...args], {
      cwd: dir,
      env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dir, LOG_LEVEL: 'warn' },
      timeout: 60_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tracker-export-'));
    databaseUrl = join(dir, 'export.sqlite');
    const store = openStore(databaseUrl);
    try {
      await migrate(store);
      draft = await readSeedDraft();
      planId = (await storeDraft(store, draft)).id;
    } finally {
      await store.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the Word template under a name from the plan title, and it re-imports to the same plan', async () => {
    const { code, stdout, stderr } = run(['--plan', String(planId), '--format', 'docx']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.toString()).toMatch(/^Wrote kestrel-vale-council-improvement-plan-2024-25\.docx \(\d+ KB\)\n$/);
    const reread = await readPlan(new Uint8Array(readFileSync(join(dir, 'kestrel-vale-council-improvement-plan-2024-25.docx'))));
    expect(reread.commitments).toEqual(draft.commitments);
  });

  it('writes one entity as CSV to standard output', () => {
    const { code, stdout } = run(['--plan', String(planId), '--format', 'csv', '--entity', 'milestones', '--out', '-']);
    expect(code).toBe(0);
    const rows = parse(stdout, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(draft.commitments.reduce((n, c) => n + c.milestones.length, 0));
    expect(rows[0]).toMatchObject({ Commitment: '1', Milestone: 'Appointment of permanent Chief Executive by April/May 2024', 'Due by': '2024-05-31' });
  });

  it('writes every entity as CSV files in one zip', () => {
    expect(run(['--plan', String(planId), '--format', 'csv']).code).toBe(0);
    expect(Object.keys(unzipSync(readFileSync(join(dir, 'kestrel-vale-council-improvement-plan-2024-25-csv.zip')))).sort()).toEqual([
      'about.csv', 'commitments.csv', 'kpi-readings.csv', 'kpis.csv', 'milestones.csv', 'monitoring.csv', 'updates.csv',
    ]);
  });

  it('writes the board report PDF for a given report date', () => {
    const { code, stdout } = run(['--plan', String(planId), '--format', 'pdf', '--today', '2024-07-15', '--out', 'report.pdf']);
    expect(code).toBe(0);
    expect(stdout.toString()).toMatch(/^Wrote report\.pdf \(\d+ KB\)\n$/);
    expect(flatPdfText(readFileSync(join(dir, 'report.pdf')))).toContain('Report date: 15 July 2024');
  });

  it('writes the plan as JSON to standard output', () => {
    const { code, stdout } = run(['--plan', String(planId), '--format', 'json', '--out', '-']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout.toString()).commitments.map((c: { title: string }) => c.title)).toEqual(draft.commitments.map((c) => c.title));
  });

  it.each([
    [['--plan', '999', '--format', 'docx'], 'tracker: There is no plan 999'],
    [['--plan', '1', '--format', 'doc'], 'tracker: Unknown format "doc": use one of docx, pdf, xlsx, csv, json, ics'],
    [['--plan', '1', '--format', 'docx', '--period', '2030/31 Q1'], 'tracker: There is no review period "2030/31 Q1": the plan has no review periods yet'],
    [['--plan', '1', '--format', 'csv', '--entity', 'people'], 'tracker: Unknown entity "people": use one of commitments, milestones, kpis, kpi-readings, monitoring, updates'],
  ])('refuses %j with one clear line', (args, message) => {
    const { code, stderr } = run(args);
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr.trim()).toBe(message);
  });
});
