// fast-xml-parser in document order (preserveOrder), namespace prefixes dropped: w:p → "p".
import { XMLParser } from 'fast-xml-parser';
import { ImportError } from './import-error.ts';
import { LIMITS, tooComplex } from './limits.ts';

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
  // Only XML's own entities (&amp; &lt; … and numeric ones): a part with a DOCTYPE is refused before parsing.
  processEntities: true,
  htmlEntities: false,
  maxNestedTags: LIMITS.xmlDepth,
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

/** Office parts never declare a DOCTYPE: one that does is after entity expansion ("billion laughs"), not a plan. */
const DOCTYPE = /<!DOCTYPE/i;

export function parseOrdered(xml: Uint8Array | string, part: 'document' | 'numbering' = 'document'): XmlNode[] {
  const parser = part === 'numbering' ? numberingParser : orderedParser;
  const text = typeof xml === 'string' ? xml : utf8.decode(xml);
  if (DOCTYPE.test(text)) {
    throw new ImportError('unsupported', 'This document contains an XML document type declaration (DOCTYPE), which Word never writes, so it cannot be imported.');
  }
  try {
    return parser.parse(text) as XmlNode[];
  } catch (err) {
    if (err instanceof Error && /nested tags/i.test(err.message)) throw tooComplex(`elements nested over ${LIMITS.xmlDepth} deep`);
    throw new ImportError('corrupt', 'The Word document is damaged: its text cannot be read. Save it again from Word and retry.');
  }
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
