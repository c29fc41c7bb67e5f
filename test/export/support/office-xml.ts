// Looking inside an exported Office file: a part's XML as a tree, and the texts in it.
import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser } from 'fast-xml-parser';

export type Node = Record<string, unknown>;

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: true, trimValues: false });

export function partXml(file: Uint8Array, name: string): Node[] {
  const parts = unzipSync(file, { filter: (f) => f.name === name });
  const bytes = parts[name];
  if (!bytes) throw new Error(`no part ${name} in the file`);
  return parser.parse(strFromU8(bytes)) as Node[];
}

function tagOf(node: Node): string | undefined {
  return Object.keys(node).find((k) => k !== ':@');
}

function childrenOf(node: Node): Node[] {
  const tag = tagOf(node);
  const value = tag === undefined ? undefined : node[tag];
  return Array.isArray(value) ? (value as Node[]) : [];
}

export function attr(node: Node, name: string): string | undefined {
  const attrs = node[':@'] as Record<string, unknown> | undefined;
  const v = attrs?.[`@${name}`];
  return v === undefined ? undefined : String(v);
}

/** Every element with this tag, depth first. */
export function findAll(nodes: Node[], tag: string): Node[] {
  const found: Node[] = [];
  for (const node of nodes) {
    if (tagOf(node) === tag) found.push(node);
    found.push(...findAll(childrenOf(node), tag));
  }
  return found;
}

/** The text of an element's w:t descendants, run after run. */
export function textIn(node: Node): string {
  return findAll(childrenOf(node), 't')
    .map((t) => childrenOf(t).map((c) => String(c['#text'] ?? '')).join(''))
    .join('');
}
