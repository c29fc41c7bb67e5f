// The Word export of the demo plan re-imports to the same plan, and LibreOffice can open it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDraft } from '../../src/domain/types.ts';
import { exportPlanDocx } from '../../src/export/docx-template.ts';
import { readPlan } from '../../src/import/index.ts';
import type { Store } from '../../src/store/database.ts';
import { freshSqliteStore } from '../support/databases.ts';
import { readSeedDraft, storeDraft } from './support/seed-plan.ts';

function hasSoffice(): boolean {
  return spawnSync('which', ['soffice'], { encoding: 'utf8' }).status === 0;
}

/** What the round trip must keep: everything but warnings and the title. */
function contents(draft: PlanDraft) {
  return { period: draft.period, commitments: draft.commitments };
}

describe('Word export of the demo plan', () => {
  let store: Store;
  let original: PlanDraft;
  let docx: Buffer;

  beforeAll(async () => {
    store = await freshSqliteStore();
    original = await readSeedDraft();
    docx = await exportPlanDocx(await storeDraft(store, original));
  });
  afterAll(() => store.close());

  it('re-imports to the same commitments, milestones with due windows, monitoring items and updates', async () => {
    const reread = await readPlan(new Uint8Array(docx), { fileName: 'plan.docx' });
    expect(reread.format).toBe('docx');
    expect(original.commitments.length).toBeGreaterThan(5);
    expect(contents(reread)).toEqual(contents(original));
  });

  it('carries the plan title and its financial year in the document', async () => {
    const reread = await readPlan(new Uint8Array(docx), { fileName: 'plan.docx' });
    expect(reread.title).toBe('Kestrel Vale Council improvement plan 2024/25');
    expect(reread.period).toEqual({ from: '2024-04-01', to: '2025-03-31' });
  });

  it.skipIf(!hasSoffice())('converts to PDF with LibreOffice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docx-export-'));
    try {
      const file = join(dir, 'plan.docx');
      writeFileSync(file, docx);
      execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
        timeout: 120_000,
        stdio: 'pipe',
      });
      expect(existsSync(join(dir, 'plan.pdf'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
