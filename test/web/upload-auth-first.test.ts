// Uploads are refused before their body is read: a signed-out visitor is sent to sign in, and a viewer gets the
// 403 page, after at most the first chunk of a large upload — never after the whole of it.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_ORGANISATION } from '../../src/services/demo.ts';
import { listCommitments } from '../../src/store/commitments-repository.ts';
import { getPlan } from '../../src/store/plans-repository.ts';
import { findOrganisationByName } from '../../src/store/organisations-repository.ts';
import { seedStaticDemo } from '../support/static-demo.ts';
import { client, createTestApp, csrfFrom, type TestApp } from './support.ts';

const VIEWER = DEMO_ACCOUNTS.find((a) => a.email === 'viewer@demo.example')!;
const TOTAL = 40 * 1024 * 1024;
const CHUNK = 64 * 1024;
const BOUNDARY = 'x-upload-boundary';

/** A multipart body of TOTAL bytes made on demand, counting how much of it the server pulled. */
function largeUpload(csrf: string) {
  let sent = 0;
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="plan.txt"\r\nContent-Type: text/plain\r\n\r\n`,
  );
  const stream = new Readable({
    read() {
      if (sent === 0) {
        sent += head.length;
        this.push(head);
      } else if (sent < TOTAL) {
        sent += CHUNK;
        this.push(Buffer.alloc(CHUNK, 0x61));
      } else {
        this.push(Buffer.from(`\r\n--${BOUNDARY}--\r\n`));
        this.push(null);
      }
    },
  });
  return { stream, read: () => sent };
}

describe('uploads', () => {
  let t: TestApp;
  let orgId: number;
  let monitoringId: number;
  let milestoneId: number;
  let viewer: ReturnType<typeof client>;
  let viewerCsrf: string;

  beforeAll(async () => {
    t = await createTestApp({ DEMO: 'true' });
    const { planId } = await seedStaticDemo(t.store);
    orgId = (await findOrganisationByName(t.store.db, DEMO_ORGANISATION))!.id;
    const plan = (await getPlan(t.store.db, planId))!;
    const [first] = await listCommitments(t.store.db, planId);
    const detail = plan.commitments.find((c) => c.id === first!.id)!;
    monitoringId = detail.monitoring[0]!.id;
    milestoneId = detail.milestones[0]!.id;
    viewer = client(t.app);
    await viewer.signIn(VIEWER.email, VIEWER.password);
    viewerCsrf = csrfFrom((await viewer.get('/')).body);
  });
  afterAll(async () => t?.close());

  const urls = () => [`/organisations/${orgId}/import`, `/monitoring-items/${monitoringId}/evidence/new`, `/milestones/${milestoneId}/evidence/new`, `/milestones/${milestoneId}/done`];

  it('send a signed-out visitor to sign in without reading the upload', async () => {
    for (const url of urls()) {
      const upload = largeUpload('no-token');
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': String(TOTAL + 1024) },
        payload: upload.stream,
      });
      expect(res.statusCode, url).toBe(302);
      expect(res.headers.location, url).toMatch(/^\/sign-in/);
      expect(upload.read(), url).toBeLessThan(1024 * 1024);
      upload.stream.destroy();
    }
  });

  it('refuse a viewer (403) without reading the upload', async () => {
    for (const url of urls()) {
      const upload = largeUpload(viewerCsrf);
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: viewer.jar.header(), 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': String(TOTAL + 1024) },
        payload: upload.stream,
      });
      expect(res.statusCode, url).toBe(403);
      expect(upload.read(), url).toBeLessThan(1024 * 1024);
      upload.stream.destroy();
    }
  });
});
