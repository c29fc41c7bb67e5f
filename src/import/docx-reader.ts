// A Word document (.docx) → its tables and the text before them. Reads word/document.xml in document order:
// paragraphs per cell, list numbering as a leading label ("•", "1."), w:tab as a space, w:br as a new line,
// deleted and hidden text left out, nested runs (hyperlinks, fields, content controls) read through.
import { ImportError } from './import-error.ts';
import { ListCounter } from './docx-numbering.ts';
import { readCoreTitle, readNumbering } from './docx-parts.ts';
import { attribute, child, childrenOf, findFirst, parseOrdered, tagOf, textOf, type XmlNode } from './docx-xml.ts';
import type { Cell, DocumentTables, FoundTable, Row } from './plan-table.ts';
import type { ZipPackage } from './zip-package.ts';

export const DOCX_PARTS = ['word/document.xml', 'word/numbering.xml', 'docProps/core.xml', 'word/footnotes.xml'] as const;

/** Elements whose content is shown text (or holds runs that are). */
const TEXT_CONTAINERS = new Set(['r', 'hyperlink', 'smartTag', 'customXml', 'ins', 'moveTo', 'fldSimple', 'sdt', 'sdtContent', 'bdo', 'dir']);
/** Styles that make a paragraph a list item without numbering of its own. */
const LIST_STYLE = /^List(Bullet|Number)\d*$/i;

class DocxWalker {
  /** Footnote texts by the text of the paragraph that marks them (trimmed, without its list label). */
  readonly notes = new Map<string, string[]>();
  private refs: string[] = [];

  constructor(
    private readonly lists: ListCounter,
    private readonly footnotes: () => ReadonlyMap<string, string> = () => new Map(),
  ) {}

  /** A paragraph's lines: one, or several when it has line breaks. The list label leads the first. */
  paragraph(p: XmlNode): string[] {
    const lines = [''];
    const outer = this.refs;
    this.refs = [];
    this.runs(childrenOf(p), lines);
    const refs = this.refs;
    this.refs = outer;
    if (refs.length > 0) this.keepNotes((lines[0] ?? '').trim(), refs);
    const label = this.listLabel(p);
    if (label !== '') lines[0] = `${label} ${lines[0] ?? ''}`;
    return lines;
  }

  private keepNotes(key: string, refs: readonly string[]): void {
    const texts = refs.flatMap((id) => this.footnotes().get(id) ?? []);
    if (key === '' || texts.length === 0) return;
    this.notes.set(key, [...(this.notes.get(key) ?? []), ...texts]);
  }

  private listLabel(p: XmlNode): string {
    const pPr = child(p, 'pPr');
    if (!pPr) return '';
    const numPr = child(pPr, 'numPr');
    const numId = numPr && attribute(child(numPr, 'numId') ?? {}, 'val');
    if (numPr && numId !== undefined) return this.lists.label(numId, Number(attribute(child(numPr, 'ilvl') ?? {}, 'val') ?? 0));
    const style = attribute(child(pPr, 'pStyle') ?? {}, 'val');
    return style !== undefined && LIST_STYLE.test(style) ? '•' : '';
  }

