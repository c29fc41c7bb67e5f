import { describe, expect, it } from 'vitest';
import { getKpi, listKpiReadings, listKpis } from '../../src/store/kpis-repository.ts';
import { checkedValue, inputValue, trackingAppForAllTests, visibleText } from './commitment-setup.ts';

describe('KPI pages', () => {
  const t = trackingAppForAllTests();

  const commitment = (n: number) => t.plan.commitments[n - 1]!;
  const kpiForm = {
    text: 'Women on the LEP Board',
    unit: '%',
    baseline: '20',
    target: '33',
    'targetDate-day': '31',
    'targetDate-month': '3',
    'targetDate-year': '2020',
    direction: 'higher',
  };

  it('adds a KPI, records readings and shows status, chart and table on the commitment page', async () => {
    const owner = await t.as('owner@a.example');
    const c = commitment(2);
    const newUrl = `/commitments/${c.id}/kpis/new`;
    const created = await owner.submit(newUrl, newUrl, kpiForm);
    expect(created.statusCode).toBe(303);
    const [kpi] = await listKpis(t.store.db, c.id);
    expect(kpi).toMatchObject({ text: 'Women on the LEP Board', unit: '%', baseline: 20, target: 33, targetDate: '2020-03-31', direction: 'higher' });

    const before = await owner.get(`/commitments/${c.id}`);
    expect(visibleText(before.body)).toContain('Women on the LEP Board (%) No data No readings yet');

    const readingUrl = `/kpis/${kpi!.id}/readings/new`;
    const reading = await owner.submit(readingUrl, readingUrl, {
      'date-day': '30', 'date-month': '6', 'date-year': '2019', value: '24', note: 'Two new members', source: 'Board report',
    });
    expect(reading.statusCode).toBe(303);
    expect(reading.headers.location).toBe(`/commitments/${c.id}?notice=reading-recorded#kpi-${kpi!.id}`);

    const after = await owner.get(`/commitments/${c.id}`);
    const text = visibleText(after.body);
    expect(text).toContain('Readings of Women on the LEP Board (%)');
    expect(text).toContain('30 Jun 2019 24');
    expect(text).toContain('Two new members Board report');
    expect(text).toContain('On track Latest 24 on 30 Jun 2019 is on trajectory');
    expect(after.body).toContain('aria-label="Women on the LEP Board (%): latest 24 on 30 Jun 2019, target 33 by 31 Mar 2020"');

    await owner.submit(readingUrl, readingUrl, { 'date-day': '31', 'date-month': '12', 'date-year': '2019', value: '23' });
    const later = await owner.get(`/commitments/${c.id}`);
    const laterText = visibleText(later.body);
    expect(laterText).toContain('30 Jun 2019 24');
    expect(laterText).toContain('31 Dec 2019 23');
    expect(laterText).toContain('Off track Latest 23 on 31 Dec 2019 is');
    expect(later.body).toContain('aria-label="Women on the LEP Board (%): latest 23 on 31 Dec 2019, target 33 by 31 Mar 2020"');
    // The page's CSP allows no inline styles: the chart carries none.
    const svg = /<svg role="img"[\s\S]*?<\/svg>/.exec(after.body)?.[0] ?? '';
    expect(svg).not.toBe('');
    expect(svg).not.toMatch(/style=|<style/);
  });

  it('rejects numbers and dates that are not, keeping what was typed and what was stored', async () => {
    const owner = await t.as('owner@a.example');
    const c = commitment(3);
    const [kpi] = t.plan.commitments[2]!.kpis;
    const url = `/kpis/${kpi!.id}/edit`;
    const res = await owner.submit(url, url, { ...kpiForm, text: 'Changed', baseline: 'about twenty', 'targetDate-day': '31', 'targetDate-month': '2' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<a href="#baseline">Baseline must be a number, like 40 or 12.5</a>');
    expect(res.body).toContain('<a href="#targetDate-day">Target date must be a real date</a>');
    expect(inputValue(res.body, 'baseline')).toBe('about twenty');
    expect(inputValue(res.body, 'unit')).toBe('%');
    expect(checkedValue(res.body, 'direction')).toBe('higher');
    expect(await getKpi(t.store.db, kpi!.id)).toEqual(kpi);
    expect(c.kpis.length).toBe(2);

    const target = await owner.submit(url, url, { ...kpiForm, 'targetDate-day': '', 'targetDate-month': '', 'targetDate-year': '' });
    expect(visibleText(target.body)).toContain('Enter the date the target should be met by');
  });

  it('edits a KPI imported as text so it can be measured', async () => {
    const lead = await t.as('lead@a.example');
    const [kpi] = commitment(1).kpis;
    const url = `/kpis/${kpi!.id}/edit`;
    const page = await lead.get(url);
    expect(inputValue(page.body, 'baseline')).toBe('');
    const res = await lead.submit(url, url, { ...kpiForm, text: kpi!.text, direction: 'lower' });
    expect(res.statusCode).toBe(303);
    expect(await getKpi(t.store.db, kpi!.id)).toMatchObject({ text: kpi!.text, baseline: 20, target: 33, direction: 'lower' });
  });

  it('refuses a reading without a value or from the future, storing nothing', async () => {
    const owner = await t.as('owner@a.example');
    const [kpi] = commitment(3).kpis;
    const url = `/kpis/${kpi!.id}/readings/new`;
    const next = String(new Date().getUTCFullYear() + 1);
    const res = await owner.submit(url, url, { 'date-day': '1', 'date-month': '1', 'date-year': next, value: '', note: 'typed note' });
    expect(res.statusCode).toBe(400);
    const text = visibleText(res.body);
    expect(text).toContain('Date of the reading must be today or in the past');
    expect(text).toContain('Enter the value');
    expect(res.body).toContain('typed note</textarea>');
    expect(await listKpiReadings(t.store.db, kpi!.id)).toEqual([]);
  });

  it('lets the lead change only their commitment’s KPIs and a viewer none', async () => {
    const lead = await t.as('lead@a.example');
    const [other] = commitment(3).kpis;
    expect((await lead.get(`/kpis/${other!.id}/edit`)).statusCode).toBe(403);
    expect((await lead.get(`/kpis/${other!.id}/readings/new`)).statusCode).toBe(403);
    expect((await lead.get(`/commitments/${commitment(3).id}/kpis/new`)).statusCode).toBe(403);
    const viewer = await t.as('viewer@a.example');
    const [own] = commitment(1).kpis;
    expect((await viewer.get(`/kpis/${own!.id}/readings/new`)).statusCode).toBe(403);
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await viewer.get('/')).body)?.[1] ?? '';
    const post = await viewer.post(`/kpis/${own!.id}/readings/new`, { _csrf: csrf, 'date-day': '1', 'date-month': '6', 'date-year': '2019', value: '5' });
    expect(post.statusCode).toBe(403);
    expect(await listKpiReadings(t.store.db, own!.id)).toEqual([]);
    const outsider = await t.as('owner@b.example');
    expect((await outsider.get(`/kpis/${own!.id}/edit`)).statusCode).toBe(404);
    expect((await outsider.get(`/commitments/${commitment(1).id}/kpis/new`)).statusCode).toBe(404);
  });
});
