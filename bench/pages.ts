// Benchmark (`npm run bench`): the service's pages under load at national size, against a ceiling measured in the
// same run, on SQLite and on PostgreSQL. For each database:
//   - a fresh database filled by `tracker generate --orgs 300` (BENCH_ORGS) — its time is reported too;
//   - `tracker serve` started the way `npm start` starts it (its Node options, NODE_ENV unset), signed in as the
//     national reviewer;
//   - the plan overview, a commitment page and the portfolio roll-up, each hit by autocannon with 20 connections
//     for BENCH_SECONDS (5): requests/s and p50/p95/p99 latency;
//   - the ceiling: a bare Fastify app serving each page's very bytes from memory, hit the same way, and the ratio
//     page/ceiling;
//   - the Word and PDF exports of a plan (median of 5), and the server's peak RSS;
//   - the same pages from a second server with the rendered-page cache off (PAGE_CACHE_MB=0): what a page costs
//     when it is rendered, as the first visit after any write is.
// Each server and ceiling is warmed up for WARM_UP_SECONDS on each page before anything is measured.
// Then the import of the fixture .docx against a bare read of the same file. BENCH_RUNS (1) repeats the load
// measurements for the spread. Prints a table and writes bench/results.json. Targets are reported, not enforced.
//
// PostgreSQL: TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test, in a fresh schema dropped after.
// BENCH_DATABASES=sqlite (or postgres) runs one of them only.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { readPlan } from '../src/import/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TRACKER = join(ROOT, 'bin/tracker.js');
const PEAK_RSS = fileURLToPath(new URL('./support/peak-rss.js', import.meta.url));
const CEILING = fileURLToPath(new URL('./support/ceiling-server.js', import.meta.url));
const DOCX = fileURLToPath(new URL('../test/fixtures/plans/harrowden-2021-22.docx', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));
/** The Node options `npm start` gives the service (package.json), so the service runs here as it runs there. */
const START_FLAGS = (() => {
  const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start ?? '';
  return /^node((?:\s+--\S+)*)\s+bin\/tracker\.js/.exec(start)?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];
})();

const ORGS = Number(process.env.BENCH_ORGS ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const WARM_UP_SECONDS = 2;
const CONNECTIONS = 20;
const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',').map((d) => d.trim()) as ('sqlite' | 'postgres')[];
const WORK = mkdtempSync(join(tmpdir(), 'tracker-bench-pages-'));

interface Load {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  failures: number;
}

interface PageRun {
  page: Load;
  ceiling: Load;
  /** page requests/s ÷ ceiling requests/s */
  ratio: number;
}

interface PageResult {
  path: string;
  bytes: number;
  /** Served as `npm start` serves it: the rendered-page cache on (web/rendered-pages.ts). */
  runs: PageRun[];
  /** The same page rendered on every request (PAGE_CACHE_MB=0): what the first visit after a write costs. */
  uncached: Load[];
}

interface DatabaseResult {
  database: string;
  generateSeconds: number | null;
  pages: Record<string, PageResult>;
  /**
   * The least a signed-in page can cost here: GET /sign-in while signed in resumes the session from the database
   * and redirects, rendering nothing. A page served from a rendered-page cache would cost at least this.
   */
  signedInFloor: Load[];
  exportsMs: Record<string, number>;
  peakRssMb: number | null;
  notes: string[];
}

// ---- processes ----------------------------------------------------------------------------------------------------

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? 1, stdout, stderr, ms: performance.now() - started }));
  });
}

