// Evidence files: uploads checked by size, extension allow-list and magic bytes (the client's MIME type is never
// trusted), stored outside the database as `<dataDir>/evidence/<stored name>`, where the stored name is
// `<32 random hex>-<the original name, made safe>`: unguessable, and the name people uploaded can be given back
// on download without another column. The evidence row keeps the stored name in `file_path`.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { unzipSync } from 'fflate';
import type { Database } from '../store/schema.ts';
import type { EvidenceRecord } from '../domain/records.ts';
import type { EvidenceTarget } from '../store/monitoring-repository.ts';
import { getEvidence } from '../store/monitoring-repository.ts';
import { ownerOf, type Owner } from '../store/ownership-queries.ts';
import { addEvidence } from './plans.ts';

type Db = Kysely<Database>;

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

interface FileKind {
  contentType: string;
  looksRight: (bytes: Uint8Array) => boolean;
}

const startsWith = (bytes: Uint8Array, signature: number[]): boolean => signature.every((b, i) => bytes[i] === b);

function zipHolds(bytes: Uint8Array, folder: string): boolean {
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return false;
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    return false;
  }
  return names.includes('[Content_Types].xml') && names.some((n) => n.startsWith(folder));
}

/** Text: valid UTF-8 without NUL bytes. */
function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const KINDS: Record<string, FileKind> = {
  pdf: { contentType: 'application/pdf', looksRight: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    looksRight: (b) => zipHolds(b, 'word/'),
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    looksRight: (b) => zipHolds(b, 'xl/'),
  },
  csv: { contentType: 'text/csv; charset=utf-8', looksRight: isText },
  txt: { contentType: 'text/plain; charset=utf-8', looksRight: isText },
  png: { contentType: 'image/png', looksRight: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  jpg: { contentType: 'image/jpeg', looksRight: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  jpeg: { contentType: 'image/jpeg', looksRight: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
};

export const ALLOWED_EXTENSIONS_TEXT = 'PDF, DOCX, XLSX, CSV, TXT, PNG or JPG';

export interface UploadedFile {
  /** The name on the user's computer, as the browser sent it. */
  name: string;
  bytes: Uint8Array;
  /** True when the upload was cut off at MAX_EVIDENCE_BYTES. */
  tooLarge?: boolean;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** What is wrong with the upload, in words for the GOV.UK error message; null when it may be stored. */
export function evidenceFileProblem(file: UploadedFile): string | null {
  if (file.tooLarge || file.bytes.length > MAX_EVIDENCE_BYTES) return 'The selected file must be smaller than 10MB';
  if (file.bytes.length === 0) return 'The selected file is empty';
  const kind = KINDS[extensionOf(file.name)];
  if (!kind) return `The selected file must be a ${ALLOWED_EXTENSIONS_TEXT}`;
  if (!kind.looksRight(file.bytes)) return `The selected file is not a real ${extensionOf(file.name).toUpperCase()} file`;
  return null;
}

/** The original name without control characters or marks unsafe in file names, at most 100 characters, extension kept. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const ext = extensionOf(base);
  const stem = (ext ? base.slice(0, -(ext.length + 1)) : base)
    .normalize('NFKC')
    .replace(/[\p{C}/\\:*?"<>|%]+/gu, '-')
    .replace(/^[.\s-]+/, '')
    .slice(0, 90)
    .trim();
  return `${stem || 'evidence'}.${ext}`;
}

const STORED_NAME = /^[0-9a-f]{32}-([^/\\]+)$/u;

export function evidenceDir(dataDir: string): string {
  return join(dataDir, 'evidence');
}

/** The name to offer on download: the original name as made safe when stored. */
export function downloadName(storedName: string): string {
  return STORED_NAME.exec(storedName)?.[1] ?? 'evidence';
}

export function contentTypeOf(storedName: string): string {
  return KINDS[extensionOf(storedName)]?.contentType ?? 'application/octet-stream';
}

/** Checks and writes the file; returns its stored name. Throws when evidenceFileProblem finds a problem. */
export async function saveEvidenceFile(dataDir: string, file: UploadedFile): Promise<string> {
  const problem = evidenceFileProblem(file);
  if (problem) throw new Error(problem);
  const storedName = `${randomBytes(16).toString('hex')}-${safeFileName(file.name)}`;
  await mkdir(evidenceDir(dataDir), { recursive: true });
  await writeFile(join(evidenceDir(dataDir), storedName), file.bytes, { flag: 'wx' });
  return storedName;
}

export interface EvidenceInput {
  date: string;
  note?: string | null;
  link?: string | null;
  file?: UploadedFile | null;
}

/**
 * Stores the file (if any), then runs `work` with its stored name (null for no file); the file is removed again
 * if `work` fails, so a refused or failed save leaves no file behind.
 */
export async function withStoredFile<T>(dataDir: string, file: UploadedFile | null | undefined, work: (storedName: string | null) => Promise<T>): Promise<T> {
  const storedName = file ? await saveEvidenceFile(dataDir, file) : null;
  try {
    return await work(storedName);
  } catch (error) {
    if (storedName) await unlink(join(evidenceDir(dataDir), storedName)).catch(() => undefined);
    throw error;
  }
}

/** Stores the file (if any) and the evidence row with its audit event; the file is removed if the row is not. */
export function addEvidenceWithFile(
  db: Db,
  dataDir: string,
  target: EvidenceTarget,
  input: EvidenceInput,
  userId: number | null,
): Promise<EvidenceRecord> {
  return withStoredFile(dataDir, input.file, (storedName) =>
    addEvidence(db, { ...target, date: input.date, note: input.note ?? null, link: input.link ?? null, filePath: storedName }, userId),
  );
}

export interface EvidenceDownload {
  owner: Owner;
  name: string;
  contentType: string;
  /** Reads the stored bytes: call only once the user is known to be allowed them. */
  read: () => Promise<Buffer>;
}

/** Where the evidence's file is and whose it is, or undefined when the evidence has no file. */
export async function findEvidenceFile(db: Db, dataDir: string, evidenceId: number): Promise<EvidenceDownload | undefined> {
  const evidence = await getEvidence(db, evidenceId);
  const storedName = evidence?.filePath;
  if (!evidence || !storedName || !STORED_NAME.test(storedName)) return undefined;
  const owner = await ownerOf(
    db,
    evidence.monitoringItemId !== null ? { monitoringItem: evidence.monitoringItemId } : { milestone: evidence.milestoneId ?? 0 },
  );
  if (!owner) return undefined;
  return {
    owner,
    name: downloadName(storedName),
    contentType: contentTypeOf(storedName),
    read: () => readFile(join(evidenceDir(dataDir), storedName)),
  };
}
