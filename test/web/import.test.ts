// The web import journey: upload → preview → confirm, with app.inject and multipart bodies built by hand.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount } from '../../src/services/accounts.ts';
import { uploadPlan } from '../../src/services/import-preview.ts';
import { findOrganisationByName } from '../../src/store/organisations-repository.ts';
import { getPlan, listPlans } from '../../src/store/plans-repository.ts';
import { PLAN_DOCX, PLAN_TXT } from '../fixtures/plans/fixture-files.ts';
import { storedDataRowCounts, tableRowCounts } from '../support/row-counts.ts';
import { createTestApp, csrfFrom, type TestApp } from './support.ts';
import { uploader, type FilePart } from './import-support.ts';

const PASSWORD = 'import-test-password';
const TYPO_MILESTONE = 'Skills audit of employers reported to the Board on 14 October 2012';

// Our fixture plan (Harrowden Growth Partnership 2021/22) as Word's text export and as the Word document.
const seedTxt = (): FilePart => ({ name: 'harrowden-2021-22.txt', bytes: readFileSync(PLAN_TXT), type: 'text/plain' });
const seedDocx = (): FilePart => ({
  name: 'harrowden-2021-22.docx',
  bytes: readFileSync(PLAN_DOCX),
  type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
});

/** The commitment headings of a preview page: "1. We will provide…". */
function commitmentHeadings(html: string): string[] {
  return [...html.matchAll(/<h2 class="govuk-heading-m" id="commitment-\d+-heading">([^<]*)<\/h2>/g)].map((m) => m[1] ?? '');
}

