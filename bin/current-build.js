// Whether dist/ holds a current build of src/ (see bin/build.js): it does when dist/.build-stamp exists and no
// file or folder under src/ was changed after the build started. Checked on every start (a walk of src/, a few
// milliseconds), so a stale build is never run after sources are edited, pulled or deleted.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const SRC = fileURLToPath(new URL('../src/', import.meta.url));
export const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
export const BUILD_STAMP = join(DIST, '.build-stamp');

function newestChange(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The file: URL of dist/<file> when dist/ holds a current build, otherwise null. */
export function compiledEntry(file) {
  let builtAt;
  try {
    builtAt = statSync(BUILD_STAMP).mtimeMs;
  } catch {
    return null;
  }
  let changedAt = 0;
  try {
    changedAt = newestChange(SRC);
  } catch {
    // No src/ beside the build (only dist/ was deployed): the build is all there is.
  }
  return changedAt > builtAt ? null : pathToFileURL(join(DIST, file)).href;
}
