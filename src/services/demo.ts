// Demo mode: on the first run (no organisations yet) loads the demo plan of a fictional council and one account per
// role, plus a second organisation with its own user so that the separation between organisations can be tried.
// The living demo (ensureLivingDemo, services.demo.ensure()) moves the plan into the financial year that contains today and tracks it up to today
// (see demo/living-demo.ts); createDemoBase loads the plan exactly as written, with nothing tracked.
// The passwords are fixed and public: demo mode (`tracker serve --demo`, or DEMO=true) is for trying the service only.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.ts';
import { demoPlanDates, shiftPlanYears } from '../domain/demo-years.ts';
import type { IsoDate, PlanDraft, Role } from '../domain/types.ts';
import type { Kysely } from 'kysely';
import type { Store } from '../store/database.ts';
import type { Database } from '../store/schema.ts';
import { listOrganisations, findOrCreateOrganisation } from '../store/organisations-repository.ts';
import { savePlanDraft } from '../store/plans-repository.ts';
import { listCommitments, updateCommitment } from '../store/commitments-repository.ts';
import { inTransaction } from '../store/transaction.ts';
import { addAccount, type CurrentUser } from './accounts.ts';
import { editCommitment, importPlan } from './plans.ts';
import { bringDemoToLife } from './demo/living-demo.ts';
import { systemClock, type Clock } from './clock.ts';

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
/** The first year of the financial year the demo plan is written for. */
export const DEMO_PLAN_WRITTEN_FY = 2024;

export interface DemoResult {
  created: boolean;
  planId: number | null;
  /** What happened, one line each, for the start-up output. */
  notes: string[];
}

async function readDemoPlan(path: string | URL, rewrite: (text: string) => string = (text) => text) {
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
    const text = rewrite(new TextDecoder().decode(bytes));
    const draft = await readPlan(new TextEncoder().encode(text), { fileName: file });
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

export interface DemoOptions {
  /** The day the demo is created as at (default: today on `clock`). */
  today?: IsoDate;
  /** The clock `today` is read from when not given (default: the system clock over `env`, see clock.ts). */
  clock?: Clock;
  /** The plan to load (default: demo/plan-2024-25.txt), written for the financial year starting in `writtenFy`. */
  planFile?: string | URL;
  /** Default DEMO_PLAN_WRITTEN_FY. */
  writtenFy?: number;
  /** Where TRACKER_TODAY is read from when `today` is not given (default process.env). */
  env?: NodeJS.ProcessEnv;
}

type Db = Kysely<Database>;

async function addDemoAccounts(db: Db): Promise<Map<string, CurrentUser>> {
  const users = new Map<string, CurrentUser>();
  for (const account of DEMO_ACCOUNTS) users.set(account.email, (await addAccount(db, account)).user);
  return users;
}

function castMember(users: Map<string, CurrentUser>, email: string): CurrentUser {
  const user = users.get(email);
  if (!user) throw new Error(`The demo account ${email} is missing`);
  return user;
}

/**
 * The living demo, when demo mode is on and the database has no organisations yet: the demo accounts and the plan
 * moved into the financial year that contains `today` (its years shifted as text before it is imported), then
 * tracked up to today through the services, all in one transaction.
 */
export async function ensureLivingDemo(db: Db, config: Config, options: DemoOptions = {}): Promise<DemoResult> {
  if (!config.demo) return { created: false, planId: null, notes: [] };
  if ((await listOrganisations(db)).length > 0) {
    return { created: false, planId: null, notes: ['Demo data not added: the database already holds organisations'] };
  }
  const today = options.today ?? (options.clock ?? systemClock(options.env ?? process.env)).today();
  const writtenFy = options.writtenFy ?? DEMO_PLAN_WRITTEN_FY;
  const dates = demoPlanDates(today, writtenFy);
  const { draft, note } = await readDemoPlan(options.planFile ?? DEFAULT_DEMO_PLAN, (text) =>
    shiftPlanYears(text, { years: dates.years, writtenFyStart: writtenFy }),
  );
  return inTransaction(db, async (trx) => {
    const users = await addDemoAccounts(trx);
    const organisation = await findOrCreateOrganisation(trx, DEMO_ORGANISATION);
    if (!draft) return { created: true, planId: null, notes: [note] };
    const owner = castMember(users, 'owner@demo.example');
    const lead = castMember(users, 'lead@demo.example');
    const reviewer = castMember(users, 'reviewer@demo.example');
    // In the first quarter of a financial year the period starts a quarter early (see demoPlanDates), so that
    // a signed-off quarter exists; otherwise it is the financial year the (shifted) title names.
    const moved: PlanDraft = { ...draft, period: dates.period };
    const planId = await importPlan(trx, organisation.id, moved, owner.id, {
      sourceName: 'kestrel-vale-improvement-plan.txt',
      title: draft.title ?? `${DEMO_ORGANISATION} improvement plan`,
    });
    const [first] = await listCommitments(trx, planId);
    if (first) await editCommitment(trx, first.id, { leadUserId: lead.id }, owner.id);
    const lived = await bringDemoToLife({
      db: trx,
      dataDir: config.dataDir,
      planId,
      organisation: DEMO_ORGANISATION,
      today,
      cast: { owner, lead, reviewer },
      leadIn: dates.leadIn,
    });
    return { created: true, planId, notes: [note, ...lived] };
  });
}

/** The living demo in a test's store (services.demo.ensure() is the door for everything else). */
export function ensureDemo(store: Store, config: Config, options: DemoOptions = {}): Promise<DemoResult> {
  return ensureLivingDemo(store.db, config, options);
}

/** The demo sign-in details, printed on start-up while demo mode is on. */
export function demoSignInText(url: string): string {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  const lines = DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(width)}  ${a.password.padEnd(18)}  ${a.roleLabel}, ${a.organisation}`);
  return [`Demo mode is on (started with --demo or DEMO=true; never for real use). Sign in at ${url}/sign-in with:`, ...lines].join('\n');
}
