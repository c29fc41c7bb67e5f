// fast-xml-parser in document order (preserveOrder), namespace prefixes dropped: w:p → "p".
import { XMLParser } from 'fast-xml-parser';

/** An element is `{ [tag]: children, ':@'?: attributes }`; a text node is `{ '#text': text }`. */
export type XmlNode = Record<string, unknown>;

const ATTRIBUTES = ':@';

const OPTIONS = {
  preserveOrder: true,
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: false,
} as const;

/**
 * Formatting elements the readers never look into are kept unparsed ("stop nodes"): parsing them is most of
 * the time spent on a Word document. The readers need numPr, pStyle, gridSpan, gridBefore and vanish.
 */
const SKIPPED = ['tcBorders', 'tblPr', 'tblGrid', 'sectPr', 'tabs', 'spacing', 'ind', 'shd', 'rFonts', 'tblBorders', 'tblCellMar'];

const orderedParser = new XMLParser({ ...OPTIONS, stopNodes: SKIPPED.map((tag) => `*.${tag}`) });
/** For word/numbering.xml, where only the level formats matter, not their paragraph or run properties. */
const numberingParser = new XMLParser({ ...OPTIONS, stopNodes: ['*.pPr', '*.rPr'] });

const utf8 = new TextDecoder('utf-8');

export function parseOrdered(xml: Uint8Array | string, part: 'document' | 'numbering' = 'document'): XmlNode[] {
  const parser = part === 'numbering' ? numberingParser : orderedParser;
  return parser.parse(typeof xml === 'string' ? xml : utf8.decode(xml)) as XmlNode[];
}

export function tagOf(node: XmlNode): string | null {
  for (const key in node) if (key !== ATTRIBUTES) return key;
  return null;
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  const value = tag === null ? undefined : node[tag];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

export function attribute(node: XmlNode, name: string): string | undefined {
  const attrs = node[ATTRIBUTES] as Record<string, unknown> | undefined;
  const value = attrs?.[name];
  return value === undefined ? undefined : String(value);
}

/** The first child element with this tag. */
export function child(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}

/** The text of a text-only element (w:t). */
export function textOf(node: XmlNode): string {
  let text = '';
  for (const c of childrenOf(node)) {
    const value = c['#text'];
    if (value !== undefined) text += String(value);
  }
  return text;
}

/** Finds the first element with this tag, depth first. */
export function findFirst(nodes: XmlNode[], tag: string): XmlNode | undefined {
  for (const node of nodes) {
    if (tagOf(node) === tag) return node;
    const found = findFirst(childrenOf(node), tag);
    if (found) return found;
  }
  return undefined;
}
