// The service is not on GOV.UK, so it must not look as if it were: no GOV.UK logotype, no crown, no Crown copyright,
// no GDS Transport. Its header names the organisation that runs it and the service; its footer links to the
// accessibility statement.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_NAME, DEMO_OPERATOR_NAME, loadConfig } from '../../src/config.ts';
import { DEMO_ORGANISATION } from '../../src/services/demo.ts';
import { setPlanPublished } from '../../src/services/publishing.ts';
import { SYSTEM_FONT_STACK, withSystemFont } from '../../src/web/plugins/frontend-styles.ts';
import { appsClosedAfterEachTest, client } from './support.ts';
import { PASSWORD, seedPlanWithInternals } from './public-plan-seed.ts';

/** Marks of GOV.UK's own brand that GOV.UK Frontend would otherwise put on a page. */
const GOVUK_BRAND = [
  ['the GOV.UK logotype', /govuk-header__logotype|aria-label="GOV\.UK"|<title>GOV\.UK<\/title>|govuk-logo-dot/],
  ['the crown', /govuk-footer__crown|<circle cx="20" cy="17\.6" r="3\.7"\/>|govuk-crest|govuk-icon-mask|govuk-icon-180/],
  ['Crown copyright', /Crown copyright|crown-copyright/i],
  ['the Open Government Licence', /Open Government Licence|govuk-footer__licence-logo/],
  ['the GOV.UK favicon', /images\/favicon\.(ico|svg)/],
  ['GDS Transport', /GDS Transport/],
] as const;

function expectNoGovukBrand(html: string, page: string): void {
  for (const [what, pattern] of GOVUK_BRAND) expect(html, `${what} on ${page}`).not.toMatch(pattern);
}

