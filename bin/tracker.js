#!/usr/bin/env node
// The `tracker` command. It runs the compiled build in dist/ (made by `npm run build`, which `npm ci` and
// `npm install` run as the prepare script). Stack traces name the src/*.ts lines when NODE_ENV=development or
// TRACKER_SOURCE_MAPS=1: Node then holds every loaded module's source map in memory, about 55 MB for this service.
// FALLBACK: when there is no current build — dist/ missing, or anything in src/ changed since it was built —
// it runs the TypeScript sources through tsx instead. Same behaviour, but each start takes seconds longer while
// tsx compiles; run `npm run build` to get the fast start back. (`npm run dev` always runs the sources.)
import module from 'node:module';
import { compiledEntry } from './current-build.js';

// Node 22.1 and later keep V8's compiled code between runs (in the system's temporary folder); Node 20 has no cache.
module.enableCompileCache?.();

const compiled = compiledEntry('cli/main.js');
if (compiled) {
  if (process.env.NODE_ENV === 'development' || process.env.TRACKER_SOURCE_MAPS === '1') process.setSourceMapsEnabled(true);
  await import(compiled);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
