// Drawing helpers for the board report (pdfkit, the built-in Helvetica fonts): headings, text that starts a
// new page when it would not fit, simple tables, RAG badges, and "Page N of M" on every page.
import type PDFDocument from 'pdfkit';
import { ragLabel } from '../domain/rag.ts';
import type { Rag } from '../domain/types.ts';

export type Pdf = InstanceType<typeof PDFDocument>;

export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;
export const COLOURS = { text: '#0b0c0c', secondary: '#505a5f', rule: '#b1b4b6', link: '#1d70b8' } as const;
/** GOV.UK colours for the RAG badges; the label is always written beside the colour. */
export const RAG_COLOURS: Record<Rag | 'none', string> = {
  red: '#d4351c',
  amber: '#f47738',
  green: '#00703c',
  blue: '#1d70b8',
  none: '#b1b4b6',
};

export function ragText(rag: Rag | null): string {
  return rag ? ragLabel(rag) : 'Not rated';
}

export function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottom(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` points still fit on this one. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

export function heading(doc: Pdf, text: string, size = 16): void {
  ensureSpace(doc, size * 3);
  doc.moveDown(0.6).font(FONT.bold).fontSize(size).fillColor(COLOURS.text).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3).font(FONT.regular).fontSize(10);
}

export function paragraph(doc: Pdf, text: string, options: { font?: string; size?: number; colour?: string } = {}): void {
  doc.font(options.font ?? FONT.regular).fontSize(options.size ?? 10).fillColor(options.colour ?? COLOURS.text);
  ensureSpace(doc, doc.heightOfString(text, { width: contentWidth(doc) }) + 2);
  doc.text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
}

export function ragBadge(doc: Pdf, rag: Rag | null, x: number, y: number): void {
  doc.save().rect(x, y + 1, 9, 9).fill(RAG_COLOURS[rag ?? 'none']).restore();
  doc.font(FONT.regular).fontSize(10).fillColor(COLOURS.text).text(ragText(rag), x + 13, y, { lineBreak: false });
}

export interface Column<T> {
  header: string;
  /** Share of the content width. */
  share: number;
  text: (row: T) => string;
  /** Draws the cell itself instead of writing `text` (a RAG badge, say). */
  draw?: (doc: Pdf, row: T, x: number, y: number) => void;
}

/** A table with a bold header row, repeated when the table runs onto a new page. */
export function table<T>(doc: Pdf, columns: readonly Column<T>[], rows: readonly T[]): void {
  const width = contentWidth(doc);
  const left = doc.page.margins.left;
  const pad = 4;
  const xs = columns.reduce<number[]>((acc, c, i) => [...acc, (acc[i] ?? left) + c.share * width], [left]);
  const cellWidth = (i: number): number => (columns[i]?.share ?? 0) * width - 2 * pad;

  const drawRow = (cells: string[], font: string, row: T | null): void => {
    doc.font(font).fontSize(9);
    const height = Math.max(...cells.map((t, i) => doc.heightOfString(t, { width: cellWidth(i) }))) + 2 * pad;
    if (doc.y + height > bottom(doc)) {
      doc.addPage();
      if (row !== null) drawRow(columns.map((c) => c.header), FONT.bold, null);
      doc.font(font).fontSize(9);
    }
    const y = doc.y;
    cells.forEach((text, i) => {
      const column = columns[i];
      const x = (xs[i] ?? left) + pad;
      if (row !== null && column?.draw) column.draw(doc, row, x, y + pad);
      else doc.font(font).fontSize(9).fillColor(COLOURS.text).text(text, x, y + pad, { width: cellWidth(i) });
    });
    doc.moveTo(left, y + height).lineTo(left + width, y + height).lineWidth(0.5).strokeColor(COLOURS.rule).stroke();
    doc.x = left;
    doc.y = y + height;
  };

  drawRow(columns.map((c) => c.header), FONT.bold, null);
  for (const row of rows) drawRow(columns.map((c) => c.text(row)), FONT.regular, row);
  doc.moveDown(0.5);
}

/** "Page N of M" at the foot of every page; the document must be made with `bufferPages: true`. */
export function numberPages(doc: Pdf): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
    doc
      .font(FONT.regular)
      .fontSize(9)
      .fillColor(COLOURS.secondary)
      .text(`Page ${i + 1 - range.start} of ${range.count}`, doc.page.margins.left, doc.page.height - margin / 2 - 4, {
        width: contentWidth(doc),
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = margin;
  }
}
