// The evidence part of a form: a note, a link (http or https only) and/or an uploaded file.
import type { FieldError } from '../../form-errors.ts';
import { evidenceFileProblem, type UploadedFile } from '../../../services/evidence-files.ts';
import type { Fields } from '../milestones/date-input.ts';

export const NOTE_MAX = 2000;
export const LINK_MAX = 2000;

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
  if (note.length > NOTE_MAX) errors.push({ field: 'evidenceNote', message: `Note must be ${NOTE_MAX} characters or fewer` });
  if (link.length > LINK_MAX) errors.push({ field: 'evidenceLink', message: `Link must be ${LINK_MAX} characters or fewer` });
  else if (link && !isWebLink(link)) {
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
