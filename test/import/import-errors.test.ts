// Files that are not plans, or cannot be read, give one clear ImportError.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError, readPlan } from '../../src/import/index.ts';
import { makeDocx } from './make-docx.ts';
import { PLAN_DOCX, bytesOf } from '../fixtures/plans/fixture-files.ts';

async function failure(bytes: Uint8Array, opts: { maxBytes?: number; fileName?: string } = {}): Promise<ImportError> {
  const error = await readPlan(bytes, opts).then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

/** Deterministic pseudo-random bytes. */
function noise(length: number): Uint8Array {
  let seed = 12345;
  return Uint8Array.from({ length }, () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % 256;
  });
}

describe('files the importer refuses', () => {
  it('an empty file, or one with only blank lines', async () => {
    expect((await failure(new Uint8Array())).message).toMatch(/empty/);
    expect((await failure(strToU8('\r\n  \n'))).message).toMatch(/empty/);
  });

  it('random bytes', async () => {
    const error = await failure(noise(4096));
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/not a document the importer can read.*\.docx/);
  });

  it('a truncated Word document', async () => {
    const plan = bytesOf(PLAN_DOCX);
    const error = await failure(plan.subarray(0, Math.floor(plan.length / 2)));
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/damaged or incomplete/);
  });

  it('a password-protected Office file (OLE compound file)', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const error = await failure(ole, { fileName: 'plan.docx' });
    expect(error.code).toBe('encrypted');
    expect(error.message).toMatch(/password-protected/);
  });

  it('a file over the size limit', async () => {
    const error = await failure(bytesOf(PLAN_DOCX), { maxBytes: 1000 });
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/over the import limit of 1000 bytes/);
  });

  it('a Word document without a table', async () => {
    const error = await failure(makeDocx({ body: ['Improvement Plan 2019/20', 'We will do better.'] }));
    expect(error.code).toBe('no-table');
    expect(error.message).toMatch(/Word document has no table in it.*Improvement summary, Milestones/);
  });

  it('a Word document whose table is not the plan template', async () => {
    const error = await failure(makeDocx({ body: [`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Name</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Phone</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`] }));
    expect(error.message).toMatch(/has a table, but no header row naming the columns/);
  });

  it('a text file that holds no plan table', async () => {
    const error = await failure(strToU8('Dear colleague,\nplease find the plan attached.\n'));
    expect(error.code).toBe('no-table');
  });

  it('a zip archive that is not an Office document', async () => {
    const error = await failure(zipSync({ 'notes.txt': strToU8('hello') }));
    expect(error.message).toMatch(/zip archive, not a Word or Excel document/);
  });
});
