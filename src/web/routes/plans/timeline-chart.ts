// Geometry of the timeline drawing (an SVG the page marks aria-hidden: the table beside it is the accessible
// version): months across the span, one lane per commitment with a row per milestone, a bar for a window and
// a dot for a single day, a "Today" line. Overdue entries are red AND drawn differently (hatched bar, warning
// triangle), so colour is never the only sign.
import { addDays, daysBetween, formatShortDate, monthEnd, monthIndex, monthStart } from '../../../domain/iso-days.ts';
import type { IsoDate } from '../../../domain/types.ts';
import type { PlanTimeline, TimelineState } from '../../../services/plan-service.ts';

export const CHART = { width: 960, labelWidth: 230, top: 44, rowHeight: 18, lanePadding: 6, bottomSpace: 76 } as const;
const MIN_BAR_WIDTH = 6;
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface ChartMonth {
  x: number;
  width: number;
  label: string;
  /** The year, shown under January and the first month. */
  year: string | null;
}

export interface ChartMarker {
  kind: 'bar' | 'dot';
  state: TimelineState;
  x: number;
  width: number;
  /** Centre, for dots. */
  cx: number;
  cy: number;
  y: number;
  height: number;
}

export interface ChartLane {
  y: number;
  height: number;
  label: string;
  shaded: boolean;
  markers: ChartMarker[];
}

export interface TimelineChart {
  width: number;
  height: number;
  labelWidth: number;
  top: number;
  plotBottom: number;
  months: ChartMonth[];
  lanes: ChartLane[];
  today: { x: number; label: string; anchor: 'start' | 'middle' | 'end' } | null;
  legendY: number;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** The drawing for a timeline, or null when it has no dated entries. */
export function timelineChart(timeline: PlanTimeline): TimelineChart | null {
  if (!timeline.span) return null;
  const first = monthIndex(timeline.span.from);
  const last = monthIndex(timeline.span.to);
  const start = monthStart(first);
  const totalDays = daysBetween(start, addDays(monthEnd(last), 1));
  const plotWidth = CHART.width - CHART.labelWidth - 10;
  const x = (date: IsoDate): number => CHART.labelWidth + (daysBetween(start, date) / totalDays) * plotWidth;
  const dayWidth = plotWidth / totalDays;

  const months: ChartMonth[] = [];
  for (let i = first; i <= last; i++) {
    const from = monthStart(i);
    const left = x(from);
    const name = SHORT_MONTHS[i % 12] ?? '';
    months.push({
      x: round(left),
      width: round(x(addDays(monthEnd(i), 1)) - left),
      label: name,
      year: i === first || i % 12 === 0 ? from.slice(0, 4) : null,
    });
  }

  let y = CHART.top;
  const lanes = timeline.lanes.map((lane, laneIndex): ChartLane => {
    const rows = Math.max(1, lane.rows.length);
    const height = rows * CHART.rowHeight + 2 * CHART.lanePadding;
    const markers = lane.rows.flatMap((row, rowIndex) => {
      const cy = y + CHART.lanePadding + rowIndex * CHART.rowHeight + CHART.rowHeight / 2;
      return row.entries.map((e): ChartMarker => {
        const left = x(e.due.from);
        const width = x(addDays(e.due.to, 1)) - left;
        // An occurrence of a recurring milestone is drawn at its deadline, so that occurrences stay apart.
        const bar = !e.occurrence && e.due.from !== e.due.to && width >= MIN_BAR_WIDTH;
        return {
          kind: bar ? 'bar' : 'dot',
          state: e.state,
          x: round(left),
          width: round(width),
          cx: round(x(e.due.to) + dayWidth / 2),
          cy: round(cy),
          y: round(cy - 5),
          height: 10,
        };
      });
    });
    const drawn: ChartLane = { y, height, label: shorten(`${lane.number}. ${lane.title}`, 34), shaded: laneIndex % 2 === 0, markers };
    y += height;
    return drawn;
  });

  const plotBottom = y;
  const todayInside = timeline.today >= start && timeline.today <= monthEnd(last);
  const todayX = round(x(timeline.today) + dayWidth / 2);
  return {
    width: CHART.width,
    height: plotBottom + CHART.bottomSpace,
    labelWidth: CHART.labelWidth,
    top: CHART.top,
    plotBottom,
    months,
    lanes,
    today: todayInside
      ? {
          x: todayX,
          label: `Today, ${formatShortDate(timeline.today)}`,
          anchor: todayX < CHART.labelWidth + 60 ? 'start' : todayX > CHART.width - 60 ? 'end' : 'middle',
        }
      : null,
    legendY: plotBottom + 44,
  };
}
