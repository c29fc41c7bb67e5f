// Builds small .docx files for tests: a document.xml with paragraphs and tables, zipped with fflate.
import { strToU8, zipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A paragraph of plain text; a string starting with "<w:p" is taken as paragraph XML as it is. */
export function para(text: string): string {
  if (text.startsWith('<w:p')) return text;
  return `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

/** A list paragraph numbered by Word (numId 1 is a bullet list, 2 a "1." list in the numbering built below). */
export function listPara(text: string, numId: 1 | 2): string {
  return `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${escapeXml(text)}</w:t></w:r></w:p>`;
}

/** A table: rows of cells, each cell a list of paragraphs (see `para`). */
export function table(rows: string[][][]): string {
  const tr = rows.map((cells) => `<w:tr>${cells.map((c) => `<w:tc><w:tcPr/>${(c.length ? c : ['']).map(para).join('')}</w:tc>`).join('')}</w:tr>`);
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${tr.join('')}</w:tbl>`;
}

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/><w:rPr><w:rFonts w:ascii="Symbol"/></w:rPr></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;

export interface DocxParts {
  /** Body XML: paragraphs (para) and tables (table), in order. */
  body: string[];
  /** dc:title of docProps/core.xml. */
  title?: string;
}

export function makeDocx({ body, title }: DocxParts): Uint8Array {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body.map((b) => (b.startsWith('<w:') ? b : para(b))).join('')}<w:sectPr/></w:body></w:document>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    'word/document.xml': strToU8(document),
    'word/numbering.xml': strToU8(NUMBERING),
  };
  if (title !== undefined) {
    files['docProps/core.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${escapeXml(title)}</dc:title></cp:coreProperties>`,
    );
  }
  return zipSync(files);
}

export const HEADER_CELLS = [
  ['Improvement summary', 'Summarise the improvement that needs to be made, including KPIs'],
  ['Milestones', 'Add key milestones and dates (where possible)'],
  ['Monitoring process', 'Note how you will monitor progress'],
  ['Area Lead progress update', 'To be completed on a quarterly basis, referencing progress on KPIs'],
];
