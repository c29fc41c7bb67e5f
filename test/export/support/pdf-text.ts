// The text a PDF shows, for tests: each content stream inflated and tokenised, the strings of its text-showing
// operators (Tj, TJ, ', ") decoded as WinAnsi (the encoding of the built-in Helvetica fonts). Enough for PDFs
// written with pdfkit's standard fonts; not a general PDF reader.
import { inflateSync } from 'node:zlib';

/** WinAnsi bytes 0x80–0x9F (the rest are Latin-1). Node's TextDecoder reads 'windows-1252' as Latin-1. */
const WIN_ANSI_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function winAnsi(bytes: number[]): string {
  return bytes.map((b) => (b >= 0x80 && b <= 0x9f ? (WIN_ANSI_HIGH[b - 0x80] ?? '') : String.fromCharCode(b))).join('');
}

function streams(pdf: Buffer): Buffer[] {
  const found: Buffer[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream', at, 'latin1');
    if (start < 0) break;
    let dataStart = start + 'stream'.length;
    if (pdf[dataStart] === 0x0d) dataStart += 1;
    if (pdf[dataStart] === 0x0a) dataStart += 1;
    const end = pdf.indexOf('endstream', dataStart, 'latin1');
    if (end < 0) break;
    const isKeyword = pdf.subarray(start - 3, start).toString('latin1') !== 'end';
    if (isKeyword) {
      try {
        found.push(inflateSync(pdf.subarray(dataStart, end)));
      } catch {
        found.push(pdf.subarray(dataStart, end));
      }
    }
    at = end + 'endstream'.length;
  }
  return found;
}

type Token = { kind: 'string'; bytes: number[] } | { kind: 'op'; name: string } | { kind: 'open' } | { kind: 'close' } | { kind: 'other' };

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelimiter = (c: number): boolean => isSpace(c) || '()<>[]{}/%'.includes(String.fromCharCode(c));

function* tokens(s: Buffer): Generator<Token> {
  let i = 0;
  while (i < s.length) {
    const c = s[i] ?? 0;
    if (isSpace(c)) {
      i += 1;
    } else if (c === 0x25 /* % */) {
      while (i < s.length && s[i] !== 0x0a && s[i] !== 0x0d) i += 1;
    } else if (c === 0x28 /* ( */) {
      const bytes: number[] = [];
      let depth = 1;
      i += 1;
      while (i < s.length && depth > 0) {
        const d = s[i] ?? 0;
        if (d === 0x5c /* \ */) {
          const e = s[i + 1] ?? 0;
          const escapes: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
          if (e >= 0x30 && e <= 0x37) {
            let octal = '';
            while (octal.length < 3 && (s[i + 1] ?? 0) >= 0x30 && (s[i + 1] ?? 0) <= 0x37) octal += String.fromCharCode(s[++i] ?? 0);
            bytes.push(parseInt(octal, 8));
            i += 1;
            continue;
          }
          bytes.push(escapes[e] ?? e);
          i += 2;
          continue;
        }
        if (d === 0x28) depth += 1;
        if (d === 0x29) depth -= 1;
        if (depth > 0) bytes.push(d);
        i += 1;
      }
      yield { kind: 'string', bytes };
    } else if (c === 0x3c /* < */ && s[i + 1] !== 0x3c) {
      const end = s.indexOf(0x3e, i);
      const hex = s.subarray(i + 1, end).toString('latin1').replace(/\s+/g, '');
      const bytes: number[] = [];
      for (let k = 0; k < hex.length; k += 2) bytes.push(parseInt(hex.slice(k, k + 2).padEnd(2, '0'), 16));
      yield { kind: 'string', bytes };
      i = end + 1;
    } else if (c === 0x5b) {
      yield { kind: 'open' };
      i += 1;
    } else if (c === 0x5d) {
      yield { kind: 'close' };
      i += 1;
    } else if (isDelimiter(c)) {
      i += c === 0x3c || c === 0x3e ? 2 : 1;
      while (i < s.length && !isDelimiter(s[i] ?? 0)) i += 1;
      yield { kind: 'other' };
    } else {
      const start = i;
      while (i < s.length && !isDelimiter(s[i] ?? 0)) i += 1;
      const word = s.subarray(start, i).toString('latin1');
      yield /^[A-Za-z'"*]+$/.test(word) ? { kind: 'op', name: word } : { kind: 'other' };
    }
  }
}

function showText(content: Buffer): string[] {
  const lines: string[] = [];
  let operands: number[][] = [];
  let inArray = false;
  let arrayBytes: number[] = [];
  for (const t of tokens(content)) {
    if (t.kind === 'open') {
      inArray = true;
      arrayBytes = [];
    } else if (t.kind === 'close') {
      inArray = false;
      operands.push(arrayBytes);
    } else if (t.kind === 'string') {
      if (inArray) arrayBytes.push(...t.bytes);
      else operands.push(t.bytes);
    } else if (t.kind === 'op') {
      if (['Tj', 'TJ', "'", '"'].includes(t.name)) {
        const bytes = operands.at(-1);
        if (bytes) lines.push(winAnsi(bytes));
      }
      operands = [];
    }
  }
  return lines;
}

/** Every page's text in order, one shown string per line. */
export function pdfText(pdf: Buffer): string {
  return streams(pdf).flatMap(showText).join('\n');
}

/** The text with every run of white space made one space: for finding wrapped phrases. */
export function flatPdfText(pdf: Buffer): string {
  return pdfText(pdf).replace(/\s+/g, ' ');
}
