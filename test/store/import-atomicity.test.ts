// Importing a malformed file leaves the database exactly as before: the importer rejects it with an ImportError
// before anything is stored, and nothing half-read reaches the tables.
import { strToU8, zipSync } from 'fflate';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { PlanDraft } from '../../src/domain/types.ts';
import { readPlan } from '../../src/import/index.ts';
import { getPlan, savePlanDraft } from '../../src/store/plans-repository.ts';
import type { Database } from '../../src/store/schema.ts';
import { forEachDatabase } from '../support/databases.ts';
import { seedPlan } from '../support/fixtures.ts';
import { tableRowCounts } from '../support/row-counts.ts';

/** readPlan gives the draft, or a result holding it as `draft` (with warnings beside it). */
function draftOf(result: unknown): PlanDraft {
  if (result && typeof result === 'object' && 'draft' in result) return (result as { draft: PlanDraft }).draft;
  return result as PlanDraft;
}

/** The import journey after the preview: read the file, then store what was read. */
async function importFile(db: Kysely<Database>, organisationId: number, bytes: Uint8Array, fileName: string): Promise<number> {
  const result: unknown = await readPlan(Buffer.from(bytes), { fileName });
  return savePlanDraft(db, organisationId, draftOf(result), { sourceName: fileName });
}

const TAB = '\t';
const GOOD_TEXT = [
  ['Summarise the improvement that needs to be made, including KPIs', 'Add key milestones and dates (where possible)',
    'Note how you will monitor progress', 'Area Lead progress update'].join(TAB),
  ['1. We will publish our Board papers', 'Papers online by September 2019', 'Website checked monthly', ''].join(TAB),
].join('\n');

/** A Word document holding the four-column table: a well-formed zip. */
function docxBytes(): Uint8Array {
  const cell = (text: string): string => `<w:tc><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
  const row = (cells: string[]): string => `<w:tr>${cells.map(cell).join('')}</w:tr>`;
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>${row([
    'Improvement summary', 'Milestones', 'Monitoring process', 'Area Lead progress update',
  ])}${row(['1. We will publish our Board papers', 'Papers online by September 2019', 'Website checked monthly', ''])}</w:tbl></w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    'word/document.xml': strToU8(document),
  });
}

const MALFORMED: [label: string, fileName: string, bytes: () => Uint8Array][] = [
  ['garbage bytes named .docx', 'plan.docx', () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)],
  ['a truncated zip named .docx', 'plan.docx', () => docxBytes().slice(0, Math.floor(docxBytes().length / 2))],
  ['a truncated zip named .xlsx', 'plan.xlsx', () => docxBytes().slice(0, 200)],
  ['an empty .docx', 'plan.docx', () => new Uint8Array(0)],
  ['a text file with no four-column table', 'plan.txt', () => strToU8('Minutes of the meeting\nNothing tabular here.\n')],
];

function isImportError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ImportError' || error.constructor.name === 'ImportError');
}

describe('importing a malformed file', () => {
  forEachDatabase((_name, getStore) => {
    for (const [label, fileName, bytes] of MALFORMED) {
      it(`leaves the database exactly as before: ${label}`, async () => {
        const store = getStore();
        const plan = await seedPlan(store.db);
        const before = await tableRowCounts(store);

        const outcome = await importFile(store.db, plan.organisationId, bytes(), fileName).then(
          (id) => ({ stored: id }),
          (error: unknown) => ({ error }),
        );

        expect(outcome).toHaveProperty('error');
        expect(isImportError((outcome as { error: unknown }).error)).toBe(true);
        expect(await tableRowCounts(store)).toEqual(before);
        expect(await getPlan(store.db, plan.id)).toEqual(plan);
      });
    }

    it('stores a well-formed text file through the same path (so the cases above can fail)', async () => {
      const store = getStore();
      const plan = await seedPlan(store.db);
      const id = await importFile(store.db, plan.organisationId, strToU8(GOOD_TEXT), 'plan.txt');
      const stored = await getPlan(store.db, id);
      expect(stored?.commitments.map((c) => c.title)).toEqual(['We will publish our Board papers']);
      expect(stored?.sourceName).toBe('plan.txt');
    });
  });
});
