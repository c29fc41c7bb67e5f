// No lost updates, through HTTP with two signed-in people at once, on SQLite and (when configured) PostgreSQL.
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { addAccount } from '../../src/services/accounts.ts';
import { DEMO_ACCOUNTS, DEMO_ORGANISATION } from '../../src/services/demo.ts';
import { ensureReviewPeriods } from '../../src/services/reviews/index.ts';
import { listCommitments } from '../../src/store/commitments-repository.ts';
import type { Store } from '../../src/store/database.ts';
import { appOver } from '../support/app.ts';
import { freshStore, testDatabaseNames } from '../support/databases.ts';
import { seedStaticDemo } from '../support/static-demo.ts';
import { client, csrfFrom } from './support.ts';

const REVIEWER = DEMO_ACCOUNTS.find((a) => a.email === 'reviewer@demo.example')!;
const SECOND = { email: 'second.reviewer@demo.example', password: 'a second reviewer passphrase' };

for (const name of testDatabaseNames()) {
  describe(`edit conflicts (${name})`, () => {
    let store: Store | undefined;
    let close: (() => Promise<void>) | undefined;
    afterEach(async () => {
      await close?.();
      await store?.close();
      store = undefined;
    });

    async function setUp() {
      store = await freshStore(name);
      const { planId } = await seedStaticDemo(store);
      const [q1] = await ensureReviewPeriods(store.db, planId);
      const [c1] = await listCommitments(store.db, planId);
      await addAccount(store.db, { email: SECOND.email, name: 'Second Reviewer', password: SECOND.password, organisation: DEMO_ORGANISATION, role: 'reviewer' });
      const app = await appOver(store, loadConfig({ DEMO: 'false' }));
      close = () => app.close();
      const url = `/reviews/${q1!.id}/commitments/${c1!.id}`;
      const as = async (who: { email: string; password: string }) => {
        const browser = client(app);
        await browser.signIn(who.email, who.password);
        return browser;
      };
      return { url, commitmentId: c1!.id, periodId: q1!.id, first: await as(REVIEWER), second: await as(SECOND) };
    }

    const formOf = (html: string) => ({ _csrf: csrfFrom(html), version: /name="version" value="([^"]*)"/.exec(html)?.[1] ?? '' });

    it('gives two reviewers saving a first update at once one saved update and one conflict page that keeps the typing', async () => {
      const { url, commitmentId, periodId, first, second } = await setUp();
      const [pageA, pageB] = [await first.get(url), await second.get(url)];
      expect(formOf(pageA.body).version).toBe('new');
      const [a, b] = await Promise.all([
        first.post(url, { ...formOf(pageA.body), rag: 'red', ragOverrideReason: 'A reason for the RAG.', narrative: 'Written by the first reviewer.', next: 'draft' }),
        second.post(url, { ...formOf(pageB.body), rag: 'amber', ragOverrideReason: 'A reason for the RAG.', narrative: 'Written by the second reviewer.', next: 'draft' }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([303, 409]);
      const [winner, loser] = a.statusCode === 303 ? ['first', b] : ['second', a];
      expect(loser.body).toContain('govuk-error-summary');
      expect(loser.body).toContain('was changed while you were editing it');
      expect(loser.body).toContain(`Written by the ${winner} reviewer.`);
      const lost = winner === 'first' ? 'second' : 'first';
      expect(loser.body).toMatch(new RegExp(`<textarea[^>]*>Written by the ${lost} reviewer.</textarea>`));

      const rows = await store!.db.selectFrom('progress_updates').selectAll()
        .where('commitment_id', '=', commitmentId).where('review_period_id', '=', periodId).execute();
      expect(rows.map((r) => r.narrative)).toEqual([`Written by the ${winner} reviewer.`]);

      // Saving again from the conflict page, having seen theirs, replaces it.
      const loserBrowser = winner === 'first' ? second : first;
      const again = await loserBrowser.post(url, { ...formOf(loser.body), rag: 'amber', ragOverrideReason: 'A reason for the RAG.', narrative: `Written by the ${lost} reviewer, again.`, next: 'draft' });
      expect(again.statusCode).toBe(303);
      const after = await store!.db.selectFrom('progress_updates').select('narrative')
        .where('commitment_id', '=', commitmentId).where('review_period_id', '=', periodId).execute();
      expect(after.map((r) => r.narrative)).toEqual([`Written by the ${lost} reviewer, again.`]);
    });

    it('refuses a stale save of a draft that someone else changed since the form was opened', async () => {
      const { url, first, second } = await setUp();
      const created = await first.post(url, { ...formOf((await first.get(url)).body), rag: 'red', ragOverrideReason: 'A reason for the RAG.', narrative: 'Version one.', next: 'draft' });
      expect(created.statusCode).toBe(303);
      const stale = await second.get(url);
      const newer = await first.post(url, { ...formOf((await first.get(url)).body), rag: 'red', ragOverrideReason: 'A reason for the RAG.', narrative: 'Version two.', next: 'draft' });
      expect(newer.statusCode).toBe(303);
      const refused = await second.post(url, { ...formOf(stale.body), rag: 'green', ragOverrideReason: 'A reason for the RAG.', narrative: 'Version from a stale form.', next: 'draft' });
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain('Version two.');
      expect(refused.body).toContain('Version from a stale form.');
    });
  });
}