/** The text of the first element with this class (tags removed, spaces collapsed). */
function textOf(html: string, className: string): string {
  const start = html.indexOf(`class="${className}`);
  if (start < 0) return '';
  const open = html.indexOf('>', start) + 1;
  const tag = /^<?\s*(\w+)/.exec(html.slice(html.lastIndexOf('<', start)))?.[1] ?? 'div';
  const close = html.indexOf(`</${tag}>`, open);
  return html.slice(open, close).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

describe('branding: not GOV.UK', () => {
  const startApp = appsClosedAfterEachTest();

  it('names the operator in the header and the service in the service navigation and the title, with no GOV.UK brand', async () => {
    const t = await startApp({ SERVICE_NAME: 'Plan Tracker', OPERATOR_NAME: 'Northshire Combined Authority', OPERATOR_URL: 'https://www.northshire.example' });
    const seeded = await seedPlanWithInternals(t.store.db);
    const anonymous = client(t.app);
    const owner = client(t.app);
    await owner.signIn(seeded.owner.email, PASSWORD);
    await setPlanPublished(t.store.db, seeded.owner, seeded.plan.id, true);

    const pages = {
      'the sign-in page': await anonymous.get('/sign-in'),
      'a page not found': await anonymous.get('/no-such-page'),
      'the public page': await anonymous.get(`/public/plans/${seeded.plan.id}`),
      'the public page not found': await anonymous.get('/public/plans/999999'),
      'the home page': await owner.get('/'),
      'the plan overview': await owner.get(`/plans/${seeded.plan.id}`),
      'a page not found, signed in': await owner.get('/no-such-page'),
    };
    for (const [name, res] of Object.entries(pages)) {
      const html = res.body;
      expectNoGovukBrand(html, name);
      expect(textOf(html, 'govuk-generic-header__homepage-link'), name).toBe('Northshire Combined Authority');
      expect(html, name).toContain('href="https://www.northshire.example" class="govuk-generic-header__homepage-link"');
      expect(textOf(html, 'govuk-service-navigation__service-name'), name).toBe('Plan Tracker');
      expect(html, name).toMatch(/<title>[^<]* - Plan Tracker<\/title>/);
      expect(textOf(html, 'govuk-footer__meta-custom'), name).toBe('Plan Tracker is run by Northshire Combined Authority.');
      expect(html, name).toContain('<a class="govuk-footer__link" href="/accessibility">Accessibility statement</a>');
      expect(html, name).toMatch(/<footer class="govuk-template__footer/);
      expect(html, name).toContain('<link rel="icon" sizes="any" href="/public/favicon.svg" type="image/svg+xml">');
    }
    expect(pages['the home page'].body).toContain('Sign out');
    expect(pages['the public page'].body).not.toContain('Sign out');
  });

  it('defaults to "Improvement Tracker", run by the demo council in demo mode and by a name asking to be set otherwise', async () => {
    expect(loadConfig({}).serviceName).toBe(DEFAULT_SERVICE_NAME);
    expect(DEFAULT_SERVICE_NAME).toBe('Improvement Tracker');
    expect(DEMO_OPERATOR_NAME).toBe(DEMO_ORGANISATION);
    expect(loadConfig({ DEMO: 'true' }).operatorName).toBe(DEMO_ORGANISATION);
    expect(loadConfig({}).operatorName).toBe('Your organisation');
    expect(loadConfig({ DEMO: 'false' }).operatorName).toBe('Your organisation');
    expect(loadConfig({ DEMO: 'false', OPERATOR_NAME: '  Fenbridge  ' }).operatorName).toBe('Fenbridge');
    expect(loadConfig({}).operatorUrl).toBe('/');

    const t = await startApp();
    const html = (await client(t.app).get('/sign-in')).body;
    expectNoGovukBrand(html, 'the sign-in page');
    expect(textOf(html, 'govuk-service-navigation__service-name')).toBe('Improvement Tracker');
    expect(textOf(html, 'govuk-generic-header__homepage-link')).toBe('Your organisation');
    expect(html).toContain('href="/" class="govuk-generic-header__homepage-link"');
  });

  it('serves GOV.UK Frontend’s styles with a system font, and not the GDS Transport font files or GOV.UK’s icons', async () => {
    const t = await startApp();
    for (const path of ['/assets/govuk-frontend.min.css', '/assets/moj-frontend.min.css']) {
      const res = await t.app.inject(path);
      expect(res.statusCode, path).toBe(200);
      expect(res.headers['content-type'], path).toBe('text/css; charset=utf-8');
      expect(res.body, path).not.toContain('GDS Transport');
      expect(res.body, path).not.toContain('/assets/fonts/');
      expect(res.body, path).toContain(`font-family:${SYSTEM_FONT_STACK}`);
      const again = await t.app.inject({ url: path, headers: { 'if-none-match': String(res.headers.etag) } });
      expect(again.statusCode, path).toBe(304);
    }
    // Styles of the components still arrive (the header, service navigation and footer this service uses).
    const css = (await t.app.inject('/assets/govuk-frontend.min.css')).body;
    for (const rule of ['.govuk-generic-header{', '.govuk-service-navigation{', '.govuk-footer{']) expect(css).toContain(rule);
    for (const path of ['/assets/fonts/bold-b542beb274-v2.woff2', '/assets/fonts/light-f591b13f7d-v2.woff', '/assets/images/favicon.ico',
      '/assets/images/govuk-crest.svg', '/assets/images/govuk-icon-180.png', '/assets/manifest.json']) {
      expect((await t.app.inject(path)).statusCode, path).toBe(404);
    }
    expect((await t.app.inject('/public/favicon.svg')).statusCode).toBe(200);
  });

  it('takes GDS Transport out of any stylesheet: its font faces, licence note and every font-family naming it', () => {
    const css = '/*! Copyright (c) 2011 by Margaret Calvert & Henrik Kubel. The font has been customised for exclusive use on gov.uk. */'
      + '@font-face{font-family:GDS Transport;src:url(/assets/fonts/light.woff2) format("woff2")}'
      + '/*! keep me */.a{font-family:GDS Transport,arial,sans-serif}.b{font-family:"GDS Transport", Arial}@media print{.a{font-family:sans-serif}}'
      + '\n/*# sourceMappingURL=x.css.map */\n';
    expect(withSystemFont(css)).toBe(
      `/*! keep me */.a{font-family:${SYSTEM_FONT_STACK}}.b{font-family:${SYSTEM_FONT_STACK}}@media print{.a{font-family:sans-serif}}`,
    );
  });
});
