// Shared set-up for the review page tests: the static demo plan with its review periods, and browsers signed in
// as demo accounts that can post forms the way a browser does.
import type { LightMyRequestResponse } from 'fastify';
import { ensureReviewPeriods } from '../../src/services/reviews/index.ts';
import { listCommitments } from '../../src/store/commitments-repository.ts';
import { seedStaticDemo } from '../support/static-demo.ts';
import { client, csrfFrom, type TestApp } from './support.ts';

/** The text a reader sees: tags stripped, entities of the texts used here decoded, spaces collapsed. */
export function readerText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;|’/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

export type Browser = ReturnType<typeof client> & {
  send(url: string, form: Record<string, string | string[]>): Promise<LightMyRequestResponse>;
};

/** A browser signed in as `who`, with `send` to post a form that repeats a field for each ticked box. */
export async function signedInBrowser(t: TestApp, who: { email: string; password: string }): Promise<Browser> {
  const c = client(t.app);
  await c.signIn(who.email, who.password);
  const token = csrfFrom((await c.get('/')).body);
  const send = async (url: string, form: Record<string, string | string[]>) => {
    const body = new URLSearchParams({ _csrf: token });
    for (const [k, v] of Object.entries(form)) for (const value of [v].flat()) body.append(k, value);
    const response = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: c.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    c.jar.store(response);
    return response;
  };
  return Object.assign(c, { send });
}

/** Seeds the static demo and its review periods: the plan, its first two periods and commitment ids by number. */
export async function seedDemoReviews(t: TestApp) {
  const { planId } = await seedStaticDemo(t.store);
  const periods = await ensureReviewPeriods(t.store.db, planId);
  const commitments = await listCommitments(t.store.db, planId);
  return {
    planId,
    q1: periods[0]!.id,
    q2: periods[1]!.id,
    /** Commitment ids by number (1…9). */
    commitment: (n: number) => commitments.find((c) => c.number === n)!.id,
  };
}
