import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listEvidence } from '../../src/store/monitoring-repository.ts';
import { safeFileName } from '../../src/services/evidence-files.ts';
import { inputValue, submitMultipart, trackingAppForAllTests, visibleText } from './commitment-setup.ts';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

describe('evidence', () => {
  const t = trackingAppForAllTests();

  const item = (i: number) => t.plan.commitments[0]!.monitoring[i]!;
  const formUrl = (i: number) => `/monitoring-items/${item(i).id}/evidence/new`;
  const dated = { 'date-day': '31', 'date-month': '7', 'date-year': '2019' };

  it('adds a note and a link to a monitoring item, shown on the commitment page', async () => {
    const owner = await t.as('owner@a.example');
    const res = await submitMultipart(t.app, owner, formUrl(1), formUrl(1), {
      ...dated, evidenceNote: 'Sent to CLG', evidenceLink: 'https://www.example.gov.uk/letter',
    });
    expect(res.statusCode).toBe(303);
    const page = await owner.get(`/commitments/${t.plan.commitments[0]!.id}`);
    expect(visibleText(page.body)).toContain('31 July 2019: Sent to CLG https://www.example.gov.uk/letter');
    expect(page.body).toContain('href="https://www.example.gov.uk/letter"');
  });

  it('accepts only http and https links, and asks for something', async () => {
    const owner = await t.as('owner@a.example');
    const bad = await submitMultipart(t.app, owner, formUrl(0), formUrl(0), { ...dated, evidenceLink: 'javascript:alert(1)', evidenceNote: 'kept' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<a href="#evidenceLink">Enter a link that starts with http:// or https://');
    expect(inputValue(bad.body, 'evidenceLink')).toBe('javascript:alert(1)');
    expect(bad.body).toContain('kept</textarea>');
    const nothing = await submitMultipart(t.app, owner, formUrl(0), formUrl(0), dated);
    expect(nothing.statusCode).toBe(400);
    expect(visibleText(nothing.body)).toContain('Enter a note, a link or choose a file as evidence');
    expect(await listEvidence(t.store.db, { monitoringItemId: item(0).id })).toEqual([]);
  });

  it('checks files by their content and extension, never by what the browser says', async () => {
    const owner = await t.as('owner@a.example');
    const cases = [
      { name: 'report.pdf', bytes: new TextEncoder().encode('not really a pdf'), type: 'application/pdf', message: 'The selected file is not a real PDF file' },
      { name: 'tool.exe', bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0x00]), type: 'application/pdf', message: 'The selected file must be a PDF, DOCX, XLSX, CSV, TXT, PNG or JPG' },
      { name: 'minutes.docx', bytes: PDF, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', message: 'not a real DOCX file' },
      { name: 'big.txt', bytes: new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61), type: 'text/plain', message: 'The selected file must be smaller than 10MB' },
    ];
    for (const c of cases) {
      const res = await submitMultipart(t.app, owner, formUrl(0), formUrl(0), dated, { field: 'evidenceFile', ...c });
      expect(res.statusCode, c.name).toBe(400);
      expect(visibleText(res.body), c.name).toContain(c.message);
      expect(res.body, c.name).toContain('href="#evidenceFile"');
    }
    expect(await listEvidence(t.store.db, { monitoringItemId: item(0).id })).toEqual([]);
  });

  it('stores a file outside the database and serves it only to members, as an attachment', async () => {
    const owner = await t.as('owner@a.example');
    const milestoneId = t.plan.commitments[0]!.milestones[0]!.id;
    const url = `/milestones/${milestoneId}/evidence/new`;
    const res = await submitMultipart(t.app, owner, url, url, dated, { field: 'evidenceFile', name: 'Chair’s appointment letter.pdf', bytes: PDF, type: 'text/html' });
    expect(res.statusCode).toBe(303);
    const [evidence] = await listEvidence(t.store.db, { milestoneId });
    const stored = readdirSync(join(t.dataDir, 'evidence'));
    expect(stored).toContain(evidence?.filePath);
    expect(readFileSync(join(t.dataDir, 'evidence', evidence!.filePath!))).toEqual(Buffer.from(PDF));

    const fileUrl = `/evidence/${evidence!.id}/file`;
    const viewer = await t.as('viewer@a.example');
    const download = await viewer.get(fileUrl);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload).toEqual(Buffer.from(PDF));
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Chair_s appointment letter.pdf"; filename*=UTF-8''Chair%E2%80%99s%20appointment%20letter.pdf`,
    );

    const outsider = await t.as('owner@b.example');
    expect((await outsider.get(fileUrl)).statusCode).toBe(404);
    const signedOut = await t.app.inject({ method: 'GET', url: fileUrl });
    expect(signedOut.statusCode).toBe(302);
    expect(signedOut.headers.location).toContain('/sign-in');
    expect((await viewer.get('/evidence/999999/file')).statusCode).toBe(404);
    // The download and the refusals are in the audit trail.
    const audited = await t.store.db.selectFrom('audit_events').select(['entity', 'entity_id', 'action', 'user_email', 'plan_id'])
      .where('entity', 'in', ['evidence', 'access']).orderBy('seq').execute();
    expect(audited).toEqual(expect.arrayContaining([
      { entity: 'evidence', entity_id: evidence!.id, action: 'download', user_email: 'viewer@a.example', plan_id: t.plan.id },
      expect.objectContaining({ entity: 'access', action: 'refused-404', user_email: 'owner@b.example' }),
    ]));
  });

  it('refuses the evidence forms to viewers, other leads and other organisations', async () => {
    const viewer = await t.as('viewer@a.example');
    expect((await viewer.get(formUrl(0))).statusCode).toBe(403);
    const refused = await submitMultipart(t.app, viewer, '/', formUrl(0), { ...dated, evidenceNote: 'by a viewer' });
    expect(refused.statusCode).toBe(403);
    const lead = await t.as('lead@a.example');
    expect((await lead.get(formUrl(0))).statusCode).toBe(200);
    const second = t.plan.commitments[1]!;
    expect((await lead.get(`/monitoring-items/${second.monitoring[0]!.id}/evidence/new`)).statusCode).toBe(403);
    expect((await lead.get(`/milestones/${second.milestones[0]!.id}/evidence/new`)).statusCode).toBe(403);
    const outsider = await t.as('owner@b.example');
    expect((await outsider.get(formUrl(0))).statusCode).toBe(404);
    expect(await listEvidence(t.store.db, { monitoringItemId: item(0).id })).toEqual([]);
  });

  it('keeps uploaded names inside the evidence folder', () => {
    expect(safeFileName('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(safeFileName('C:\\Users\\me\\..\\report.pdf')).toBe('report.pdf');
    expect(safeFileName('..pdf')).toBe('evidence.pdf');
    expect(safeFileName('a<b>:"c"|?.csv')).toBe('a-b-c-.csv');
  });
});
