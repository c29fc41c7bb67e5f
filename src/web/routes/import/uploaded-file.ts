// The file of a multipart form, as @fastify/multipart (attachFieldsToBody, throwFileSizeLimit off) leaves it in
// the body: its name, its bytes, and whether it was cut off at the size limit.
import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';

export interface UploadedFile {
  /** The name the browser gave, without any folder. */
  fileName: string;
  bytes: Uint8Array;
  /** The file was larger than the size limit (bytes holds only its beginning). */
  tooLarge: boolean;
}

function isFilePart(value: unknown): value is MultipartFile {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'file' &&
    typeof (value as { toBuffer?: unknown }).toBuffer === 'function'
  );
}

/** The file sent in `field`, or null when none was chosen (browsers then send an empty part without a name). */
export async function uploadedFile(request: FastifyRequest, field: string): Promise<UploadedFile | null> {
  if (!request.isMultipart()) return null;
  const body = request.body as Record<string, unknown> | undefined;
  const value = body?.[field];
  const part = Array.isArray(value) ? value.find(isFilePart) : value;
  if (!isFilePart(part)) return null;
  const bytes = await part.toBuffer();
  const fileName = (part.filename.split(/[\\/]/).pop() ?? '').trim().slice(0, 200);
  if (fileName === '' && bytes.length === 0) return null;
  return { fileName: fileName || 'upload', bytes: new Uint8Array(bytes), tooLarge: part.file.truncated };
}
