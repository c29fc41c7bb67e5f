// Hostile uploads through the web page: one GOV.UK error message on the upload page, and a limit on how many files
// a user may upload in ten minutes (counted in the database, so it holds on every instance of the service).
import { describe, expect, it } from 'vitest';
import { addAccount } from '../../src/services/accounts.ts';
import { UPLOADS_PER_WINDOW } from '../../src/services/import-preview.ts';
import { findOrganisationByName } from '../../src/store/organisations-repository.ts';
import { findUserByEmail } from '../../src/store/users-repository.ts';
import { recordImportAttempt } from '../../src/store/import-attempts-repository.ts';
import { hostileFiles } from '../../bench/fuzz-cases.ts';
import { uploader } from './import-support.ts';
import { appForEachTest } from './support.ts';

const PASSWORD = 'import-limits-password';

describe('hostile uploads on the import page', () => {
  let orgId: number;
  const t = appForEachTest(async (fresh) => {
    await addAccount(fresh.store.db, { email: 'owner@a.example', name: 'Olive Owner', password: PASSWORD, organisation: 'Org A', role: 'plan-owner' });
    orgId = (await findOrganisationByName(fresh.store.db, 'Org A'))!.id;
  });

  it('shows one clear error for a zip bomb, and the service carries on', async () => {
    const bomb = (await hostileFiles()).find((f) => f.name.startsWith('zip bomb'))!;
    const owner = uploader(t.app);
    await owner.signIn('owner@a.example', PASSWORD);
    const res = await owner.upload(orgId, { name: bomb.fileName, bytes: bomb.bytes });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('This file is too large or complex to import');
    expect((await owner.get(`/organisations/${orgId}/import`)).statusCode).toBe(200);
  }, 60_000);

  it(`refuses an upload over ${UPLOADS_PER_WINDOW} in ten minutes, before reading it`, async () => {
    const user = await findUserByEmail(t.store.db, 'owner@a.example');
    const now = new Date();
    for (let i = 0; i < UPLOADS_PER_WINDOW; i += 1) {
      await recordImportAttempt(t.store.db, user!.id, new Date(now.getTime() - i * 30_000).toISOString(), '2000-01-01T00:00:00Z');
    }
    const owner = uploader(t.app);
    await owner.signIn('owner@a.example', PASSWORD);
    const res = await owner.upload(orgId, { name: 'plan.txt', bytes: new TextEncoder().encode('Summary\tMilestones\n') });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain(`You have uploaded ${UPLOADS_PER_WINDOW} files in the last 10 minutes`);
  });
});
