// `tracker` starts quickly because each command, export format and page loads its large libraries only when it
// needs them. A loader hook (test/support/module-loads) records every module a `tracker` process loads.
// The processes run bin/tracker.js as a user does: the compiled build in dist/ when it is current (CI runs
// `npm ci`, whose prepare script builds it), otherwise the sources through tsx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compiledEntry } from '../../bin/current-build.js';
import { serviceUrl } from '../support/service-url.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RECORDER = fileURLToPath(new URL('../support/module-loads/record.js', import.meta.url));

/** The libraries that make a start slow: documents, charts, the database and the web framework. */
const LARGE = ['exceljs', 'pdfkit', 'echarts', 'docx', 'better-sqlite3', 'pg', 'kysely', 'fastify'];

let dir: string;
let logs = 0;

function env(log: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, DATA_DIR: dir, DATABASE_URL: join(dir, 'tracker.sqlite'), LOG_LEVEL: 'warn', MODULE_LOAD_LOG: log, ...extra };
}

/** The packages (by name) among the loaded modules' URLs. */
function packages(urls: string[]): Set<string> {
  const names = urls.map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1]).filter((name) => name !== undefined);
  return new Set(names);
}

/** Runs `tracker ARGS` to its end: its output and the modules it loaded. */
function tracker(args: string[]) {
  const log = join(dir, `loads-${(logs += 1)}.txt`);
  const result = spawnSync(process.execPath, ['--import', RECORDER, 'bin/tracker.js', ...args], {
    cwd: ROOT,
    env: env(log),
    encoding: 'utf8',
    timeout: 60_000,
  });
  const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, urls, packages: packages(urls) };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tracker-lazy-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tracker start-up', () => {
  it('runs the compiled build when dist/ is current, and CI has one (npm ci builds it)', () => {
    const compiled = compiledEntry('cli/main.js');
    if (process.env.CI === 'true') expect(compiled, 'CI runs `npm ci`, whose prepare script builds dist/').not.toBeNull();
    const { code, urls } = tracker(['--help']);
    expect(code).toBe(0);
    expect(urls).toContain(compiled ?? pathToFileURL(join(ROOT, 'src/cli/main.ts')).href);
  });

  it('lists every command in --help without loading a document, chart or database library', () => {
    const { code, stdout, packages } = tracker(['--help']);
    expect(code).toBe(0);
    for (const command of ['serve', 'import', 'export', 'users', 'reminders']) expect(stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    expect(LARGE.filter((name) => packages.has(name))).toEqual([]);
  });

  it('shows a command’s own help (its options) without loading its libraries', () => {
    const { code, stdout, packages } = tracker(['export', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--format <format>');
    expect(stdout).toMatch(/docx \| pdf \| xlsx/);
    expect(LARGE.filter((name) => packages.has(name))).toEqual([]);
  });

  it('reads a text plan in a dry run without Excel, Word, PDF, chart or database code', () => {
    const { code, stdout, packages } = tracker(['import', 'demo/plan-2024-25.txt', '--dry-run']);
    expect(code).toBe(0);
    expect(stdout).toContain('Dry run: nothing was stored.');
    expect(LARGE.filter((name) => packages.has(name))).toEqual([]);
  });

  it('loads only the Word library for a Word export, and the PDF library only for a PDF', () => {
    const stored = tracker(['import', 'demo/plan-2024-25.txt', '--org', 'Lazy Loading Council']);
    expect(stored.code).toBe(0);
    const planId = /Stored as plan (\d+)/.exec(stored.stdout)?.[1] ?? '';

    const word = tracker(['export', '--plan', planId, '--format', 'docx', '--out', join(dir, 'plan.docx')]);
    expect(word.stderr).toBe('');
    expect(word.packages.has('docx')).toBe(true);
    expect(['pdfkit', 'exceljs', 'echarts'].filter((name) => word.packages.has(name))).toEqual([]);

    const pdf = tracker(['export', '--plan', planId, '--format', 'pdf', '--out', join(dir, 'plan.pdf')]);
    expect(pdf.stderr).toBe('');
    expect(pdf.packages.has('pdfkit')).toBe(true);
    expect(['docx', 'exceljs', 'echarts'].filter((name) => pdf.packages.has(name))).toEqual([]);
  });

  it('starts the web service (and answers /health) without the Word, PDF, Excel or chart code', async () => {
    const log = join(dir, 'loads-serve.txt');
    const child = spawn(process.execPath, ['--import', RECORDER, 'bin/tracker.js', 'serve'], {
      cwd: ROOT,
      env: env(log, { PORT: '0', HOST: '127.0.0.1', DEMO: 'false' }),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = once(child, 'exit');
    try {
      const url = await serviceUrl(child, (code) => new Error(`tracker serve exited with ${code}`));
      expect((await fetch(`${url}/health`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    const loaded = packages(readFileSync(log, 'utf8').split('\n'));
    expect(loaded.has('fastify')).toBe(true);
    expect(['exceljs', 'pdfkit', 'echarts', 'docx'].filter((name) => loaded.has(name))).toEqual([]);
  });
});
