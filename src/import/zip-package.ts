// Opens an Office file (a zip package): lists its parts from the central directory and inflates the parts asked
// for, counting every byte as it comes out. Inflating stops as soon as the package's total passes
// LIMITS.inflatedBytes, so a "zip bomb" costs at most that much memory and time, whatever its headers claim.
import { Inflate } from 'fflate';
import { ImportError } from './import-error.ts';
import { LIMITS, tooComplex } from './limits.ts';

export interface ZipPackage {
  /** Every part name in the package. */
  names: Set<string>;
  /** The wanted parts that were present, inflated. */
  parts: Map<string, Uint8Array>;
}

export interface OpenZipOptions {
  /** Inflate (and count) every part, keeping only the wanted ones: for a package another library reads whole. */
  countAll?: boolean;
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

/** Compressed bytes handed to the inflater at a time: one push can give out at most ~1,032 times this. */
const INPUT_SLICE = 4 * 1024;

function damaged(): ImportError {
  return new ImportError(
    'corrupt',
    'The file looks like a Word or Excel document but it is damaged or incomplete (its zip archive cannot be read). Save it again from Word or Excel and retry.',
  );
}

const utf8 = new TextDecoder('utf-8');

function centralDirectory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (u32(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw damaged();
  const count = u16(end + 10);
  const start = u32(end + 16);
  if (count === 0xffff || start === 0xffffffff) throw tooComplex('a zip64 archive');
  if (count > LIMITS.zipEntries) throw tooComplex(`${count} parts in the package`);
  const entries: Entry[] = [];
  let at = start;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) throw damaged();
    const nameLength = u16(at + 28);
    const entry: Entry = {
      flags: u16(at + 8),
      method: u16(at + 10),
      compressedSize: u32(at + 20),
      localOffset: u32(at + 42),
      name: utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    if (entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) throw tooComplex('a zip64 archive');
    entries.push(entry);
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  return entries;
}

/** The entry's compressed bytes, found through its local header. */
function compressedData(bytes: Uint8Array, entry: Entry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw damaged();
  const from = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const to = from + entry.compressedSize;
  if (to > bytes.length) throw damaged();
  return bytes.subarray(from, to);
}

/** Inflates the entry, adding to `budget.used`; throws as soon as the package's total passes the limit. */
function inflate(bytes: Uint8Array, entry: Entry, budget: { used: number }, keep: boolean): Uint8Array | null {
  if (entry.flags & 1) {
    throw new ImportError('encrypted', 'This Office document is password-protected (encrypted), so it cannot be read. Remove the password and import it again.');
  }
  const data = compressedData(bytes, entry);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const take = (chunk: Uint8Array) => {
    size += chunk.length;
    budget.used += chunk.length;
    if (budget.used > LIMITS.inflatedBytes) {
      throw tooComplex(`over ${LIMITS.inflatedBytes / 1024 / 1024} MB once unpacked`);
    }
    if (keep) chunks.push(chunk);
  };
  if (entry.method === 0) take(data);
  else if (entry.method === 8) {
    const inflater = new Inflate();
    inflater.ondata = (chunk) => take(chunk);
    try {
      for (let at = 0; at < data.length; at += INPUT_SLICE) {
        inflater.push(data.subarray(at, Math.min(at + INPUT_SLICE, data.length)), at + INPUT_SLICE >= data.length);
      }
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (err) {
      if (err instanceof ImportError) throw err;
      throw damaged();
    }
  } else throw damaged();
  if (!keep) return null;
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}

export function openZip(bytes: Uint8Array, wanted: readonly string[], opts: OpenZipOptions = {}): ZipPackage {
  let entries: Entry[];
  try {
    entries = centralDirectory(bytes);
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw damaged();
  }
  const names = new Set(entries.map((e) => e.name));
  const parts = new Map<string, Uint8Array>();
  const budget = { used: 0 };
  for (const entry of entries) {
    const keep = wanted.includes(entry.name) && !parts.has(entry.name);
    if (!keep && !opts.countAll) continue;
    const data = inflate(bytes, entry, budget, keep);
    if (data) parts.set(entry.name, data);
  }
  return { names, parts };
}
