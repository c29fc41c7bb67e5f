// The portfolio roll-up page and its CSV, through the app as a browser uses it (no JavaScript).
import { describe, expect, it } from 'vitest';
import { client } from '../web/support.ts';
import { usePortfolioApp } from './app.ts';
import { PASSWORD } from './seed.ts';

const portfolio = usePortfolioApp();

async function reviewer() {
  const browser = client(portfolio.app);
  const signedIn = await browser.signIn(portfolio.seeded.reviewerEmail, PASSWORD);
  expect([302, 303]).toContain(signedIn.statusCode);
  return browser;
}

/** The grid row (a <tr>) that names the organisation. */
function rowOf(html: string, organisation: string): string {
  const rows = html.split('<tr class="govuk-table__row">').slice(1);
  const row = rows.find((r) => r.includes(organisation));
  if (!row) throw new Error(`no row for ${organisation}`);
  return row.split('</tr>')[0] ?? '';
}

/** The organisations in the grid, top to bottom. */
function gridOrder(html: string): string[] {
  return [...html.matchAll(/<th scope="row" class="govuk-table__header">\s*<a class="govuk-link" href="\/plans\/\d+">([^<]+)<\/a>/g)].map((m) => m[1] ?? '');
}

describe('portfolio roll-up', () => {
  it('shows every organisation the user reviews or administers, and says why', async () => {
    const page = await (await reviewer()).get('/portfolio');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('every organisation where you are a reviewer or an admin');
    expect(page.body).toContain('Whitcombe Borough Council');
    expect(page.body).toContain('Brackmere District Council');
    // A viewer's organisation is not in the portfolio, nor any of its ratings.
    expect(page.body).not.toContain('Caldwick City Council');
  });

  it('is linked from the header navigation of a user who has a portfolio', async () => {
    const home = await (await reviewer()).get('/');
    expect(home.body).toContain('<a class="govuk-service-navigation__link" href="/portfolio"');
  });

  it('defaults to the latest period that has ended and lists the periods the plans have', async () => {
    const page = await (await reviewer()).get('/portfolio');
    expect(page.body).toMatch(/<option value="2026\/27 Q2" selected>2026\/27 Q2<\/option>/);
    expect(page.body).toContain('<option value="2026/27 Q1">2026/27 Q1</option>');
    expect(page.body).toContain('2026/27 Q3 (not ended)');
    expect(page.body).toContain('As at 1 December 2026');
  });

  it('shows signed-off ratings as solid tags, submitted ones as "not yet signed off", drafts never', async () => {
    const page = await (await reviewer()).get('/portfolio');
    const row = rowOf(page.body, 'Whitcombe Borough Council');
    const cells = row.split('<td class="govuk-table__cell">').slice(1);
    expect(cells).toHaveLength(3);
    expect(cells[0]).toContain('<strong class="govuk-tag govuk-tag--red"');
    expect(cells[0]).toContain('>Red</strong>');
    expect(cells[0]).not.toContain('not yet signed off');
    expect(cells[1]).not.toContain('govuk-tag');
    expect(cells[1]).toContain('Green</strong>');
    expect(cells[1]).toContain('not yet signed off');
    // Commitment 3 has only a draft (rated blue) in Q2: the grid shows no rating, never the draft's.
    expect(cells[2]).toContain('No rating');
    expect(cells[2]).not.toContain('Blue');
  });

  it('marks what changed since the last period, per cell and in counts', async () => {
    const page = await (await reviewer()).get('/portfolio');
    const row = rowOf(page.body, 'Whitcombe Borough Council');
    const cells = row.split('<td class="govuk-table__cell">').slice(1);
    expect(cells[0]).toContain('Worse, New red');
    expect(cells[1]).toContain('Better');
    expect(row).toContain('1 red · 1 better · 1 worse · 1 new red · 1 overdue · 1 outstanding');
    expect(rowOf(page.body, 'Brackmere District Council')).toContain('0 red · 0 better · 0 worse · 0 new red · 0 overdue · 0 outstanding');
    expect(page.body).toContain('1 better, 1 worse, 1 new red');
  });

  it('drills down from each row to the plan', async () => {
    const page = await (await reviewer()).get('/portfolio');
    expect(rowOf(page.body, 'Whitcombe Borough Council')).toContain(`href="/plans/${portfolio.seeded.whitcombe.planId}"`);
    expect(rowOf(page.body, 'Brackmere District Council')).toContain(`href="/plans/${portfolio.seeded.brackmere.planId}"`);
  });

  it('filters and sorts with a GET form that works without JavaScript', async () => {
    const browser = await reviewer();
    const page = await browser.get('/portfolio');
    expect(page.body).toContain('<form method="get" action="/portfolio"');
    expect(gridOrder(page.body)).toEqual(['Brackmere District Council', 'Whitcombe Borough Council']);
    expect(gridOrder((await browser.get('/portfolio?sort=reds')).body)).toEqual(['Whitcombe Borough Council', 'Brackmere District Council']);
    expect(gridOrder((await browser.get('/portfolio?sort=overdue')).body)).toEqual(['Whitcombe Borough Council', 'Brackmere District Council']);
    expect(gridOrder((await browser.get('/portfolio?reds=yes')).body)).toEqual(['Whitcombe Borough Council']);
    expect(gridOrder((await browser.get('/portfolio?worsened=yes')).body)).toEqual(['Whitcombe Borough Council']);
    expect(gridOrder((await browser.get('/portfolio?name=BRACK')).body)).toEqual(['Brackmere District Council']);
    const none = await browser.get('/portfolio?name=nowhere');
    expect(none.body).toContain('No organisation matches these filters');
    // The form keeps what was chosen.
    const chosen = await browser.get('/portfolio?reds=yes&sort=reds&name=whit');
    expect(chosen.body).toMatch(/name="reds" type="checkbox" value="yes" checked/);
    expect(chosen.body).toMatch(/<option value="reds" selected>/);
    expect(chosen.body).toContain('value="whit"');
  });

  it('shows another period when asked, comparing with the one before it', async () => {
    const page = await (await reviewer()).get(`/portfolio?period=${encodeURIComponent('2026/27 Q1')}`);
    const cells = rowOf(page.body, 'Whitcombe Borough Council').split('<td class="govuk-table__cell">').slice(1);
    expect(cells[0]).toContain('govuk-tag--green');
    expect(cells[2]).toContain('govuk-tag--red');
    // Nothing before Q1: no changes.
    expect(page.body).toContain('0 better, 0 worse, 0 new red');
  });

  it('downloads the grid as CSV with the same query, formula cells neutralised', async () => {
    const browser = await reviewer();
    const page = await browser.get('/portfolio?sort=reds');
    expect(page.body).toContain('href="/portfolio.csv?sort=reds"');
    const csv = await browser.get('/portfolio.csv?sort=reds');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('portfolio-2026-27-q2.csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe(
      'Organisation,Plan,Review period,Commitment 1,Commitment 2,Commitment 3,Commitment 1 change,Commitment 2 change,Commitment 3 change,Reds,Better,Worse,New reds,Overdue milestones,Updates outstanding,As at',
    );
    expect(lines[1]).toBe(
      'Whitcombe Borough Council,Whitcombe improvement plan 2026/27,2026/27 Q2,Red,Green (not yet signed off),No rating,"Worse, New red",Better,,1,1,1,1,1,1,2026-12-01',
    );
    expect(lines[2]).toBe("Brackmere District Council,'=SUM(1+1) Brackmere plan,2026/27 Q2,Green,Amber,,,,,0,0,0,0,0,0,2026-12-01");
    expect(lines).toHaveLength(3);
    const filtered = await browser.get('/portfolio.csv?name=brack');
    expect(filtered.body.trim().split('\r\n')).toHaveLength(2);
  });

  it('gives a viewer of one organisation, who covers none, a helpful empty state and no portfolio link', async () => {
    const browser = await portfolio.as(portfolio.seeded.viewerEmail);
    const page = await browser.get('/portfolio');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('You do not cover any organisations yet.');
    expect(page.body).toContain('where you are a reviewer or an admin');
    expect(page.body).not.toContain('Caldwick City Council');
    const home = await browser.get('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).not.toContain('href="/portfolio"');
    const csv = await browser.get('/portfolio.csv');
    expect(csv.body.trim().split('\r\n')).toHaveLength(1);
  });

  it('sends a signed-out visitor to sign in', async () => {
    const page = await client(portfolio.app).get('/portfolio');
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe(`/sign-in?returnTo=${encodeURIComponent('/portfolio')}`);
  });
});
