// Inputs for fuzzing the importer (bench/fuzz-import.ts, test/import/fuzz.test.ts): the demo plan as text, CSV,
// Word and Excel files made in memory, hostile files (zip bombs, a cell at XFD1048576, billion laughs, deep
// nesting, huge CSV) and seeded mutations of them. Deterministic for a given seed.
import { readFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { decodeText } from '../src/import/text-decoding.ts';
import { readWordText } from '../src/import/word-text-reader.ts';

export interface FuzzCase {
  name: string;
  fileName: string;
  bytes: Uint8Array;
}

const DEMO_PLAN = new URL('../demo/plan-2024-25.txt', import.meta.url);
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A small, fast, seeded random number generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function docxOf(documentXml: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    'word/document.xml': strToU8(documentXml),
  }, { level: 9 });
}

function documentXml(rows: string[][][]): string {
  const cell = (lines: string[]) => `<w:tc>${(lines.length ? lines : ['']).map((l) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(l)}</w:t></w:r></w:p>`).join('')}</w:tc>`;
  const table = `<w:tbl>${rows.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${table}<w:sectPr/></w:body></w:document>`;
}

async function xlsxOf(rows: string[][][], farCell = false): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Plan');
  for (const row of rows) sheet.addRow(row.map((lines) => lines.join('\n')));
  if (farCell) sheet.getCell('XFD1048576').value = 'x';
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The demo plan in every upload format, made from demo/plan-2024-25.txt. */
export async function seedFiles(): Promise<FuzzCase[]> {
  const txt = new Uint8Array(readFileSync(DEMO_PLAN));
  const rows = readWordText(decodeText(txt)).tables[0]?.rows ?? [];
  const csv = strToU8(stringify(rows.map((r) => r.map((lines) => lines.join('\n')))));
  return [
    { name: 'demo.txt', fileName: 'plan.txt', bytes: txt },
    { name: 'demo.csv', fileName: 'plan.csv', bytes: csv },
    { name: 'demo.docx', fileName: 'plan.docx', bytes: docxOf(documentXml(rows)) },
    { name: 'demo.xlsx', fileName: 'plan.xlsx', bytes: await xlsxOf(rows) },
  ];
}

/** Files built to exhaust memory or time. */
export async function hostileFiles(): Promise<FuzzCase[]> {
  const bomb = (mb: number) => docxOf(documentXml([[['Summary'], ['Milestones']], [['1. ' + 'a'.repeat(mb * 1024 * 1024)], ['x']]]));
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`;
  const deep = `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${'<w:tbl><w:tr><w:tc>'.repeat(5000)}${'</w:tc></w:tr></w:tbl>'.repeat(5000)}</w:body></w:document>`;
  const manyLines = strToU8('Summary\tMilestones\n' + '1\n'.repeat(300_000));
  const commas = strToU8('Summary,Milestones\n' + ','.repeat(2_000_000));
  return [
    { name: 'zip bomb (30 MB document.xml)', fileName: 'bomb.docx', bytes: bomb(30) },
    { name: 'cell at XFD1048576', fileName: 'far.xlsx', bytes: await xlsxOf([[['Summary'], ['Milestones']]], true) },
    { name: 'billion laughs', fileName: 'laughs.docx', bytes: docxOf(laughs) },
    { name: 'deep nesting', fileName: 'deep.docx', bytes: docxOf(deep) },
    { name: '300,000 lines', fileName: 'lines.txt', bytes: manyLines },
    { name: '2,000,000 commas', fileName: 'commas.csv', bytes: commas },
  ];
}

/** One mutation of `base`: flipped, dropped, repeated or inserted bytes, or a cut-off file. */
export function mutate(base: Uint8Array, next: () => number): Uint8Array {
  const pick = (n: number) => Math.floor(next() * n);
  const bytes = Uint8Array.from(base);
  switch (pick(6)) {
    case 0: {
      for (let i = 0, n = 1 + pick(20); i < n; i += 1) bytes[pick(bytes.length)] = pick(256);
      return bytes;
    }
    case 1:
      return bytes.subarray(0, pick(bytes.length));
    case 2: {
      const at = pick(bytes.length);
      const len = pick(2000);
      return Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + len)]);
    }
    case 3: {
      const at = pick(bytes.length);
      const chunk = bytes.subarray(at, at + pick(500));
      const copies = 1 + pick(20);
      const out = new Uint8Array(bytes.length + chunk.length * copies);
      out.set(bytes.subarray(0, at));
      for (let i = 0; i < copies; i += 1) out.set(chunk, at + i * chunk.length);
      out.set(bytes.subarray(at), at + chunk.length * copies);
      return out;
    }
    case 4: {
      const noise = Uint8Array.from({ length: 1 + pick(200) }, () => pick(256));
      const at = pick(bytes.length);
      return Uint8Array.from([...bytes.subarray(0, at), ...noise, ...bytes.subarray(at)]);
    }
    default: {
      // Text-level: delimiters and line breaks scattered through the file.
      const marks = [9, 10, 13, 44, 59, 34, 60, 62, 38];
      for (let i = 0, n = 1 + pick(50); i < n; i += 1) bytes[pick(bytes.length)] = marks[pick(marks.length)]!;
      return bytes;
    }
  }
}

/** `count` cases, made one at a time: every seed and hostile file once, then mutations of them. */
export async function* fuzzCases(count: number, seed: number): AsyncGenerator<FuzzCase> {
  const seeds = await seedFiles();
  const hostile = await hostileFiles();
  const next = random(seed);
  const fixed = [...seeds, ...hostile].slice(0, count);
  yield* fixed;
  const bases = [...seeds, ...seeds, ...seeds, hostile[1]!, hostile[2]!, hostile[3]!];
  for (let n = fixed.length; n < count; n += 1) {
    const base = bases[Math.floor(next() * bases.length)]!;
    yield { name: `${base.name} mutation ${n}`, fileName: base.fileName, bytes: mutate(base.bytes, next) };
  }
}
