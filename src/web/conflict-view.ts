// What a conflict page needs when a save was refused because someone else saved first (services/edit-conflicts.ts):
// an error summary, who saved and when, and each field as they saved it beside what this person typed.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

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
  db: Kysely<Database>,
  what: string,
  saved: { by: number | null; at: string | null } | null,
  rows: ConflictRow[],
  /** Where to find who saved it when `saved` is null: the latest audit event of this entity. */
  audited?: { entity: string; id: number },
): Promise<ConflictView> {
  let who: string | undefined;
  let at = saved?.at ?? null;
  if (saved?.by != null) {
    who = (await db.selectFrom('users').select('name').where('id', '=', saved.by).executeTakeFirst())?.name;
  } else if (audited) {
    const last = await db.selectFrom('audit_events').select(['user_name', 'at'])
      .where('entity', '=', audited.entity).where('entity_id', '=', audited.id).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    who = last?.user_name ?? undefined;
    at = last?.at ?? null;
  }
  return {
    errors: [{ href: '#conflict', text: `Someone else saved this ${what} after you opened it. Your changes have not been saved yet` }],
    conflict: { what, who: who ?? 'Someone else', at, rows },
  };
}
