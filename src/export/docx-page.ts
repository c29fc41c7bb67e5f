// What the Word exports share: the landscape A4 page of the government's plan template, its table settings, and
// the "Page N of M" footer.
import { AlignmentType, Footer, PageNumber, PageOrientation, Paragraph, TextRun } from 'docx';

/** Landscape A4 less 2 cm margins, in twentieths of a point. */
export const PAGE = { width: 11906, height: 16838, margin: 1134 };
export const TABLE_WIDTH = PAGE.height - 2 * PAGE.margin;
export const HEADER_FILL = 'D9D9D9';
export const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 };

/** A section's page properties: landscape A4 with the margins above. */
export function landscapePage() {
  return {
    page: {
      size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE },
      margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
    },
  };
}

/** "Page N of M", on the right. */
export function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}
