// The evidence part of a form: a note, a link (http or https only) and/or an uploaded file. How long the note and
// link may be is the form's schema's (schemas.ts); this reads what was sent and checks what a schema cannot.
import type { FieldError } from '../../form-errors.ts';
import { evidenceFileProblem, type UploadedFile } from '../../../services/tracking-service.ts';
import type { Fields } from '../../date-input.ts';

export interface EvidenceEntry {
  note: string | null;
  link: string | null;
  file: UploadedFile | null;
}

export function isWebLink(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The evidence entered, with what is wrong with it. `required`: at least one of note, link or file. */
export function readEvidenceEntry(
  fields: Fields,
  file: UploadedFile | null,
  required: boolean,
): { entry: EvidenceEntry | null; errors: FieldError[] } {
  const note = (fields.evidenceNote ?? '').trim();
  const link = (fields.evidenceLink ?? '').trim();
  const errors: FieldError[] = [];
  if (link && !isWebLink(link)) {
    errors.push({ field: 'evidenceLink', message: 'Enter a link that starts with http:// or https://, like https://www.example.gov.uk/report' });
  }
  const fileProblem = file ? evidenceFileProblem(file) : null;
  if (fileProblem) errors.push({ field: 'evidenceFile', message: fileProblem });
  if (required && !note && !link && !file) {
    errors.push({ field: 'evidenceNote', message: 'Enter a note, a link or choose a file as evidence' });
  }
  const empty = !note && !link && !file;
  return { entry: empty ? null : { note: note || null, link: link || null, file }, errors };
}
