import { describe, expect, it } from 'vitest';
import { CHART_FONT, kpiChartLabel, kpiTableRows, renderKpiChart, type ChartKpi } from '../../src/web/charts/kpi-chart.ts';

const diversity: ChartKpi = { name: 'Board diversity', unit: '%', baseline: 20, baselineDate: '2019-04-01', target: 40, targetDate: '2020-03-31', direction: 'higher' };
const readings = [
  { date: '2019-06-30', value: 32 },
  { date: '2019-04-30', value: 22 },
];

/** The path data of every <path> element, in document order. */
function paths(svg: string): string[] {
  return [...svg.matchAll(/<path\b[^>]*\bd="([^"]*)"/g)].map((m) => m[1] ?? '');
}

describe('renderKpiChart', () => {
  const svg = renderKpiChart(diversity, readings);

  it('is an SVG image with an accessible label, title and description', () => {
    const label = 'Board diversity (%): latest 32 on 30 Jun 2019, target 40 by 31 Mar 2020';
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    const open = /^<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
    expect(open).toContain('role="img"');
    expect(open).toContain(`aria-label="${label}"`);
    expect(svg).toContain(`<title>${label}</title>`);
    expect(svg).toMatch(/<desc>2 readings shown as a solid line with points\. Target 40 shown as a dashed line\. Trajectory from 20 on 1 Apr 2019 to 40 on 31 Mar 2020/);
  });

  it('draws the series with a legend and a dashed target line', () => {
    for (const name of ['Readings', 'Target', 'Trajectory']) expect(svg).toContain(`>${name}</text>`);
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('#00703c'); // target colour
    expect(svg).toContain('#1d70b8'); // readings colour
    expect(svg).not.toMatch(/<animate/);
  });

  it('draws different paths for different readings', () => {
    const other = renderKpiChart(diversity, [
      { date: '2019-04-30', value: 22 },
      { date: '2019-06-30', value: 24 },
    ]);
    expect(paths(other)).not.toEqual(paths(svg));
    // The same data gives the same drawing.
    expect(paths(renderKpiChart(diversity, [...readings]))).toEqual(paths(svg));
  });

  it('escapes names and renders without readings', () => {
    const empty = renderKpiChart({ ...diversity, name: 'Jobs <created> & "kept"', unit: null }, [], { width: 300, height: 200 });
    expect(empty).toContain('aria-label="Jobs &lt;created&gt; &amp; &quot;kept&quot;: no readings yet, target 40 by 31 Mar 2020"');
    expect(empty).toContain('width="300"');
  });

  it('says on the chart itself that there are no readings yet', () => {
    const empty = renderKpiChart(diversity, []);
    expect(empty).toMatch(/<text[^>]*>No readings yet<\/text>/);
    expect(svg).not.toContain('No readings yet');
  });

  it('writes its labels in the pages\' font, not a font of its own', () => {
    const families = [...svg.matchAll(/font-family:\s*([^;"]+)|font:[^;"]*?\d+px\s+([^;"]+)/g)].map((m) => (m[1] ?? m[2] ?? '').trim());
    expect(families.length).toBeGreaterThan(0);
    for (const family of families) expect(family.replace(/&quot;/g, '"')).toBe(CHART_FONT);
  });
});

describe('kpiChartLabel', () => {
  it('names the latest reading by date, not list order', () => {
    expect(kpiChartLabel(diversity, [{ date: '2019-09-30', value: 35.5 }, ...readings])).toBe(
      'Board diversity (%): latest 35.5 on 30 Sep 2019, target 40 by 31 Mar 2020',
    );
  });
});

describe('kpiTableRows', () => {
  it('lists readings in date order with the trajectory value and whether each is on it', () => {
    expect(kpiTableRows(diversity, readings)).toEqual([
      { date: '2019-04-30', dateLabel: '30 Apr 2019', value: 22, valueText: '22', expected: expect.closeTo(21.589, 3), expectedText: '21.59', onTrajectory: true },
      { date: '2019-06-30', dateLabel: '30 Jun 2019', value: 32, valueText: '32', expected: expect.closeTo(24.932, 3), expectedText: '24.93', onTrajectory: true },
    ]);
  });

  it('marks readings behind the trajectory, by direction', () => {
    const lower = { ...diversity, baseline: 12, target: 2, direction: 'lower' as const };
    const rows = kpiTableRows(lower, [{ date: '2019-06-30', value: 11 }, { date: '2019-09-30', value: 6 }]);
    expect(rows.map((r) => r.onTrajectory)).toEqual([false, true]);
  });

  it('starts the trajectory at the first reading when there is no baseline date', () => {
    const rows = kpiTableRows({ ...diversity, baselineDate: null }, readings);
    expect(rows.map((r) => r.expectedText)).toEqual(['20', '23.63']); // 61 of 336 days from 20 to 40
  });
});
