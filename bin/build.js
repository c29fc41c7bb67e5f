#!/usr/bin/env node
// `npm run build` (and the prepare script, so `npm ci` and `npm install` run it): compiles src/ to dist/ with
// tsconfig.build.json (JavaScript plus source maps pointing back at src/), copies the files the code reads at run
// time (templates, stylesheets: everything under src/ that is not TypeScript) beside it, then writes
// dist/.build-stamp, dated when the build started. bin/tracker.js runs dist/ only while nothing in src/ is newer
// than that stamp.
//
// Without TypeScript installed (a production install, `npm ci --omit=dev`) there is nothing to compile with: this
// says so and stops without failing, and `tracker` runs the sources through tsx, more slowly.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_STAMP, DIST, SRC } from './current-build.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const started = new Date();

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  process.stdout.write('build: TypeScript is not installed (a production install?), so dist/ was not built; tracker runs src/ through tsx.\n');
  process.exit(0);
}

rmSync(DIST, { recursive: true, force: true });
const compiled = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
// tsc exits 2 when it found type errors but wrote every file: the JavaScript is what tsx would run from the
// sources, so the build stands (and `npm run typecheck` fails). Any other failure leaves no build.
if (compiled.status === 2) {
  process.stderr.write('build: dist/ built despite the type errors above; `npm run typecheck` reports them\n');
} else if (compiled.status !== 0) {
  rmSync(DIST, { recursive: true, force: true });
  process.stderr.write('build: tsc failed, dist/ not built (tracker runs src/ through tsx until a build succeeds)\n');
  process.exit(compiled.status ?? 1);
}

let assets = 0;
for (const entry of readdirSync(SRC, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || entry.name.endsWith('.ts')) continue;
  const from = join(entry.parentPath, entry.name);
  const to = join(DIST, relative(SRC, from));
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  assets += 1;
}

writeFileSync(BUILD_STAMP, `${JSON.stringify({ builtAt: started.toISOString() })}\n`);
utimesSync(BUILD_STAMP, started, started);
process.stdout.write(`build: src/ compiled to dist/ (${assets} other files copied)\n`);
