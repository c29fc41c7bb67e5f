// The small parts of a .docx around the document body: list numbering and the title property.
import { attribute, child, childrenOf, findFirst, parseOrdered, tagOf, textOf, type XmlNode } from './docx-xml.ts';
import type { LevelFormat, NumberingDefinitions } from './docx-numbering.ts';

function val(node: XmlNode | undefined): string | undefined {
  return node ? attribute(node, 'val') : undefined;
}

function readLevels(abstractNum: XmlNode): Map<number, LevelFormat> {
  const levels = new Map<number, LevelFormat>();
  for (const lvl of childrenOf(abstractNum)) {
    if (tagOf(lvl) !== 'lvl') continue;
    levels.set(Number(attribute(lvl, 'ilvl') ?? 0), {
      numFmt: val(child(lvl, 'numFmt')) ?? 'decimal',
      lvlText: val(child(lvl, 'lvlText')) ?? '',
      start: Number(val(child(lvl, 'start')) ?? 1),
    });
  }
  return levels;
}

/** numId → level → format, from word/numbering.xml. */
export function readNumbering(xml: Uint8Array | undefined): NumberingDefinitions {
  const definitions: NumberingDefinitions = new Map();
  if (!xml) return definitions;
  const root = findFirst(parseOrdered(xml, 'numbering'), 'numbering');
  if (!root) return definitions;
  const abstracts = new Map<string, Map<number, LevelFormat>>();
  for (const node of childrenOf(root)) {
    if (tagOf(node) === 'abstractNum') abstracts.set(attribute(node, 'abstractNumId') ?? '', readLevels(node));
  }
  for (const node of childrenOf(root)) {
    if (tagOf(node) !== 'num') continue;
    const base = abstracts.get(val(child(node, 'abstractNumId')) ?? '');
    if (!base) continue;
    const levels = new Map(base);
    for (const override of childrenOf(node)) {
      if (tagOf(override) !== 'lvlOverride') continue;
      const ilvl = Number(attribute(override, 'ilvl') ?? 0);
      const level = levels.get(ilvl);
      const start = val(child(override, 'startOverride'));
      if (level && start !== undefined) levels.set(ilvl, { ...level, start: Number(start) });
    }
    definitions.set(attribute(node, 'numId') ?? '', levels);
  }
  return definitions;
}

/** dc:title from docProps/core.xml, or null. */
export function readCoreTitle(xml: Uint8Array | undefined): string | null {
  if (!xml) return null;
  const title = findFirst(parseOrdered(xml), 'title');
  const text = title ? textOf(title).trim() : '';
  return text === '' ? null : text;
}
