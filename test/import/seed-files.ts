// The seed plan shared by the whole project, as Word document and as Word's text export.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEED_TXT = fileURLToPath(new URL('../../../shared/plans/lancashire-lep-2019.txt', import.meta.url));
export const SEED_DOCX = fileURLToPath(new URL('../../../shared/plans/lancashire-lep-2019.docx', import.meta.url));

export function bytesOf(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}
