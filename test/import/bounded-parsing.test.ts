// Files built to exhaust memory or time are refused quickly with one clear message, in the importer itself and
// through the worker thread the service and CLI read uploads in.
import { describe, expect, it } from 'vitest';
import { ImportError, readPlan } from '../../src/import/index.ts';
import { readPlanIsolated } from '../../src/import/read-plan-isolated.ts';
import { hostileFiles, seedFiles } from '../../bench/fuzz-cases.ts';

const hostile = await hostileFiles();
const file = (name: string) => {
  const found = hostile.find((f) => f.name === name);
  if (!found) throw new Error(`no hostile file ${name}`);
  return found;
};

async function refusal(bytes: Uint8Array, fileName: string): Promise<ImportError> {
  const error = await readPlan(bytes, { fileName }).then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('bounded reading of uploads', () => {
  it('stops unpacking a zip bomb (a 30 MB document.xml in a small .docx) at the limit', async () => {
    const bomb = file('zip bomb (30 MB document.xml)');
    expect(bomb.bytes.length).toBeLessThan(200 * 1024);
    const error = await refusal(bomb.bytes, bomb.fileName);
    expect(error.code).toBe('too-complex');
    expect(error.message).toMatch(/too large or complex to import \(over 20 MB once unpacked\)/);
  });

  it('refuses a 6 KB workbook whose one cell is at XFD1048576 without visiting the empty cells', async () => {
    const far = file('cell at XFD1048576');
    expect(far.bytes.length).toBeLessThan(10 * 1024);
    const error = await refusal(far.bytes, far.fileName);
    expect(error.code).toBe('too-complex');
    expect(error.message).toContain('column 16384');
  });

  it('refuses XML with a DOCTYPE (billion laughs) and elements nested thousands deep', async () => {
    const laughs = await refusal(file('billion laughs').bytes, 'laughs.docx');
    expect(laughs.message).toContain('DOCTYPE');
    const deep = await refusal(file('deep nesting').bytes, 'deep.docx');
    expect(deep.code).toBe('too-complex');
    expect(deep.message).toContain('nested over 100 deep');
  });

  it('refuses CSV and text files with more lines or cells than any plan', async () => {
    expect((await refusal(file('300,000 lines').bytes, 'lines.txt')).message).toContain('over 200,000 lines');
    expect((await refusal(file('2,000,000 commas').bytes, 'commas.csv')).message).toContain('over 1,000,000 cells');
  });

  it('still reads the demo plan in every format', async () => {
    for (const seed of await seedFiles()) {
      const plan = await readPlan(seed.bytes, { fileName: seed.fileName });
      expect(plan.commitments, seed.name).toHaveLength(9);
    }
  });

  it('reads in a worker thread: the plan comes back, and a file over the worker’s memory or time is refused', async () => {
    const [txt] = await seedFiles();
    const plan = await readPlanIsolated(txt!.bytes, { fileName: 'plan.txt' });
    expect(plan.commitments).toHaveLength(9);
    const bomb = file('zip bomb (30 MB document.xml)');
    await expect(readPlanIsolated(bomb.bytes, { fileName: bomb.fileName })).rejects.toMatchObject({ code: 'too-complex' });
    // A worker given too little time costs that worker only, and the user gets one clear message.
    const slow = readPlanIsolated(txt!.bytes, { fileName: 'plan.txt', timeoutMs: 1 });
    await expect(slow).rejects.toMatchObject({ code: 'too-complex', message: expect.stringContaining('took too long or needed too much memory') });
  }, 60_000);
});