/** Starts a server process and resolves with its base URL once it prints "… running at http://…". */
function startServer(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; base: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s: ${err || out}`)), 60_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, base: match[1].replace('localhost', '127.0.0.1') });
      }
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it started: ${err || out}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

// ---- HTTP ---------------------------------------------------------------------------------------------------------

async function signIn(base: string, email: string, password: string): Promise<string> {
  const form = await fetch(`${base}/sign-in`);
  const csrfCookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const response = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, email, password, returnTo: '/' }).toString(),
  });
  const session = response.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c?.includes('tracker_session='));
  if (response.status !== 303 || !session) throw new Error(`could not sign in as ${email} (${response.status})`);
  return session;
}

async function get(base: string, path: string, cookie: string): Promise<{ status: number; body: Buffer }> {
  const response = await fetch(`${base}${path}`, { headers: { cookie }, redirect: 'manual' });
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function load(url: string, cookie: string, expected = 200, duration = SECONDS): Promise<Load> {
  const latencies: number[] = [];
  let failures = 0;
  const instance = autocannon({ url, connections: CONNECTIONS, duration, headers: { cookie } });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode === expected) latencies.push(responseTime);
    else failures += 1;
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    failures: failures + result.errors + result.timeouts,
  };
}

async function medianMs(times: number, work: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? NaN;
}

// ---- one database -------------------------------------------------------------------------------------------------

async function freshDatabase(database: 'sqlite' | 'postgres'): Promise<{ url: string; dispose(): Promise<void> }> {
  if (database === 'sqlite') {
    const dir = mkdtempSync(join(WORK, 'sqlite-'));
    return { url: join(dir, 'tracker.sqlite'), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await admin(`create schema ${schema}`);
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), dispose: () => admin(`drop schema if exists ${schema} cascade`) };
}

/** What bench/support/peak-rss.js wrote when the measured server stopped, in MB. */
function peakRssMb(file: string): number | null {
  try {
    return Number(readFileSync(file, 'utf8')) / 1024;
  } catch {
    return null;
  }
}

async function benchDatabase(database: 'sqlite' | 'postgres'): Promise<DatabaseResult> {
  const result: DatabaseResult = { database, generateSeconds: null, pages: {}, signedInFloor: [], exportsMs: {}, peakRssMb: null, notes: [] };
  const db = await freshDatabase(database);
  const dataDir = mkdtempSync(join(WORK, 'data-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: db.url, DATA_DIR: dataDir, DEMO: 'false', LOG_LEVEL: 'warn', REMINDERS: 'off', HOST: '127.0.0.1', PORT: '0' };
  delete env.NODE_ENV;
  delete env.TRACKER_TODAY;
  const rssFile = join(dataDir, 'peak-rss');
  let server: ChildProcess | undefined;
  try {
    process.stdout.write(`[${database}] generating ${ORGS} organisations…\n`);
    const generated = await run([TRACKER, 'generate', '--orgs', String(ORGS), '--seed', '1'], env);
    if (generated.code !== 0) throw new Error(`tracker generate failed: ${generated.stderr || generated.stdout}`);
    result.generateSeconds = generated.ms / 1000;
    const reviewer = /^\s+(national\.reviewer\S*)\s+(\S+)/m.exec(generated.stdout);
    if (!reviewer?.[1] || !reviewer[2]) throw new Error(`no national reviewer in the output of tracker generate:\n${generated.stdout}`);

    const started = await startServer([...START_FLAGS, '--import', PEAK_RSS, TRACKER, 'serve'], { ...env, BENCH_PEAK_RSS_FILE: rssFile });
    server = started.child;
    const { base } = started;
    const cookie = await signIn(base, reviewer[1], reviewer[2]);

    // The pages: a plan in the middle of the generated set, its first commitment, and the portfolio.
    const planPath = `/plans/${Math.ceil(ORGS / 2)}`;
    const overview = await get(base, planPath, cookie);
    if (overview.status !== 200) throw new Error(`${planPath} answered ${overview.status}`);
    const commitmentId = /href="\/commitments\/(\d+)"/.exec(overview.body.toString())?.[1];
    const paths: Record<string, string> = { 'plan overview': planPath };
    if (commitmentId) paths['commitment page'] = `/commitments/${commitmentId}`;
    else result.notes.push('no commitment link on the plan overview: commitment page not measured');
    const portfolio = await get(base, '/portfolio', cookie);
    if (portfolio.status === 200) paths['portfolio roll-up'] = '/portfolio';
    else result.notes.push(`GET /portfolio answered ${portfolio.status}: portfolio roll-up not measured`);

    // The ceiling serves each page's bytes as the service answered them.
    const files: Record<string, string> = {};
    for (const [name, path] of Object.entries(paths)) {
      const page = await get(base, path, cookie);
      const file = join(dataDir, `${name.replace(/\W+/g, '-')}.html`);
      writeFileSync(file, page.body);
      files[path] = file;
      result.pages[name] = { path, bytes: page.body.length, runs: [], uncached: [] };
    }
    const pagesFile = join(dataDir, 'ceiling-pages.json');
    writeFileSync(pagesFile, JSON.stringify(files));
    const ceiling = await startServer([CEILING], { ...process.env, BENCH_CEILING_PAGES: pagesFile });
    try {
      // Warm-up, not measured: V8 compiles the hot code in the first second of load, for both servers.
      for (const path of Object.values(paths)) {
        await load(`${base}${path}`, cookie, 200, WARM_UP_SECONDS);
        await load(`${ceiling.base}${path}`, '', 200, WARM_UP_SECONDS);
      }
      for (let r = 0; r < RUNS; r += 1) {
        for (const [name, path] of Object.entries(paths)) {
          process.stdout.write(`[${database}] run ${r + 1}/${RUNS}: ${name} and its ceiling, ${SECONDS} s each…\n`);
          const page = await load(`${base}${path}`, cookie);
          const bare = await load(`${ceiling.base}${path}`, '');
          result.pages[name]?.runs.push({ page, ceiling: bare, ratio: page.requestsPerSecond / bare.requestsPerSecond });
        }
        process.stdout.write(`[${database}] run ${r + 1}/${RUNS}: the signed-in floor, ${SECONDS} s…\n`);
        result.signedInFloor.push(await load(`${base}/sign-in`, cookie, 302));
      }
    } finally {
      await stop(ceiling.child);
    }

    // Exports of the same plan, one at a time.
    for (const format of ['docx', 'pdf']) {
      const path = `${planPath}/export/${format}`;
      const first = await get(base, path, cookie);
      if (first.status !== 200) {
        result.notes.push(`${path} answered ${first.status}`);
        continue;
      }
      result.exportsMs[format] = await medianMs(5, () => get(base, path, cookie));
    }
    await stop(server);
    server = undefined;
    result.peakRssMb = peakRssMb(rssFile);

    // The same pages rendered on every request: a second server with the rendered-page cache off.
    const uncached = await startServer([...START_FLAGS, TRACKER, 'serve'], { ...env, PAGE_CACHE_MB: '0' });
    server = uncached.child;
    const uncachedCookie = await signIn(uncached.base, reviewer[1], reviewer[2]);
    for (const path of Object.values(paths)) await load(`${uncached.base}${path}`, uncachedCookie, 200, WARM_UP_SECONDS);
    for (let r = 0; r < RUNS; r += 1) {
      for (const [name, path] of Object.entries(paths)) {
        process.stdout.write(`[${database}] run ${r + 1}/${RUNS}: ${name} rendered on every request (PAGE_CACHE_MB=0), ${SECONDS} s…\n`);
        result.pages[name]?.uncached.push(await load(`${uncached.base}${path}`, uncachedCookie));
      }
    }
  } finally {
    if (server) await stop(server);
    result.peakRssMb ??= peakRssMb(rssFile);
    if (result.peakRssMb === null) result.notes.push('peak RSS not recorded');
    await db.dispose();
  }
  return result;
}

// ---- import -------------------------------------------------------------------------------------------------------

async function benchImport(): Promise<{ importMs: number; readMs: number; ratio: number; bytes: number }> {
  const bytes = new Uint8Array(readFileSync(DOCX));
  for (let i = 0; i < 10; i += 1) await readPlan(bytes, { fileName: 'harrowden-2021-22.docx' });
  const importMs = await medianMs(50, () => readPlan(bytes, { fileName: 'harrowden-2021-22.docx' }));
  const readMs = await medianMs(50, () => readFile(DOCX));
  return { importMs, readMs, ratio: importMs / readMs, bytes: bytes.length };
}

// ---- report -------------------------------------------------------------------------------------------------------

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const spread = (values: number[], digits = 0) =>
  values.length > 1 ? `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})` : (values[0] ?? NaN).toFixed(digits);

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => `  ${r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ')}`).join('\n');
}

