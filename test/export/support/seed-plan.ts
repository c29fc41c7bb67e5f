// The demo plan (Kestrel Vale Council 2024/25, demo/plan-2024-25.txt) read as imported, and stored in a fresh
// SQLite database.
import { readFileSync } from 'node:fs';
import type { PlanDraft } from '../../../src/domain/types.ts';
import type { Store } from '../../../src/store/database.ts';
import { readPlan } from '../../../src/import/index.ts';
import { createOrganisation } from '../../../src/store/organisations-repository.ts';
import { savePlanDraft } from '../../../src/store/plans-repository.ts';
import { loadExportPlan } from '../../../src/services/export-data.ts';
import type { ExportPlan } from '../../../src/export/export-plan.ts';

export const SEED_PLAN_FILE = new URL('../../../demo/plan-2024-25.txt', import.meta.url);

export async function readSeedDraft(): Promise<PlanDraft> {
  const { format: _format, ...draft } = await readPlan(new Uint8Array(readFileSync(SEED_PLAN_FILE)), { fileName: 'plan-2024-25.txt' });
  return draft;
}

/** Stores the draft for a new organisation and reads it back as the exports take it. */
export async function storeDraft(store: Store, draft: PlanDraft, organisation = 'Kestrel Vale Council'): Promise<ExportPlan> {
  const org = await createOrganisation(store.db, organisation);
  const id = await savePlanDraft(store.db, org.id, draft);
  const plan = await loadExportPlan(store.db, id);
  if (!plan) throw new Error('the stored plan could not be read back');
  return plan;
}
