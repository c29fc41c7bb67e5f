// A KPI as a line chart drawn with pdfkit's vector graphics: readings as a line with points, the target as a
// dashed line, value labels on the axis, the first and last dates under it, and the readings written out below
// (so the numbers survive printing in black and white).
import { formatKpiNumber } from '../domain/kpi.ts';
import { formatShortDate, utcMillis } from '../domain/iso-days.ts';
import type { KpiReadingRecord, KpiRecord } from '../domain/records.ts';
import { COLOURS, FONT, contentWidth, ensureSpace, type Pdf } from './pdf-layout.ts';

const CHART = { height: 120, axisLabelWidth: 40 };
const LINE = '#1d70b8';
const TARGET = '#00703c';

function scale(domain: [number, number], range: [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return (v) => (d1 === d0 ? (r0 + r1) / 2 : r0 + ((v - d0) * (r1 - r0)) / (d1 - d0));
}

/** Draws the chart at the current position, title first. */
export function drawKpiChart(doc: Pdf, title: string, kpi: KpiRecord, readings: readonly KpiReadingRecord[]): void {
  const width = contentWidth(doc);
  ensureSpace(doc, CHART.height + 80);
  const left = doc.page.margins.left;
  doc.font(FONT.bold).fontSize(10).fillColor(COLOURS.text).text(title, left, doc.y, { width });
  doc.moveDown(0.3);
  if (readings.length === 0) {
    doc.font(FONT.italic).fontSize(9).fillColor(COLOURS.secondary).text('No readings yet.', left, doc.y, { width });
    doc.moveDown(0.8);
    return;
  }
  const top = doc.y + 4;
  const plotLeft = left + CHART.axisLabelWidth;
  const plotRight = left + width - 10;
  const plotBottom = top + CHART.height;
  const values = readings.map((r) => r.value).concat(kpi.target !== null ? [kpi.target] : []);
  const times = readings.map((r) => utcMillis(r.date));
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = high === low ? Math.max(1, Math.abs(high) * 0.1) : (high - low) * 0.1;
  const y = scale([low - pad, high + pad], [plotBottom, top]);
  const x = scale([Math.min(...times), Math.max(...times)], [plotLeft, plotRight]);

  doc.save().lineWidth(0.5).strokeColor(COLOURS.rule);
  doc.moveTo(plotLeft, top).lineTo(plotLeft, plotBottom).lineTo(plotRight, plotBottom).stroke();
  doc.restore();
  doc.font(FONT.regular).fontSize(7).fillColor(COLOURS.secondary);
  for (const v of [low, high]) doc.text(formatKpiNumber(v), left, y(v) - 3, { width: CHART.axisLabelWidth - 4, align: 'right', lineBreak: false });
  const first = readings[0];
  const last = readings[readings.length - 1];
  if (first) doc.text(formatShortDate(first.date), plotLeft, plotBottom + 3, { lineBreak: false });
  if (last && last !== first) doc.text(formatShortDate(last.date), plotRight - 50, plotBottom + 3, { width: 50, align: 'right', lineBreak: false });

  if (kpi.target !== null) {
    const ty = y(kpi.target);
    doc.save().lineWidth(1).strokeColor(TARGET).dash(4, { space: 3 }).moveTo(plotLeft, ty).lineTo(plotRight, ty).stroke().undash().restore();
  }
  doc.save().lineWidth(1.5).strokeColor(LINE);
  readings.forEach((r, i) => {
    const px = x(utcMillis(r.date));
    const py = y(r.value);
    if (i === 0) doc.moveTo(px, py);
    else doc.lineTo(px, py);
  });
  doc.stroke();
  for (const r of readings) doc.circle(x(utcMillis(r.date)), y(r.value), 2.5).fill(LINE);
  doc.restore();

  doc.y = plotBottom + 16;
  const target = kpi.target !== null ? `Target (dashed line): ${formatKpiNumber(kpi.target)}${kpi.targetDate ? ` by ${formatShortDate(kpi.targetDate)}` : ''}. ` : '';
  const listed = readings.map((r) => `${formatShortDate(r.date)}: ${formatKpiNumber(r.value)}${kpi.unit ? ` ${kpi.unit}` : ''}`).join('; ');
  doc.font(FONT.regular).fontSize(8).fillColor(COLOURS.text).text(`${target}Readings: ${listed}.`, left, doc.y, { width });
  doc.moveDown(0.8);
}