const databases: DatabaseResult[] = [];
try {
  for (const database of DATABASES) {
    try {
      databases.push(await benchDatabase(database));
    } catch (error) {
      databases.push({ database, generateSeconds: null, pages: {}, signedInFloor: [], exportsMs: {}, peakRssMb: null, notes: [`not measured: ${(error as Error).message}`] });
    }
  }
} finally {
  rmSync(WORK, { recursive: true, force: true });
}
const imported = await benchImport();

const out: string[] = [
  `Pages under load: ${ORGS} organisations, autocannon ${CONNECTIONS} connections × ${SECONDS} s, ${RUNS} run(s); median (min–max) over runs`,
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; server started as npm start starts it: node ${[...START_FLAGS, 'bin/tracker.js serve'].join(' ')}`,
];
for (const d of databases) {
  out.push('', `${d.database}: generate --orgs ${ORGS} ${d.generateSeconds === null ? 'not run' : `${d.generateSeconds.toFixed(1)} s`}, peak RSS of tracker serve ${d.peakRssMb === null ? '?' : `${d.peakRssMb.toFixed(0)} MB`}`);
  const rows = [['page', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'ceiling req/s', 'page/ceiling', 'failed']];
  for (const [name, p] of Object.entries(d.pages)) {
    const of = (pick: (r: PageRun) => number, digits = 0) => spread(p.runs.map(pick), digits);
    rows.push([
      `${name} (${(p.bytes / 1024).toFixed(0)} kB)`,
      of((r) => r.page.requestsPerSecond),
      of((r) => r.page.p50, 1),
      of((r) => r.page.p95, 1),
      of((r) => r.page.p99, 1),
      of((r) => r.ceiling.requestsPerSecond),
      `${of((r) => r.ratio * 100, 1)} %`,
      String(p.runs.reduce((n, r) => n + r.page.failures, 0)),
    ]);
  }
  for (const [name, p] of Object.entries(d.pages)) {
    if (p.uncached.length === 0) continue;
    const of = (pick: (l: Load) => number, digits = 0) => spread(p.uncached.map(pick), digits);
    const ceiling = median(p.runs.map((r) => r.ceiling.requestsPerSecond));
    rows.push([
      `${name}, rendered every time`,
      of((l) => l.requestsPerSecond),
      of((l) => l.p50, 1),
      of((l) => l.p95, 1),
      of((l) => l.p99, 1),
      '',
      `${((median(p.uncached.map((l) => l.requestsPerSecond)) / ceiling) * 100).toFixed(1)} %`,
      String(p.uncached.reduce((n, l) => n + l.failures, 0)),
    ]);
  }
  if (d.signedInFloor.length > 0) {
    const of = (pick: (l: Load) => number, digits = 0) => spread(d.signedInFloor.map(pick), digits);
    rows.push(['signed-in floor (302, no page)', of((l) => l.requestsPerSecond), of((l) => l.p50, 1), of((l) => l.p95, 1), of((l) => l.p99, 1), '', '', String(d.signedInFloor.reduce((n, l) => n + l.failures, 0))]);
  }
  if (rows.length > 1) out.push(table(rows));
  const exportsText = Object.entries(d.exportsMs).map(([f, ms]) => `${f} ${ms.toFixed(0)} ms`).join(', ');
  if (exportsText) out.push(`  exports of the plan (median of 5): ${exportsText}`);
  for (const note of d.notes) out.push(`  note: ${note}`);
}
out.push(
  '',
  `Import of the fixture .docx (${imported.bytes} bytes, median of 50): readPlan ${imported.importMs.toFixed(2)} ms, a bare read of the file ${imported.readMs.toFixed(3)} ms (${imported.ratio.toFixed(0)}×)`,
  'Targets (reported, not enforced): every page ≥ 50 % of its ceiling; roll-up p95 ≤ 100 ms; RSS ≤ 200 MB; generate < 60 s.',
);
process.stdout.write(`${out.join('\n')}\n`);
writeFileSync(
  RESULTS,
  `${JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: cpus().length, orgs: ORGS, connections: CONNECTIONS, seconds: SECONDS, runs: RUNS, databases, import: imported }, null, 2)}\n`,
);
process.stdout.write(`Written to ${RESULTS}\n`);
