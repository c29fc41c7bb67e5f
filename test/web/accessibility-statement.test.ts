import { describe, expect, it } from 'vitest';
import { appForEachTest, client } from './support.ts';

describe('the accessibility statement', () => {
  const t = appForEachTest();

  it('is public and follows the GOV.UK model statement', async () => {
    const res = await client(t.app).get('/accessibility');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1 class="govuk-heading-l">Accessibility statement for Improvement Tracker</h1>');
    for (const heading of [
      'How accessible this service is',
      'Feedback and contact information',
      'Reporting accessibility problems with this service',
      'Enforcement procedure',
      'Technical information about this service’s accessibility',
      'Compliance status',
      'Non-accessible content',
      'What we’re doing to improve accessibility',
      'Preparation of this accessibility statement',
    ]) {
      expect(res.body).toContain(heading);
    }
    expect(res.body).toContain('partially compliant');
    expect(res.body).toContain('Web Content Accessibility Guidelines version 2.2');
  });
});