  private runs(nodes: XmlNode[], lines: string[]): void {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === null) continue;
      if (tag === 't') {
        lines[lines.length - 1] += textOf(node);
      } else if (tag === 'tab' || tag === 'ptab') {
        lines[lines.length - 1] += ' ';
      } else if (tag === 'br' || tag === 'cr') {
        lines.push('');
      } else if (tag === 'footnoteReference') {
        const id = attribute(node, 'id');
        if (id !== undefined) this.refs.push(id);
      } else if (tag === 'noBreakHyphen') {
        lines[lines.length - 1] += '-';
      } else if (tag === 'sym') {
        const code = parseInt(attribute(node, 'char') ?? '', 16);
        if (Number.isFinite(code)) lines[lines.length - 1] += String.fromCharCode(code);
      } else if (TEXT_CONTAINERS.has(tag) && !(tag === 'r' && hidden(node))) {
        this.runs(childrenOf(node), lines);
      }
    }
  }

  /** A cell's paragraphs, nested tables flattened into it. */
  cell(tc: XmlNode): Cell {
    const paragraphs: string[] = [];
    this.blocks(childrenOf(tc), paragraphs, null);
    return paragraphs;
  }

  table(tbl: XmlNode): Row[] {
    const rows: Row[] = [];
    for (const tr of contentOf(tbl, 'tr')) {
      const row: Row = [];
      const trPr = child(tr, 'trPr');
      const before = Number(attribute(child(trPr ?? {}, 'gridBefore') ?? {}, 'val') ?? 0);
      for (let i = 0; i < before; i += 1) row.push([]);
      for (const tc of contentOf(tr, 'tc')) {
        row.push(this.cell(tc));
        const span = Number(attribute(child(child(tc, 'tcPr') ?? {}, 'gridSpan') ?? {}, 'val') ?? 1);
        for (let i = 1; i < span; i += 1) row.push([]);
      }
      rows.push(row);
    }
    return rows;
  }

  /**
   * Block content in order: paragraphs go to `paragraphs`; tables go to `tables` when given (the body),
   * else their paragraphs are flattened into `paragraphs` (a table nested in a cell).
   */
  blocks(nodes: XmlNode[], paragraphs: string[], tables: FoundTable[] | null): void {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'p') {
        paragraphs.push(...this.paragraph(node));
      } else if (tag === 'tbl') {
        if (tables) tables.push({ rows: this.table(node), textBefore: [...paragraphs] });
        else for (const row of this.table(node)) for (const cell of row) paragraphs.push(...cell);
      } else if (tag === 'sdt' || tag === 'sdtContent' || tag === 'customXml' || tag === 'ins' || tag === 'moveTo') {
        this.blocks(childrenOf(node), paragraphs, tables);
      }
    }
  }
}

function hidden(run: XmlNode): boolean {
  const rPr = child(run, 'rPr');
  if (!rPr) return false;
  const vanish = child(rPr, 'vanish');
  return vanish !== undefined && !['0', 'false', 'off'].includes(attribute(vanish, 'val') ?? 'true');
}

/** Children with this tag, looking through content controls and custom XML wrappers. */
function contentOf(node: XmlNode, tag: string): XmlNode[] {
  const found: XmlNode[] = [];
  for (const c of childrenOf(node)) {
    const t = tagOf(c);
    if (t === tag) found.push(c);
    else if (t === 'sdt' || t === 'sdtContent' || t === 'customXml') found.push(...contentOf(c, tag));
  }
  return found;
}

export function readDocx(zip: ZipPackage): DocumentTables {
  const documentXml = zip.parts.get('word/document.xml');
  if (!documentXml) {
    throw new ImportError('corrupt', 'The Word document is damaged: it has no main document part (word/document.xml).');
  }
  const tables: FoundTable[] = [];
  let notes: ReadonlyMap<string, readonly string[]> | undefined;
  try {
    const body = findFirst(parseOrdered(documentXml), 'body');
    let footnotes: ReadonlyMap<string, string> | undefined;
    const walker = new DocxWalker(
      new ListCounter(() => readNumbering(zip.parts.get('word/numbering.xml'))),
      () => (footnotes ??= readFootnotes(zip.parts.get('word/footnotes.xml'))),
    );
    if (body) walker.blocks(childrenOf(body), [], tables);
    notes = walker.notes;
  } catch (err) {
    if (err instanceof ImportError) throw err; // a limit or a DOCTYPE, with its own message
    throw new ImportError('corrupt', 'The Word document is damaged: its text cannot be read.');
  }
  return { titleProperty: safeTitle(zip.parts.get('docProps/core.xml')), tables, notes };
}

/** Each footnote's text by its id (its paragraphs joined by spaces); none when the part is missing or unreadable. */
function readFootnotes(xml: Uint8Array | undefined): ReadonlyMap<string, string> {
  const found = new Map<string, string>();
  if (!xml) return found;
  try {
    const root = findFirst(parseOrdered(xml), 'footnotes');
    const walker = new DocxWalker(new ListCounter(() => readNumbering(undefined)));
    for (const note of root ? childrenOf(root) : []) {
      const id = attribute(note, 'id');
      if (tagOf(note) !== 'footnote' || id === undefined) continue;
      const paragraphs: string[] = [];
      walker.blocks(childrenOf(note), paragraphs, null);
      found.set(id, paragraphs.join(' ').replace(/\s+/g, ' ').trim());
    }
  } catch {
    // Footnotes only ever add to what the table says: a damaged part is read as none.
  }
  return found;
}

function safeTitle(xml: Uint8Array | undefined): string | null {
  try {
    return readCoreTitle(xml);
  } catch {
    return null;
  }
}
