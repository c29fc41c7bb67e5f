// Demo mode: on the first run (no organisations yet) loads the demo plan of a fictional council and one account per
// role, plus a second organisation with its own user so that the separation between organisations can be tried.
// The passwords are fixed and public: demo mode must be off (DEMO=false) for real use.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.ts';
import type { Role } from '../domain/types.ts';
import type { Store } from '../store/database.ts';
import { listOrganisations, findOrCreateOrganisation } from '../store/organisations-repository.ts';
import { savePlanDraft } from '../store/plans-repository.ts';
import { listCommitments, updateCommitment } from '../store/commitments-repository.ts';
import { inTransaction } from '../store/transaction.ts';
import { addAccount } from './accounts.ts';

export const DEMO_ORGANISATION = 'Kestrel Vale Council';
export const OTHER_DEMO_ORGANISATION = 'Fenbridge District Council';

export interface DemoAccount {
  email: string;
  password: string;
  name: string;
  role: Role;
  roleLabel: string;
  organisation: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@demo.example', password: 'admin-demo-2019', name: 'Alex Admin', role: 'admin', roleLabel: 'Admin', organisation: DEMO_ORGANISATION },
  { email: 'owner@demo.example', password: 'owner-demo-2019', name: 'Olivia Owner', role: 'plan-owner', roleLabel: 'Plan owner', organisation: DEMO_ORGANISATION },
  { email: 'lead@demo.example', password: 'lead-demo-2019', name: 'Liam Lead', role: 'commitment-lead', roleLabel: 'Commitment lead', organisation: DEMO_ORGANISATION },
  { email: 'reviewer@demo.example', password: 'reviewer-demo-2019', name: 'Rita Reviewer', role: 'reviewer', roleLabel: 'Reviewer (Area Lead)', organisation: DEMO_ORGANISATION },
  { email: 'viewer@demo.example', password: 'viewer-demo-2019', name: 'Victor Viewer', role: 'viewer', roleLabel: 'Viewer (board member)', organisation: DEMO_ORGANISATION },
  { email: 'other@demo.example', password: 'other-demo-2019', name: 'Omar Other', role: 'plan-owner', roleLabel: 'Plan owner', organisation: OTHER_DEMO_ORGANISATION },
];

/** The demo plan as written, for financial year 2024/25 (the project's own file). */
export const DEFAULT_DEMO_PLAN = new URL('../../demo/plan-2024-25.txt', import.meta.url);

export interface DemoResult {
  created: boolean;
  planId: number | null;
  /** What happened, one line each, for the start-up output. */
  notes: string[];
}

async function readDemoPlan(path: string | URL) {
  const file = typeof path === 'string' ? path : fileURLToPath(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { draft: null, note: `Demo plan not loaded: ${file} was not found (demo accounts were still created)` };
  }
  try {
    // Loaded only here, so pages that merely list the demo accounts do not pull in the importer.
    const { readPlan } = await import('../import/index.ts');
    const draft = await readPlan(new Uint8Array(bytes), { fileName: file });
    return { draft, note: `Demo plan loaded from ${file}` };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { draft: null, note: `Demo plan not loaded: ${file} could not be read (${reason})` };
  }
}

/** The demo organisations, one account per role and the plan read from `planFile`, as imported (nothing tracked yet). */
export async function createDemoBase(store: Store, planFile: string | URL = DEFAULT_DEMO_PLAN): Promise<DemoResult> {
  const { draft, note } = await readDemoPlan(planFile);
  const planId = await inTransaction(store.db, async (trx) => {
    const organisation = await findOrCreateOrganisation(trx, DEMO_ORGANISATION);
    let leadId: number | null = null;
    for (const account of DEMO_ACCOUNTS) {
      const { user } = await addAccount(trx, account);
      if (account.role === 'commitment-lead') leadId = user.id;
    }
    if (!draft) return null;
    const planId = await savePlanDraft(trx, organisation.id, draft, {
      sourceName: 'kestrel-vale-improvement-plan.txt',
      title: draft.title ?? `${DEMO_ORGANISATION} improvement plan`,
    });
    // The commitment lead leads the first commitment, so "edits its own commitments" can be tried.
    const [first] = await listCommitments(trx, planId);
    if (first && leadId !== null) await updateCommitment(trx, first.id, { leadUserId: leadId });
    return planId;
  });
  return { created: true, planId, notes: [note] };
}

/** Creates the demo organisations, plan and accounts when demo mode is on and the database has no organisations. */
export async function ensureDemo(store: Store, config: Config, planFile: string | URL = DEFAULT_DEMO_PLAN): Promise<DemoResult> {
  if (!config.demo) return { created: false, planId: null, notes: [] };
  if ((await listOrganisations(store.db)).length > 0) {
    return { created: false, planId: null, notes: ['Demo data not added: the database already holds organisations'] };
  }
  return createDemoBase(store, planFile);
}

/** The demo sign-in details, printed on start-up while demo mode is on. */
export function demoSignInText(url: string): string {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  const lines = DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(width)}  ${a.password.padEnd(18)}  ${a.roleLabel}, ${a.organisation}`);
  return [`Demo mode is on (DEMO=false turns it off). Sign in at ${url}/sign-in with:`, ...lines].join('\n');
}
