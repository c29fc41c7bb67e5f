// The exception report across a portfolio: only reds, worsened ratings, slipped milestones and KPIs off
// trajectory, as a page, a PDF and a Word file, each saying the date it is as at and the period.
import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { flatPdfText } from '../export/support/pdf-text.ts';
import { usePortfolioApp } from './app.ts';

const portfolio = usePortfolioApp();

const reviewer = () => portfolio.as(portfolio.seeded.reviewerEmail);

function binary(res: { rawPayload: Buffer }): Buffer {
  return res.rawPayload;
}

/** What every format must say about the seeded portfolio (flattened text). */
function expectExceptions(text: string): void {
  for (const phrase of [
    'As at 1 December 2026, for review period 2026/27 Q2',
    'Red ratings (1)',
    '1. Strong and diverse leadership',
    'Worsened ratings (1)',
    'Green to Red',
    'Slipped milestones (2)',
    'Appoint a permanent chair',
    '61 days',
    'Refresh the assurance framework',
    '48 days',
    'KPIs off trajectory (1)',
    'Women on the board',
  ]) {
    expect(text).toContain(phrase);
  }
  // Not exceptions: a commitment better than before, a milestone done on time, the organisation not covered.
  for (const phrase of ['Open and transparent decisions', 'Publish the board register', 'Caldwick']) {
    expect(text).not.toContain(phrase);
  }
}

describe('portfolio exception report', () => {
  it('lists only the exceptions across the portfolio, as at today, for the period', async () => {
    const page = await (await reviewer()).get('/portfolio/exceptions');
    expect(page.statusCode).toBe(200);
    const text = page.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expectExceptions(text);
    expect(text).toContain('Across 2 organisations');
    expect(page.body).toContain('href="/portfolio/exceptions.pdf?period=2026%2F27+Q2"');
    expect(page.body).toContain('href="/portfolio/exceptions.docx?period=2026%2F27+Q2"');
  });

  it('follows the period chosen: in Q1 the red is commitment 3 and nothing worsened', async () => {
    const page = await (await reviewer()).get(`/portfolio/exceptions?period=${encodeURIComponent('2026/27 Q1')}`);
    const text = page.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('for review period 2026/27 Q1');
    expect(text).toContain('3. Sound finances');
    expect(text).toContain('Worsened ratings (0)');
    expect(text).toContain('No rating is worse than in the previous period.');
  });

  it('downloads as a PDF that says the same', async () => {
    const res = await (await reviewer()).get('/portfolio/exceptions.pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('portfolio-exceptions-2026-27-q2.pdf');
    const bytes = binary(res);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expectExceptions(flatPdfText(bytes));
  });

  it('downloads as a Word file that says the same', async () => {
    const res = await (await reviewer()).get('/portfolio/exceptions.docx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain('portfolio-exceptions-2026-27-q2.docx');
    const { value } = await mammoth.extractRawText({ buffer: binary(res) });
    expectExceptions(value.replace(/\s+/g, ' '));
  });

  it('is empty, and says why, for a user who covers no organisation', async () => {
    const browser = await portfolio.as(portfolio.seeded.viewerEmail);
    const page = await browser.get('/portfolio/exceptions');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('You do not cover any organisations yet');
    expect(page.body).not.toContain('Caldwick');
    const pdf = await browser.get('/portfolio/exceptions.pdf');
    expect(flatPdfText(pdf.rawPayload)).toContain('Red ratings (0)');
    expect(flatPdfText(pdf.rawPayload)).not.toContain('Caldwick');
  });
});
