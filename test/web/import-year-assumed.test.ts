// The import preview marks a date whose year was not written ("Wednesday 18th September") and was taken from the
// plan period, so the plan owner checks it before creating the plan.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addAccount } from '../../src/services/accounts.ts';
import { findOrganisationByName } from '../../src/store/organisations-repository.ts';
import { appForEachTest } from './support.ts';
import { uploader } from './import-support.ts';

const PASSWORD = 'year-assumed-test-password';
const DEMO_PLAN = fileURLToPath(new URL('../../demo/plan-2024-25.txt', import.meta.url));

/** The "read as" cell of the preview row whose milestone text is `text`. */
function readAsCell(html: string, text: string): string {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, '&#39;');
  const row = new RegExp(`<td class="govuk-table__cell">${escaped}</td>\\s*<td class="govuk-table__cell">([\\s\\S]*?)</td>`).exec(html);
  if (!row) throw new Error(`no preview row for ${text}`);
  return row[1] ?? '';
}

describe('the import preview', () => {
  const t = appForEachTest(async (fresh) => {
    await addAccount(fresh.store.db, { email: 'owner@c.example', name: 'Cara Owner', password: PASSWORD, organisation: 'Org C', role: 'plan-owner' });
  });

  it('marks "year assumed" on a date written without its year, and only there', async () => {
    const owner = uploader(t.app);
    expect((await owner.signIn('owner@c.example', PASSWORD)).statusCode).toBe(303);
    const orgId = (await findOrganisationByName(t.store.db, 'Org C'))!.id;
    const sent = await owner.upload(orgId, { name: 'plan.txt', bytes: readFileSync(DEMO_PLAN), type: 'text/plain' });
    const preview = await owner.get(sent.headers.location as string);
    expect(preview.statusCode).toBe(200);

    const weekday = readAsCell(preview.body, 'Independent review of the council\'s governance – Wednesday 18th September');
    expect(weekday).toContain('18 September 2024');
    expect(weekday).toContain('Year assumed');
    const written = readAsCell(preview.body, 'Improvement board terms of reference agreed 15 May 2024');
    expect(written).toContain('15 May 2024');
    expect(written).not.toContain('Year assumed');
  });
});