describe('importing a plan through the web pages', () => {
  let t: TestApp;
  let orgId: number;

  async function signedIn(email: string) {
    const browser = uploader(t.app);
    const res = await browser.signIn(email, PASSWORD);
    expect(res.statusCode, `sign in as ${email}`).toBe(303);
    return browser;
  }

  beforeEach(async () => {
    t = await createTestApp({ IMPORT_MAX_BYTES: String(200 * 1024) });
    const db = t.store.db;
    await addAccount(db, { email: 'owner@a.example', name: 'Olive Owner', password: PASSWORD, organisation: 'Org A', role: 'plan-owner' });
    await addAccount(db, { email: 'viewer@a.example', name: 'Vic Viewer', password: PASSWORD, organisation: 'Org A', role: 'viewer' });
    await addAccount(db, { email: 'owner@b.example', name: 'Bea Owner', password: PASSWORD, organisation: 'Org B', role: 'plan-owner' });
    orgId = (await findOrganisationByName(db, 'Org A'))!.id;
  });
  afterEach(async () => t.close());

  it('offers the plan owner "Import a plan" on the home page, and the upload form with the formats and columns', async () => {
    const owner = await signedIn('owner@a.example');
    expect((await owner.get('/')).body).toContain(`href="/organisations/${orgId}/import"`);
    const page = await owner.get(`/organisations/${orgId}/import`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).toContain('accept=".docx,.txt,.xlsx,.csv"');
    expect(page.body).toContain('Word document (.docx), text file (.txt), Excel workbook (.xlsx) or CSV file (.csv), and 200 KB or smaller');
    for (const column of ['Improvement summary', 'Milestones', 'Monitoring process', 'Area Lead progress update']) {
      expect(page.body).toContain(column);
    }
  });

  it.each([
    ['text', seedTxt],
    ['Word', seedDocx],
  ])('previews the fixture %s file: 7 commitments, the dates as read and the warnings, storing no plan', async (_kind, file) => {
    const owner = await signedIn('owner@a.example');
    const uploaded = await owner.upload(orgId, file());
    expect(uploaded.statusCode).toBe(303);
    expect(uploaded.headers.location).toMatch(new RegExp(`^/organisations/${orgId}/import/[A-Za-z0-9_-]{22}$`));
    expect(await listPlans(t.store.db, orgId)).toEqual([]);

    const preview = await owner.get(String(uploaded.headers.location));
    expect(preview.statusCode).toBe(200);
    const html = preview.body;
    const headings = commitmentHeadings(html);
    expect(headings).toHaveLength(7);
    expect(headings[0]).toBe('1. We will give the Partnership stable, accountable and diverse leadership');
    expect(html).toContain('1 April 2021 to 31 March 2022');
    // The warning at the top names the commitment and the text, and its milestone is tagged in the table.
    expect(html).toMatch(/<a class="govuk-link" href="#commitment-5">Commitment 5<\/a>:\s*“[^”]*14 October 2012/);
    expect(html).toContain('more than 6 months before the plan period begins');
    expect(html).toMatch(new RegExp(`${TYPO_MILESTONE}</td>\\s*<td[^>]*>\\s*14 October 2012\\s*<br><strong class="govuk-tag govuk-tag--yellow[^"]*">\\s*Check date`));
    // One tag for each milestone warned about: the weekday, the typo year, the TBC and the misspelt month.
    expect(html.match(/Check date/g)).toHaveLength(4);
    // Dates as read beside the text as written.
    expect(html).toMatch(/Appointment of a permanent Chair by April\/May 2021<\/td>\s*<td[^>]*>\s*1 April 2021 to 31 May 2021\s*<\/td>/);
    expect(html).toMatch(/Workshop 1 – Wednesday 19th May<\/td>\s*<td[^>]*>\s*19 May 2021\s*<br><strong class="govuk-tag govuk-tag--grey[^"]*">\s*Year assumed/);
    expect(html).toMatch(/<td[^>]*>\s*Quarterly \(recurring\)\s*<\/td>/);
    expect(html).toMatch(/Appraisal of Board members by the Chair<\/td>\s*<td[^>]*>\s*No date\s*<\/td>/);
    expect(html).toContain('Confirm and create plan');
    expect(html).toContain(`href="/organisations/${orgId}/import">Upload a different file</a>`);
  });

  it('creates the previewed plan on confirmation, with an audit event, and shows it with a success banner', async () => {
    const owner = await signedIn('owner@a.example');
    const previewUrl = String((await owner.upload(orgId, seedDocx())).headers.location);
    const preview = await owner.get(previewUrl);
    const confirmed = await owner.postForm(previewUrl, { _csrf: csrfFrom(preview.body) });
    expect(confirmed.statusCode).toBe(303);
    const planId = Number(/^\/plans\/(\d+)\?imported=1$/.exec(String(confirmed.headers.location))?.[1]);

    const plan = await getPlan(t.store.db, planId);
    expect(plan?.organisationId).toBe(orgId);
    expect(plan?.commitments).toHaveLength(7);
    expect(plan?.sourceName).toBe('harrowden-2021-22.docx');
    expect(plan?.period).toEqual({ from: '2021-04-01', to: '2022-03-31' });
    const audit = await t.store.db.selectFrom('audit_events').selectAll().where('entity', '=', 'plan').where('action', '=', 'import').execute();
    expect(audit.map((a) => [a.entity_id, a.organisation_id])).toEqual([[planId, orgId]]);

    const page = await owner.get(String(confirmed.headers.location));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('govuk-notification-banner--success');
    expect(page.body).toContain('was imported from harrowden-2021-22.docx with 7 commitments');

    // Confirming the same upload again (back button, double submit) creates nothing more.
    const again = await owner.postForm(previewUrl, { _csrf: csrfFrom(preview.body) });
    expect(again.statusCode).toBe(404);
    expect(again.body).toContain('This upload has expired or has already been used');
    expect(await listPlans(t.store.db, orgId)).toHaveLength(1);
  });

  it.each([
    ['no file chosen', null, 'Select a file to import'],
    ['an empty file', { name: 'plan.docx', bytes: new Uint8Array() }, 'The file is empty'],
    ['a PDF', { name: 'plan.pdf', bytes: new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj\n%%EOF\n')) }, 'This is a PDF file, which cannot be imported'],
    ['an encrypted or old-style Office file', { name: 'plan.docx', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]) }, 'password-protected (encrypted)'],
    ['a damaged Word file', { name: 'plan.docx', bytes: new Uint8Array(Buffer.from('PK\u0003\u0004 not really a zip')) }, 'it is damaged or incomplete'],
    ['text with no table', { name: 'plan.txt', bytes: new Uint8Array(Buffer.from('Minutes of the meeting\nNothing to import here.\n')) }, 'has no table in it'],
    ['a file over the size limit', { name: 'plan.txt', bytes: new Uint8Array(300 * 1024).fill(0x61) }, 'The selected file must be 200 KB or smaller'],
  ])('refuses %s with the reason on the upload page, storing nothing', async (_what, file, message) => {
    const owner = await signedIn('owner@a.example');
    const before = await storedDataRowCounts(t.store);
    const attemptsBefore = (await tableRowCounts(t.store)).import_attempts ?? 0;
    const res = await owner.upload(orgId, file);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toMatch(new RegExp(`<a href="#file">[^<]*${message.replace(/[()]/g, '\\$&')}`));
    expect(res.body).toMatch(new RegExp(`<p id="file-error" class="govuk-error-message">\\s*<span class="govuk-visually-hidden">Error:</span>[^<]*${message.replace(/[()]/g, '\\$&')}`));
    expect(res.body).toContain('<title>Error: Import a plan');
    expect(await storedDataRowCounts(t.store)).toEqual(before);
    // A file that was read counts towards the owner's uploads in the last ten minutes, even when refused; no file,
    // or one too large to read, does not.
    const read = file !== null && file.bytes.length <= 200 * 1024;
    expect((await tableRowCounts(t.store)).import_attempts).toBe(attemptsBefore + (read ? 1 : 0));
  });

  it('refuses an upload without the CSRF token, storing nothing', async () => {
    const owner = await signedIn('owner@a.example');
    const before = await storedDataRowCounts(t.store);
    const res = await owner.postFile(`/organisations/${orgId}/import`, {}, seedTxt());
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Your form could not be sent');
    const wrong = await owner.postFile(`/organisations/${orgId}/import`, { _csrf: 'x'.repeat(43) }, seedTxt());
    expect(wrong.statusCode).toBe(403);
    expect(await storedDataRowCounts(t.store)).toEqual(before);
  });

  it('refuses a confirmation without the CSRF token, creating no plan', async () => {
    const owner = await signedIn('owner@a.example');
    const previewUrl = String((await owner.upload(orgId, seedTxt())).headers.location);
    const res = await owner.postForm(previewUrl, {});
    expect(res.statusCode).toBe(403);
    expect(await listPlans(t.store.db, orgId)).toEqual([]);
    expect((await owner.get(previewUrl)).statusCode).toBe(200);
  });

  it('refuses a viewer of the organisation (403) and a member of another organisation (404)', async () => {
    const viewer = await signedIn('viewer@a.example');
    const other = await signedIn('owner@b.example');
    const before = await tableRowCounts(t.store);
    expect((await viewer.get('/')).body).not.toContain('/import"');
    const page = await viewer.get(`/organisations/${orgId}/import`);
    expect(page.statusCode).toBe(403);
    // The one access check answers for the organisation: the refusal says who may import.
    expect(page.body).toContain('Only a plan owner or an admin of the organisation can import plans');
    const upload = await viewer.postFile(`/organisations/${orgId}/import`, { _csrf: csrfFrom(page.body) }, seedTxt());
    expect(upload.statusCode).toBe(403);

    const otherPage = await other.get(`/organisations/${orgId}/import`);
    expect(otherPage.statusCode).toBe(404);
    const otherUpload = await other.postFile(`/organisations/${orgId}/import`, { _csrf: csrfFrom(otherPage.body) }, seedTxt());
    expect(otherUpload.statusCode).toBe(404);
    expect((await other.get('/organisations/999999/import')).statusCode).toBe(404);
    // Nothing stored but the audit trail's record of each refusal.
    const after = await tableRowCounts(t.store);
    expect({ ...after, audit_events: before.audit_events }).toEqual(before);
    expect(after.audit_events).toBe((before.audit_events ?? 0) + 5);
  });

  it('sends a signed-out visitor to sign in', async () => {
    const res = await uploader(t.app).get(`/organisations/${orgId}/import`);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`/sign-in?returnTo=${encodeURIComponent(`/organisations/${orgId}/import`)}`);
  });

  it('keeps an upload to its uploader: another plan owner of the organisation can neither see nor confirm it', async () => {
    await addAccount(t.store.db, { email: 'owner2@a.example', name: 'Otto Owner', password: PASSWORD, organisation: 'Org A', role: 'plan-owner' });
    const owner = await signedIn('owner@a.example');
    const previewUrl = String((await owner.upload(orgId, seedTxt())).headers.location);
    const colleague = await signedIn('owner2@a.example');
    const seen = await colleague.get(previewUrl);
    expect(seen.statusCode).toBe(404);
    expect(seen.body).not.toContain('diverse leadership');
    expect((await colleague.postForm(previewUrl, { _csrf: csrfFrom(seen.body) })).statusCode).toBe(404);
    expect(await listPlans(t.store.db, orgId)).toEqual([]);
  });

  it('says an expired upload has expired, and creates nothing from it', async () => {
    const owner = await signedIn('owner@a.example');
    const userId = (await t.store.db.selectFrom('users').select('id').where('email', '=', 'owner@a.example').executeTakeFirstOrThrow()).id;
    const threeHoursAgo = new Date(Date.now() - 3 * 3_600_000);
    const draftId = await uploadPlan(
      t.store.db,
      { organisationId: orgId, userId, fileName: 'old.txt', bytes: readFileSync(PLAN_TXT), maxBytes: 1024 * 1024 },
      threeHoursAgo,
    );
    const url = `/organisations/${orgId}/import/${draftId}`;
    const preview = await owner.get(url);
    expect(preview.statusCode).toBe(404);
    expect(preview.body).toContain('This upload has expired or has already been used, so no plan was created from it');
    const confirm = await owner.postForm(url, { _csrf: csrfFrom(preview.body) });
    expect(confirm.statusCode).toBe(404);
    expect(confirm.body).toContain('Upload the file again');
    expect(await listPlans(t.store.db, orgId)).toEqual([]);
    expect((await owner.get(`/organisations/${orgId}/import/not-a-draft-id`)).statusCode).toBe(404);
  });
});
