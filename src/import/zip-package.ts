// Opens an Office file (a zip package), decompressing only the parts asked for.
import { unzipSync } from 'fflate';
import { ImportError } from './import-error.ts';

export interface ZipPackage {
  /** Every part name in the package. */
  names: Set<string>;
  /** The wanted parts that were present, decompressed. */
  parts: Map<string, Uint8Array>;
}

/** Parts larger than this when decompressed are refused (a "zip bomb" would otherwise fill memory). */
const MAX_PART_BYTES = 200 * 1024 * 1024;

export function openZip(bytes: Uint8Array, wanted: readonly string[]): ZipPackage {
  const names = new Set<string>();
  let oversized: string | null = null;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        names.add(file.name);
        if (!wanted.includes(file.name)) return false;
        if (file.originalSize > MAX_PART_BYTES) {
          oversized = file.name;
          return false;
        }
        return true;
      },
    });
  } catch {
    throw new ImportError(
      'corrupt',
      'The file looks like a Word or Excel document but it is damaged or incomplete (its zip archive cannot be read). Save it again from Word or Excel and retry.',
    );
  }
  if (oversized !== null) {
    throw new ImportError('too-large', `The document is too large to import once unpacked (${oversized as string} is over ${MAX_PART_BYTES / 1024 / 1024} MB).`);
  }
  return { names, parts: new Map(Object.entries(files)) };
}
