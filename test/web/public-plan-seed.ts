// A plan with everything the public must NOT see (a draft, an update awaiting sign-off, the organisation's
// response, evidence, KPI reading notes, a named lead and reviewer) next to what it may see (a signed-off update).
// Used by the public page, CSV and browser tests.
import type { Kysely } from 'kysely';
import { reviewPeriods } from '../../src/domain/periods.ts';
import { addAccount, type CurrentUser } from '../../src/services/accounts.ts';
import type { Database } from '../../src/store/schema.ts';
import { updateCommitment } from '../../src/store/commitments-repository.ts';
import { addKpiReading } from '../../src/store/kpis-repository.ts';
import { addEvidence } from '../../src/store/monitoring-repository.ts';
import { insertUpdateVersion } from '../../src/store/progress-updates-repository.ts';
import { addMissingReviewPeriods, listReviewPeriods } from '../../src/store/review-periods-repository.ts';
import type { PlanDetail } from '../../src/store/records.ts';
import { nth, seedPlan } from '../support/fixtures.ts';

export const PASSWORD = 'public-test-password';

/** Texts that must appear on the public page. */
export const PUBLIC_TEXT = {
  signedOff: 'Permanent Chair appointed in May; the Board diversity review is under way.',
} as const;

/** Texts that must never appear on the public page or in its CSV. */
export const INTERNAL_TEXT = {
  draft: 'Draft thoughts: the diversity target looks unlikely this year',
  submitted: 'Submitted but not yet signed off: register of interests incomplete',
  response: 'Our response: we dispute the Amber rating',
  submittedResponse: 'Response to the unsigned update',
  evidenceNote: 'Minutes of the confidential Board session',
  evidenceLink: 'https://intranet.lancs.example/board/minutes-7',
  kpiNote: 'Figure from the HR system, not yet validated',
  kpiSource: 'Payroll extract 2019-06',
  importedUpdate: 'diversity work',
  leadName: 'Liam Leadbetter',
  leadEmail: 'liam.leadbetter@lancs.example',
  reviewerName: 'Rita Reviewson',
  reviewerEmail: 'rita.reviewson@gov.example',
} as const;

export interface SeededPublicPlan {
  plan: PlanDetail;
  owner: CurrentUser;
  lead: CurrentUser;
  reviewer: CurrentUser;
  viewer: CurrentUser;
}

export async function seedPlanWithInternals(db: Kysely<Database>): Promise<SeededPublicPlan> {
  const plan = await seedPlan(db, 'Lancashire LEP');
  const account = async (email: string, name: string, role: 'plan-owner' | 'commitment-lead' | 'reviewer' | 'viewer') =>
    (await addAccount(db, { email, name, password: PASSWORD, organisation: 'Lancashire LEP', role })).user;
  const owner = await account('olivia.owner@lancs.example', 'Olivia Owner', 'plan-owner');
  const lead = await account(INTERNAL_TEXT.leadEmail, INTERNAL_TEXT.leadName, 'commitment-lead');
  const reviewer = await account(INTERNAL_TEXT.reviewerEmail, INTERNAL_TEXT.reviewerName, 'reviewer');
  const viewer = await account('victor.viewer@lancs.example', 'Victor Viewer', 'viewer');

  const [c1, c2] = [nth(plan.commitments, 0), nth(plan.commitments, 1)];
  await updateCommitment(db, c1.id, { leadUserId: lead.id });
  await updateCommitment(db, c2.id, { leadUserId: lead.id });

  if (!plan.period) throw new Error('the seeded plan has a period');
  await addMissingReviewPeriods(db, plan.id, reviewPeriods(plan.period, 'quarterly'));
  const [q1, q2] = await listReviewPeriods(db, plan.id);
  if (!q1 || !q2) throw new Error('the plan has review periods');

  const values = { kpiRefs: [], ragOverrideReason: null, suggestedRag: 'amber' as const, suggestedReasons: [], createdBy: reviewer.id };
  await insertUpdateVersion(db, {
    ...values, commitmentId: c1.id, reviewPeriodId: q1.id, version: 1, state: 'signed-off', rag: 'amber',
    narrative: PUBLIC_TEXT.signedOff, response: INTERNAL_TEXT.response, responseAt: '2019-07-10T09:00:00Z', responseBy: owner.id,
    submittedAt: '2019-07-05T09:00:00Z', submittedBy: reviewer.id, signedOffAt: '2019-07-12T09:00:00Z', signedOffBy: reviewer.id,
    at: '2019-07-01T09:00:00Z',
  });
  await insertUpdateVersion(db, {
    ...values, commitmentId: c1.id, reviewPeriodId: q2.id, version: 1, state: 'draft', rag: 'red', narrative: INTERNAL_TEXT.draft,
    at: '2019-10-01T09:00:00Z',
  });
  await insertUpdateVersion(db, {
    ...values, commitmentId: c2.id, reviewPeriodId: q1.id, version: 1, state: 'submitted', rag: 'green', narrative: INTERNAL_TEXT.submitted,
    response: INTERNAL_TEXT.submittedResponse, submittedAt: '2019-07-05T09:00:00Z', submittedBy: reviewer.id, at: '2019-07-01T09:00:00Z',
  });

  await addEvidence(db, { monitoringItemId: nth(c1.monitoring, 0).id, date: '2019-06-30', note: INTERNAL_TEXT.evidenceNote, link: INTERNAL_TEXT.evidenceLink, createdBy: lead.id });
  await addKpiReading(db, nth(c1.kpis, 0).id, { date: '2019-06-30', value: 27, note: INTERNAL_TEXT.kpiNote, source: INTERNAL_TEXT.kpiSource });
  return { plan, owner, lead, reviewer, viewer };
}
