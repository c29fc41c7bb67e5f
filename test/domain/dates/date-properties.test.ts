import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MONTH_NAMES,
  addDays,
  daysInMonth,
  readDatePhrase,
  toIso,
} from '../../../src/domain/dates/index.ts';

const period = { from: '2019-04-01', to: '2020-03-31' };

const ymd = fc
  .record({ year: fc.integer({ min: 1990, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .filter(({ year, month, day }) => day <= daysInMonth(year, month));

const pad = (n: number) => String(n).padStart(2, '0');

// Fragments that look like dates, mixed with arbitrary text, to reach the reader's corners.
const dateish = fc.constantFrom(
  'May', 'march', 'Sept-ember', '2019/20', 'Q4', 'Q9', 'end of', 'mid-', 'w/c', 'Wednesday', '15th', '31/02/2019',
  '–', '/', '-', ' ', ',', 'by', '2020', '19', 'winter', 'TBC', 'Quarterly', 'FY', '29 Feb', '\u00a0', '’',
);
const messy = fc.array(fc.oneof(dateish, fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })), {
  maxLength: 30,
}).map((parts) => parts.join(''));

describe('readDatePhrase properties', () => {
  it('never throws on any text, with or without a plan period, and windows are ordered', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), messy), fc.boolean(), (text, withPeriod) => {
        const r = readDatePhrase(text, { period: withPeriod ? period : null });
        if (r.due) expect(r.due.from <= r.due.to).toBe(true);
        for (const m of r.matches) {
          expect(m.due.from <= m.due.to).toBe(true);
          expect(text).toContain(m.text);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('does not throw on a very long text (100 KB)', () => {
    const chunk = 'Workshop 1 – Wednesday 15th May 2019 by Q4 2019/20, 31/02/2019 end of 1111111111 ';
    const text = chunk.repeat(Math.ceil(100_000 / chunk.length));
    expect(() => readDatePhrase(text, { period })).not.toThrow();
    const digits = '1/'.repeat(50_000);
    expect(() => readDatePhrase(digits, { period })).not.toThrow();
  });

  it('a day written "D Month YYYY", "DD/MM/YYYY" or "YYYY-MM-DD" reads back as that day', () => {
    fc.assert(
      fc.property(ymd, ({ year, month, day }) => {
        const iso = toIso(year, month, day);
        for (const text of [
          `${day} ${MONTH_NAMES[month - 1]} ${year}`,
          `${pad(day)}/${pad(month)}/${year}`,
          iso,
        ]) {
          expect(readDatePhrase(text, { period }).due).toEqual({ from: iso, to: iso });
        }
      }),
    );
  });

  it('a month name with a year reads back as its first to last day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const r = readDatePhrase(`by ${MONTH_NAMES[month - 1]} ${year}`, { period });
        expect(r.due).toEqual({ from: toIso(year, month, 1), to: toIso(year, month, daysInMonth(year, month)) });
      }),
    );
  });

  it('a year-less day is placed inside the plan period, whatever the period', () => {
    fc.assert(
      fc.property(ymd, fc.integer({ min: 1995, max: 2095 }), ({ month, day }, fy) => {
        fc.pre(!(month === 2 && day === 29));
        const p = { from: toIso(fy, 4, 1), to: addDays(toIso(fy + 1, 4, 1), -1) };
        const r = readDatePhrase(`${day} ${MONTH_NAMES[month - 1]}`, { period: p });
        expect(r.due).not.toBeNull();
        expect(r.due!.from >= p.from && r.due!.to <= p.to).toBe(true);
        expect(r.warnings).toEqual([]);
      }),
    );
  });
});
