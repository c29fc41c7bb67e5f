// ONE visibility rule for progress updates, on every channel: a matrix of channel × role × update state.
// A plan holds, at once, a signed-off update that was corrected (its original and its correction), an update
// submitted but not signed off, and a reviewer's draft; each carries a marker word in its text. Every channel a
// person can reach (pages, every export format, the calendar, the public page and its CSV) is fetched as each
// role, and each marker must appear exactly when the rule and the channel allow it.
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/services/demo.ts';
import { flatPdfText } from '../export/support/pdf-text.ts';
import { client } from '../web/support.ts';
import { MARKERS, reviewedDemoAppForAllTests, type Ids } from './reviewed-demo.ts';

type Marker = keyof typeof MARKERS;
const ALL: readonly Marker[] = ['draft', 'submitted', 'signedCurrent', 'signedEarlier'];

type Role = 'admin' | 'plan-owner' | 'commitment-lead' | 'reviewer' | 'viewer' | 'other-organisation' | 'public';
const ROLES: readonly Role[] = ['admin', 'plan-owner', 'commitment-lead', 'reviewer', 'viewer', 'other-organisation', 'public'];

/** The rule: what each role may see of the plan's updates (services/update-visibility.ts). */
function rule(role: Role): readonly Marker[] {
  if (role === 'reviewer') return ALL;
  if (role === 'other-organisation' || role === 'public') return [];
  return ['submitted', 'signedCurrent', 'signedEarlier'];
}
const PUBLIC_RULE: readonly Marker[] = ['signedCurrent'];

interface Channel {
  name: string;
  /** What the channel shows to someone allowed to see everything. */
  shows: readonly Marker[];
  /** Public channels apply the public rule whoever is signed in. */
  isPublic?: boolean;
  url(ids: Ids): string;
  /** The text a reader sees in the response. */
  text?(body: Buffer): string;
}

function xmlText(bytes: Buffer): string {
  const files = unzipSync(new Uint8Array(bytes));
  return Object.entries(files)
    .filter(([name]) => name.endsWith('.xml') || name.endsWith('.csv'))
    .map(([, data]) => strFromU8(data).replace(/<[^>]+>/g, ' '))
    .join('\n');
}

const CHANNELS: readonly Channel[] = [
  { name: 'plan overview', shows: [], url: (i) => `/plans/${i.planId}` },
  { name: 'timeline', shows: [], url: (i) => `/plans/${i.planId}/timeline` },
  { name: 'commitment page (corrected, submitted)', shows: ['submitted', 'signedCurrent'], url: (i) => `/commitments/${i.c1}` },
  { name: 'commitment page (draft)', shows: ['draft'], url: (i) => `/commitments/${i.c2}` },
  { name: 'review period page', shows: [], url: (i) => `/reviews/${i.q2}` },
  { name: 'update page (draft)', shows: ['draft'], url: (i) => `/reviews/${i.q2}/commitments/${i.c2}` },
  { name: 'update page (submitted, with the previous period signed off)', shows: ['submitted', 'signedCurrent'], url: (i) => `/reviews/${i.q2}/commitments/${i.c1}` },
  { name: 'update page (corrected)', shows: ['signedCurrent', 'signedEarlier'], url: (i) => `/reviews/${i.q1}/commitments/${i.c1}` },
  { name: 'history (corrected, submitted)', shows: ['submitted', 'signedCurrent', 'signedEarlier'], url: (i) => `/commitments/${i.c1}/updates` },
  { name: 'history (draft)', shows: ['draft'], url: (i) => `/commitments/${i.c2}/updates` },
  { name: 'Word export', shows: ['submitted', 'signedCurrent'], url: (i) => `/plans/${i.planId}/export/docx`, text: xmlText },
  { name: 'board report PDF', shows: ['signedCurrent'], url: (i) => `/plans/${i.planId}/export/pdf`, text: flatPdfText },
  { name: 'Excel', shows: ALL, url: (i) => `/plans/${i.planId}/export/xlsx`, text: xmlText },
  { name: 'CSV of updates', shows: ALL, url: (i) => `/plans/${i.planId}/export/csv?entity=updates` },
  { name: 'CSV zip', shows: ALL, url: (i) => `/plans/${i.planId}/export/csv`, text: xmlText },
  { name: 'JSON', shows: ALL, url: (i) => `/plans/${i.planId}/export/json` },
  { name: 'calendar file', shows: [], url: (i) => `/plans/${i.planId}/calendar.ics` },
  { name: 'calendar export', shows: [], url: (i) => `/plans/${i.planId}/export/ics` },
  { name: 'public page', shows: ['signedCurrent'], isPublic: true, url: (i) => `/public/plans/${i.planId}` },
  { name: 'public CSV', shows: ['signedCurrent'], isPublic: true, url: (i) => `/public/plans/${i.planId}.csv` },
];

function expected(channel: Channel, role: Role): Marker[] {
  const allowed = channel.isPublic ? PUBLIC_RULE : rule(role);
  return channel.shows.filter((m) => allowed.includes(m));
}

const ACCOUNT_OF: Partial<Record<Role, string>> = {
  admin: 'admin@demo.example',
  'plan-owner': 'owner@demo.example',
  'commitment-lead': 'lead@demo.example',
  reviewer: 'reviewer@demo.example',
  viewer: 'viewer@demo.example',
  'other-organisation': 'other@demo.example',
};

describe('progress updates: one visibility rule on every channel', () => {
  const t = reviewedDemoAppForAllTests('2024-10-20');

  for (const role of ROLES) {
    it(`shows ${role} exactly what the rule allows, on every channel`, async () => {
      const browser = client(t.app);
      const email = ACCOUNT_OF[role];
      if (email) {
        const account = DEMO_ACCOUNTS.find((a) => a.email === email);
        const signIn = await browser.signIn(email, account?.password ?? '');
        expect(signIn.statusCode).toBe(303);
      }
      const problems: string[] = [];
      for (const channel of CHANNELS) {
        const response = await browser.get(channel.url(t.ids));
        const body = response.rawPayload;
        const text = response.statusCode === 200 ? (channel.text ? channel.text(body) : body.toString('utf8')) : '';
        const shouldSee = expected(channel, role);
        for (const marker of ALL) {
          const seen = text.includes(MARKERS[marker]);
          if (seen !== shouldSee.includes(marker)) {
            problems.push(`${channel.name} (${response.statusCode}): ${marker} ${seen ? 'shown but must not be' : 'missing'}`);
          }
        }
      }
      expect(problems).toEqual([]);
    }, 60_000);
  }
});
