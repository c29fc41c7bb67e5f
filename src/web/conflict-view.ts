// What a conflict page needs when a save was refused because someone else saved first (services/edit-conflicts.ts):
// an error summary, who saved and when, and each field as they saved it beside what this person typed.
import type { Services } from '../services/index.ts';

export interface ConflictRow {
  label: string;
  theirs: string;
  yours: string;
}

export interface ConflictView {
  errors: { href: string; text: string }[];
  conflict: { what: string; who: string; at: string | null; rows: ConflictRow[] };
}

export async function conflictView(
  services: Services,
  what: string,
  saved: { by: number | null; at: string | null } | null,
  rows: ConflictRow[],
  /** Where to find who saved it when `saved` is null: the latest audit event of this entity. */
  audited?: { entity: string; id: number },
): Promise<ConflictView> {
  const { who, at } = await services.plans.lastSave(saved, audited);
  return {
    errors: [{ href: '#conflict', text: `Someone else saved this ${what} after you opened it. Your changes have not been saved yet` }],
    conflict: { what, who: who ?? 'Someone else', at, rows },
  };
}
