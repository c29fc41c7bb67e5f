// A KPI as a server-rendered SVG chart (ECharts' SSR SVG renderer, no browser, no JavaScript on the page):
// readings as a line with points, the target as a dashed horizontal line, the trajectory from baseline to
// target. The SVG carries role="img", an aria-label and <title>/<desc>; the same data is offered as table
// rows (kpiTableRows) to show beside it.
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { expectedValueOn, formatKpiNumber, meets, sortReadings, trajectory, type Kpi, type KpiReading } from '../../domain/kpi.ts';
import { formatShortDate, utcMillis } from '../../domain/iso-days.ts';

echarts.use([LineChart, GraphicComponent, GridComponent, LegendComponent, SVGRenderer]);

/** The pages' font (GOV.UK Frontend set to the system font stack), so the chart's labels match the text around it. */
// No quotes: the renderer writes the stack into style attributes as it is.
export const CHART_FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif';

export interface ChartKpi extends Kpi {
  name: string;
}

export interface KpiChartOptions {
  width?: number;
  height?: number;
}

export interface KpiTableRow {
  date: string;
  /** "30 Jun 2019" */
  dateLabel: string;
  value: number;
  valueText: string;
  /** The trajectory's value on the reading's date; null when there is no trajectory. */
  expected: number | null;
  expectedText: string;
  /** Whether the reading is at least as good as the trajectory; null when there is no trajectory. */
  onTrajectory: boolean | null;
}

// GOV.UK colours: blue for readings, green for the target, dark grey for the trajectory.
const COLOURS = { readings: '#1d70b8', target: '#00703c', trajectory: '#505a5f', text: '#0b0c0c', grid: '#b1b4b6' };

/** "Board diversity (%)" */
export function kpiTitle(kpi: ChartKpi): string {
  return kpi.unit ? `${kpi.name} (${kpi.unit})` : kpi.name;
}

/** "Board diversity (%): latest 32 on 30 Jun 2019, target 40 by 31 Mar 2020" */
export function kpiChartLabel(kpi: ChartKpi, readings: readonly KpiReading[]): string {
  const latest = sortReadings(readings).at(-1);
  const latestText = latest ? `latest ${formatKpiNumber(latest.value)} on ${formatShortDate(latest.date)}` : 'no readings yet';
  return `${kpiTitle(kpi)}: ${latestText}, target ${formatKpiNumber(kpi.target)} by ${formatShortDate(kpi.targetDate)}`;
}

/** One row per reading, in date order: the data the chart shows, for an HTML table. */
export function kpiTableRows(kpi: Kpi, readings: readonly KpiReading[]): KpiTableRow[] {
  return sortReadings(readings).map((r) => {
    const expected = expectedValueOn(kpi, r.date, readings);
    return {
      date: r.date,
      dateLabel: formatShortDate(r.date),
      value: r.value,
      valueText: formatKpiNumber(r.value),
      expected,
      expectedText: expected === null ? '' : formatKpiNumber(expected),
      onTrajectory: expected === null ? null : meets(kpi.direction, r.value, expected),
    };
  });
}

