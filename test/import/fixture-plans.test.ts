// Our own fixture plan (Harrowden Growth Partnership 2021/22) in every format, read by `tracker import FILE
// --json --dry-run` as a user runs it, against the expectations written for it by hand.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PlanDraft } from '../../src/domain/types.ts';
import { readPlan } from '../../src/import/index.ts';
import { bytesOf, PLAN_FIXTURES, planExpectations } from '../fixtures/plans/fixture-files.ts';
import { FIXTURE_NAMES, renderPlanFiles, type FixtureKey } from '../fixtures/plans/harrowden-plan-files.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIR = mkdtempSync(join(tmpdir(), 'tracker-fixtures-'));
const expected = planExpectations();

type ImportJson = PlanDraft & { format: string };

function importJson(file: string): ImportJson {
  const result = spawnSync(process.execPath, ['bin/tracker.js', 'import', file, '--json', '--dry-run'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: join(DIR, 'never-used.sqlite') },
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as ImportJson;
}

const FORMATS: [FixtureKey, string][] = [
  ['docx', 'docx'],
  ['txt', 'txt'],
  ['txt1252', 'txt'],
  ['xlsx', 'xlsx'],
  ['csv', 'csv'],
];

const read = new Map<FixtureKey, ImportJson>(FORMATS.map(([key]) => [key, importJson(PLAN_FIXTURES[key])]));

function plan(key: FixtureKey): ImportJson {
  const found = read.get(key);
  if (!found) throw new Error(`${key} was not read`);
  return found;
}

function commitment(p: PlanDraft, number: number) {
  const found = p.commitments.find((c) => c.number === number);
  if (!found) throw new Error(`commitment ${number} is missing`);
  return found;
}

describe.each(FORMATS)('the Harrowden plan as %s', (key, format) => {
  it(`is read as ${format}, with the title and the plan period it names`, () => {
    const p = plan(key);
    expect(p.format).toBe(format);
    expect(p.title).toBe(expected.title);
    expect(p.period).toEqual(expected.period);
  });

  it('has the seven commitments, titled without their numbers, with their item counts', () => {
    const counts = plan(key).commitments.map((c) => ({
      number: c.number,
      title: c.title,
      kpis: c.kpis.length,
      milestones: c.milestones.length,
      monitoring: c.monitoring.length,
      updates: c.updates.length,
    }));
    expect(counts).toEqual(expected.commitments);
  });

  it('keeps summaries, KPI lines, monitoring items and Area Lead updates as written, without bullets', () => {
    const p = plan(key);
    for (const s of expected.summaries) expect(commitment(p, s.commitment).summary).toBe(s.summary);
    for (const k of expected.kpis) expect(commitment(p, k.commitment).kpis).toContainEqual({ text: k.text });
    for (const m of expected.monitoring) expect(commitment(p, m.commitment).monitoring).toContainEqual({ text: m.text });
    for (const number of [5, 7]) {
      expect(commitment(p, number).updates).toEqual(expected.updates.filter((u) => u.commitment === number).map(({ text }) => ({ text })));
    }
    const items = p.commitments.flatMap((c) => [...c.kpis, ...c.milestones, ...c.monitoring, ...c.updates].map((i) => i.text));
    expect(items.filter((t) => t === '' || /^[·•▪\-o]\s/.test(t) || t !== t.trim())).toEqual([]);
  });

  it('reads every milestone date and recurrence as the rules say', () => {
    const p = plan(key);
    for (const m of expected.milestones) {
      const found = commitment(p, m.commitment).milestones.find((x) => x.text === m.text);
      expect(found, m.text).toBeDefined();
      expect({ text: m.text, due: found?.due, recurrence: found?.recurrence }).toEqual({ text: m.text, due: m.due, recurrence: m.recurrence });
    }
  });

  it('warns about the wrong weekday, the typo year, the TBC and the misspelt month, and nothing else', () => {
    const warnings = plan(key).warnings;
    expect(warnings).toHaveLength(expected.warnings.length);
    for (const w of expected.warnings) {
      expect(warnings).toContainEqual({ commitment: w.commitment, text: w.text, message: expect.stringContaining(w.message) });
    }
  });
});

describe('the Harrowden plan across formats', () => {
  it('gives the same JSON from the Word document and from its text exports, apart from the format', () => {
    const { format: _w, ...word } = plan('docx');
    for (const key of ['txt', 'txt1252'] as const) {
      const { format: _t, ...text } = plan(key);
      expect(text).toEqual(word);
    }
  });

  it('gives the same plan from the workbook and the CSV file as from the Word document', () => {
    const { format: _w, ...word } = plan('docx');
    for (const key of ['xlsx', 'csv'] as const) {
      const { format: _s, ...sheet } = plan(key);
      expect(sheet).toEqual(word);
    }
  });

  it('has a Windows-1252 text file with CRLF line ends that is not UTF-8', () => {
    const bytes = bytesOf(PLAN_FIXTURES.txt1252);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(bytes).toContain(0x96); // "–" in Windows-1252
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\r\n/);
    expect(Buffer.from(bytes).toString('latin1')).not.toMatch(/[^\r]\n/);
  });

  it('is what make-harrowden-plan.ts writes: the committed files are not stale', async () => {
    const fresh = await renderPlanFiles();
    for (const key of ['txt', 'txt1252', 'csv'] as const) {
      expect(Buffer.from(bytesOf(PLAN_FIXTURES[key])).equals(Buffer.from(fresh[key])), FIXTURE_NAMES[key]).toBe(true);
    }
    for (const key of ['docx', 'xlsx'] as const) {
      const committed = await readPlan(bytesOf(PLAN_FIXTURES[key]));
      expect(await readPlan(fresh[key]), FIXTURE_NAMES[key]).toEqual(committed);
    }
  });
});
