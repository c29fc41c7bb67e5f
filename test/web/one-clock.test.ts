// One clock: the plan overview, the commitment page, the review update page and the board report export all judge
// "overdue" against the clock the app was made with (TRACKER_TODAY unset), so they agree on every day: five days
// after a milestone's due date all four call it overdue, and the day before its due date none of them does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { formatLong } from '../../src/domain/dates/index.ts';
import type { PlanDraft } from '../../src/domain/types.ts';
import { addAccount } from '../../src/services/accounts.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { ensureReviewPeriods } from '../../src/services/reviews/index.ts';
import type { Store } from '../../src/store/database.ts';
import { findOrCreateOrganisation } from '../../src/store/organisations-repository.ts';
import { getPlan, savePlanDraft } from '../../src/store/plans-repository.ts';
import { appOver } from '../support/app.ts';
import { freshSqliteStore } from '../support/databases.ts';
import { keepTrackerToday } from '../services/reviewed-demo.ts';
import { flatPdfText } from '../export/support/pdf-text.ts';
import { client } from './support.ts';

const PASSWORD = 'one-clock-test-password';
const REVIEWER = 'reviewer@clock.example';
const LATE = 'Board papers published on the website';

const draft = (): PlanDraft => ({
  title: 'One clock improvement plan 2024/25',
  period: { from: '2024-04-01', to: '2025-03-31' },
  commitments: [
    {
      number: 1,
      title: 'We will publish what the board decides',
      summary: '',
      kpis: [],
      milestones: [
        { text: LATE, due: { from: '2024-05-15', to: '2024-05-15' }, recurrence: null },
        { text: 'Annual report agreed', due: { from: '2024-12-31', to: '2024-12-31' }, recurrence: null },
        { text: 'Transparency review started', due: { from: '2025-02-28', to: '2025-02-28' }, recurrence: null },
      ],
      monitoring: [],
      updates: [],
    },
  ],
  warnings: [],
});

/** The visible text of some HTML, white space collapsed. */
const text = (html: string): string =>
  html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&#39;|&rsquo;/g, '’').replace(/\s+/g, ' ').trim();

/** The HTML from the element with this id to the first `end` after it. */
function part(html: string, id: string, end: string): string {
  const start = html.indexOf(`id="${id}"`);
  return start < 0 ? '' : html.slice(start, html.indexOf(end, start));
}

/** The board report's "Overdue on <day>" table: from its title to the next table's. */
function overdueInReport(report: string, day: string): string {
  const start = report.indexOf(`Overdue on ${day}`);
  return start < 0 ? '' : report.slice(start, report.indexOf('Due in the next 30 days', start));
}

interface Seen {
  /** The plan overview's "Overdue" section. */
  overview: string;
  /** The milestone's row on the commitment page. */
  commitmentRow: string;
  /** Why the review update page suggests its RAG. */
  reviewReasons: string;
  /** The board report's overdue table. */
  reportOverdue: string;
}

describe('one clock for pages and exports', () => {
  const restore = keepTrackerToday();
  let store: Store;
  let ids: { planId: number; commitmentId: number; milestoneId: number; q1: number };

  beforeAll(async () => {
    delete process.env.TRACKER_TODAY;
    store = await freshSqliteStore();
    const org = await findOrCreateOrganisation(store.db, 'Clock Council');
    const planId = await savePlanDraft(store.db, org.id, draft());
    await addAccount(store.db, { email: REVIEWER, name: 'Rhea Reviewer', password: PASSWORD, organisation: 'Clock Council', role: 'reviewer' });
    const [q1] = await ensureReviewPeriods(store.db, planId);
    const commitment = (await getPlan(store.db, planId))?.commitments[0];
    const milestone = commitment?.milestones.find((m) => m.text === LATE);
    if (!q1 || !commitment || !milestone) throw new Error('the plan was not stored as expected');
    ids = { planId, commitmentId: commitment.id, milestoneId: milestone.id, q1: q1.id };
  });
  afterAll(async () => {
    await store.close();
    restore();
  });

  /** What each page and the board report say, from an app whose clock stands on `day`. */
  async function seenOn(day: string): Promise<Seen> {
    // Only the day is fixed: the instant stays real, so the session cookie is not already expired in the client.
    const app: FastifyInstance = await appOver(store, loadConfig({ DEMO: 'false' }), { clock: fixedClock(day, new Date()) });
    try {
      const browser = client(app);
      expect((await browser.signIn(REVIEWER, PASSWORD)).statusCode).toBe(303);
      const get = async (url: string) => {
        const res = await browser.get(url);
        expect(res.statusCode, url).toBe(200);
        return res;
      };
      const overview = (await get(`/plans/${ids.planId}`)).body;
      const commitment = (await get(`/commitments/${ids.commitmentId}`)).body;
      const review = (await get(`/reviews/${ids.q1}/commitments/${ids.commitmentId}`)).body;
      const pdf = await get(`/plans/${ids.planId}/export/pdf`);
      expect(pdf.headers['x-as-at']).toBe(day);
      const reportText = flatPdfText(pdf.rawPayload);
      return {
        overview: text(overview.slice(overview.indexOf('<h2 class="govuk-heading-m" id="overdue">'), overview.indexOf('</main>'))),
        commitmentRow: text(part(commitment, `milestone-${ids.milestoneId}`, '</tr>')),
        reviewReasons: text(part(review, 'suggested-reasons', '</ul>')),
        reportOverdue: overdueInReport(reportText, formatLong(day)),
      };
    } finally {
      await app.close();
    }
  }

  it('calls the milestone overdue everywhere five days after its due date', async () => {
    const seen = await seenOn('2024-05-20');
    // The plan overview's overdue table lists it, 5 days late.
    expect(seen.overview).toContain(`${LATE} 1. We will publish what the board decides 15 May 2024 5`);
    // The commitment page tags it.
    expect(seen.commitmentRow).toContain(LATE);
    expect(seen.commitmentRow).toContain('Overdue');
    // The review update page gives it as a reason for the suggested RAG.
    expect(seen.reviewReasons).toMatch(/overdue by up to a month \(Board papers published[^)]*, due 15 May 2024, 5 days late\)/);
    // The board report lists it under "Overdue on 20 May 2024".
    expect(seen.reportOverdue).toContain(LATE);
  });

  it('calls nothing overdue anywhere the day before its due date', async () => {
    const seen = await seenOn('2024-05-14');
    expect(seen.overview).toContain('No milestones are overdue.');
    expect(seen.commitmentRow).toContain(LATE);
    expect(seen.commitmentRow).not.toContain('Overdue');
    expect(seen.reviewReasons).not.toContain('overdue');
    expect(seen.reportOverdue).toContain('No milestone is overdue.');
    expect(seen.reportOverdue).not.toContain(LATE);
  });
});