function describe(kpi: ChartKpi, readings: readonly KpiReading[]): string {
  const line = trajectory(kpi, readings);
  const parts = [
    `${readings.length} reading${readings.length === 1 ? '' : 's'} shown as a solid line with points.`,
    `Target ${formatKpiNumber(kpi.target)} shown as a dashed line.`,
  ];
  if (line) {
    parts.push(
      `Trajectory from ${formatKpiNumber(line.start.value)} on ${formatShortDate(line.start.date)} to ${formatKpiNumber(line.end.value)} on ${formatShortDate(line.end.date)} shown as a dotted line.`,
    );
  }
  parts.push(kpi.direction === 'higher' ? 'Higher is better.' : 'Lower is better.');
  return parts.join(' ');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The chart as an SVG string, ready to put in a page. */
export function renderKpiChart(kpi: ChartKpi, readings: readonly KpiReading[], options: KpiChartOptions = {}): string {
  const width = options.width ?? 640;
  const height = options.height ?? 320;
  const sorted = sortReadings(readings);
  const line = trajectory(kpi, sorted);
  const firstDate = [line?.start.date, sorted[0]?.date, kpi.targetDate].filter((d): d is string => !!d).sort()[0] ?? kpi.targetDate;
  const lastDate = [sorted.at(-1)?.date, kpi.targetDate].filter((d): d is string => !!d).sort().at(-1) ?? kpi.targetDate;

  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      useUTC: true,
      textStyle: { fontFamily: CHART_FONT, fontSize: 14, color: COLOURS.text },
      // Room for the labels is measured, so long values ("8,000,000") never run off the left edge.
      grid: { left: 16, right: 32, top: 48, bottom: 16, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      graphic:
        sorted.length === 0
          ? [{ type: 'text', left: 'center', top: 'middle', z: 100, style: { text: 'No readings yet', fontSize: 18, fontFamily: CHART_FONT, fill: COLOURS.text, backgroundColor: '#ffffff', padding: [6, 10] } }]
          : [],
      legend: { top: 4, itemGap: 24, data: ['Readings', 'Target', 'Trajectory'], textStyle: { color: COLOURS.text, fontFamily: CHART_FONT, fontSize: 14 } },
      xAxis: {
        type: 'time',
        min: utcMillis(firstDate),
        max: utcMillis(lastDate),
        // Fewer, wider-spaced month labels: at 14px five "Sep 2024"s fit a 640px chart with room between them.
        splitNumber: 4,
        axisLabel: { color: COLOURS.text, fontFamily: CHART_FONT, fontSize: 14, hideOverlap: true, formatter: '{MMM} {yyyy}', margin: 12, alignMinLabel: 'left', alignMaxLabel: 'right' },
        axisLine: { lineStyle: { color: COLOURS.text } },
      },
      yAxis: {
        type: 'value',
        scale: true,
        axisLabel: { color: COLOURS.text, fontFamily: CHART_FONT, fontSize: 14, hideOverlap: true },
        splitLine: { lineStyle: { color: COLOURS.grid } },
      },
      series: [
        {
          name: 'Readings',
          type: 'line',
          data: sorted.map((r) => [utcMillis(r.date), r.value]),
          showSymbol: true,
          symbol: 'circle',
          symbolSize: 7,
          color: COLOURS.readings,
          lineStyle: { width: 3 },
        },
        {
          name: 'Target',
          type: 'line',
          data: [
            [utcMillis(firstDate), kpi.target],
            [utcMillis(lastDate), kpi.target],
          ],
          showSymbol: false,
          color: COLOURS.target,
          lineStyle: { type: 'dashed', width: 2 },
        },
        {
          name: 'Trajectory',
          type: 'line',
          data: line
            ? [
                [utcMillis(line.start.date), line.start.value],
                [utcMillis(line.end.date), line.end.value],
              ]
            : [],
          showSymbol: false,
          color: COLOURS.trajectory,
          lineStyle: { type: 'dotted', width: 2 },
        },
      ],
    });
    const svg = chart.renderToSVGString();
    return labelSvg(svg, kpiChartLabel(kpi, sorted), describe(kpi, sorted));
  } finally {
    chart.dispose();
  }
}

/** Adds role="img", an aria-label, <title> and <desc> to the SVG. */
function labelSvg(svg: string, label: string, description: string): string {
  const open = /^<svg\b[^>]*>/.exec(svg);
  if (!open) throw new Error('Chart renderer did not return an SVG element');
  const head = open[0].replace(/^<svg/, `<svg role="img" aria-label="${escapeXml(label)}" focusable="false"`);
  return `${head}<title>${escapeXml(label)}</title><desc>${escapeXml(description)}</desc>${svg.slice(open[0].length)}`;
}
