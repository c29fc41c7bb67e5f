// Loader hooks for record.js (they run on the loader's own thread): append each resolved URL to MODULE_LOAD_LOG.
import { appendFileSync } from 'node:fs';

const log = process.env.MODULE_LOAD_LOG;

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (log) appendFileSync(log, `${resolved.url}\n`);
  return resolved;
}
