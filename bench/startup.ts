// Benchmark (`npm run bench`): how quickly `tracker` starts, each case against a floor measured in the same run
// (runs alternate, so a busy machine slows both alike), with the peak memory (RSS) of each process:
//   tracker --help                                   vs  node -e ""
//   tracker import demo/plan-2024-25.txt --json --dry-run   vs  node -e ""
//   tracker export --format docx (a plan imported first)     vs  node -e ""
//   tracker serve, an existing database, to GET /health 200   vs  a bare Fastify app to its /health
//   tracker serve --demo, a fresh database, to /health 200    (the first start: database created, demo added)
// Targets are reported, not enforced. BENCH_STARTUP_RUNS sets the runs per case (default 3).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiledEntry } from '../bin/current-build.js';
import { serviceUrl } from '../test/support/service-url.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PEAK_RSS = fileURLToPath(new URL('./support/peak-rss.js', import.meta.url));
const BARE_FASTIFY = fileURLToPath(new URL('./support/bare-fastify.js', import.meta.url));
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 3);
const WORK = mkdtempSync(join(tmpdir(), 'tracker-bench-'));

interface Sample {
  ms: number;
  rssKb: number;
}

interface Outcome {
  subject: Sample[];
  floor: Sample[];
}

let runNumber = 0;

/** A fresh data folder (its own SQLite file) for a process to run against. */
function dataEnv(dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, DATA_DIR: dir, DATABASE_URL: join(dir, 'tracker.sqlite'), LOG_LEVEL: 'warn', ...extra };
}

function peakRss(file: string): number {
  try {
    return Number(readFileSync(file, 'utf8'));
  } catch {
    return Number.NaN;
  }
}

/** Runs `node [args]` to its end; the time from spawn to exit and the peak RSS. Fails on a non-zero exit. */
function timeRun(args: string[], env: NodeJS.ProcessEnv): Promise<Sample & { stdout: string }> {
  const rssFile = join(WORK, `rss-${(runNumber += 1)}`);
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--import', PEAK_RSS, ...args], {
    cwd: ROOT,
    env: { ...env, BENCH_PEAK_RSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`node ${args.join(' ')} exited with ${code}: ${stderr.trim()}`));
      else resolve({ ms, rssKb: peakRss(rssFile), stdout });
    });
  });
}

/** Starts a service (`node [args]`, which prints "running at http://…"), times spawn to the first GET /health 200. */
async function timeToHealth(args: string[], env: NodeJS.ProcessEnv): Promise<Sample> {
  const rssFile = join(WORK, `rss-${(runNumber += 1)}`);
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--import', PEAK_RSS, ...args], {
    cwd: ROOT,
    env: { ...env, PORT: '0', HOST: '127.0.0.1', BENCH_PEAK_RSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  try {
    const url = await serviceUrl(child, (code) => new Error(`node ${args.join(' ')} exited with ${code}: ${stderr.trim()}`));
    for (;;) {
      const res = await fetch(`${url}/health`).catch(() => null);
      if (res?.status === 200) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    child.kill('SIGTERM');
    await exited;
    return { ms, rssKb: peakRss(rssFile) };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/** RUNS runs of the subject and of its floor, alternating. */
async function compare(subject: () => Promise<Sample>, floor: () => Promise<Sample>): Promise<Outcome> {
  const outcome: Outcome = { subject: [], floor: [] };
  for (let i = 0; i < RUNS; i += 1) {
    outcome.floor.push(await floor());
    outcome.subject.push(await subject());
  }
  return outcome;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (kb: number) => `${Math.round(kb / 1024)} MB`;

function line(label: string, samples: Sample[]): string {
  const times = samples.map((s) => seconds(s.ms)).join(', ');
  const rss = samples.map((s) => megabytes(s.rssKb)).join(', ');
  return `  ${label.padEnd(24)} ${times} (median ${seconds(median(samples.map((s) => s.ms)))}); peak RSS ${rss}`;
}

function report(title: string, subjectLabel: string, floorLabel: string, outcome: Outcome, target: (subject: Sample[], ratio: number) => string): void {
  const ratio = median(outcome.subject.map((s) => s.ms)) / median(outcome.floor.map((s) => s.ms));
  const extraMb = (median(outcome.subject.map((s) => s.rssKb)) - median(outcome.floor.map((s) => s.rssKb))) / 1024;
  process.stdout.write(
    [
      title,
      line(subjectLabel, outcome.subject),
      line(floorLabel, outcome.floor),
      `  ${ratio.toFixed(1)}× the floor's time, ${extraMb >= 0 ? '+' : ''}${Math.round(extraMb)} MB over its memory. ${target(outcome.subject, ratio)}`,
      '',
    ].join('\n'),
  );
}

const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
const bareNode = () => timeRun(['-e', ''], dataEnv(WORK));

try {
  const entry = compiledEntry('cli/main.js');
  process.stdout.write(
    `Start-up, ${RUNS} runs per case, each against a floor measured in the same run\n` +
      (entry
        ? 'tracker runs the compiled build in dist/\n\n'
        : 'WARNING: dist/ is missing or older than src/, so tracker runs the sources through tsx (`npm run build` first)\n\n'),
  );

  const helpDir = mkdtempSync(join(WORK, 'help-'));
  report('tracker --help', 'tracker --help', 'node -e ""', await compare(() => timeRun(['bin/tracker.js', '--help'], dataEnv(helpDir)), bareNode), (s, ratio) => {
    const rssOk = Math.max(...s.map((x) => x.rssKb)) < 80 * 1024;
    return `Target within 3× and under 80 MB: ${met(ratio <= 3 && rssOk)}`;
  });

  const dryRun = ['bin/tracker.js', 'import', 'demo/plan-2024-25.txt', '--json', '--dry-run'];
  report('tracker import demo/plan-2024-25.txt --json --dry-run', 'tracker import --dry-run', 'node -e ""', await compare(() => timeRun(dryRun, dataEnv(helpDir)), bareNode), (s) => {
    return `Target under 0.5 s: ${met(median(s.map((x) => x.ms)) < 500)}`;
  });

  // A database with the demo plan imported: the export reads it, then the service starts on it.
  const dataDir = mkdtempSync(join(WORK, 'data-'));
  const stored = await timeRun(['bin/tracker.js', 'import', 'demo/plan-2024-25.txt', '--org', 'Bench Council'], dataEnv(dataDir));
  const planId = /Stored as plan (\d+)/.exec(stored.stdout)?.[1];
  if (!planId) throw new Error(`could not import the demo plan: ${stored.stdout}`);
  const exportArgs = ['bin/tracker.js', 'export', '--plan', planId, '--format', 'docx', '--out', join(dataDir, 'plan.docx')];
  report('tracker export --format docx (the demo plan)', 'tracker export docx', 'node -e ""', await compare(() => timeRun(exportArgs, dataEnv(dataDir)), bareNode), () => 'No target.');

  const serve = () => timeToHealth(['bin/tracker.js', 'serve'], dataEnv(dataDir, { DEMO: 'false' }));
  const bare = () => timeToHealth([BARE_FASTIFY], dataEnv(dataDir));
  report('tracker serve on an existing database, start to the first /health 200', 'tracker serve', 'bare Fastify', await compare(serve, bare), (s) => {
    return `Target under 1 s: ${met(median(s.map((x) => x.ms)) < 1000)}`;
  });

  // The first start of the demo: a fresh database created, migrated and the demo added (goal: under 30 s).
  const serveHelp = await timeRun(['bin/tracker.js', 'serve', '--help'], dataEnv(helpDir));
  const demoArgs = serveHelp.stdout.includes('--demo') ? ['--demo'] : [];
  const firstStarts: Sample[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    firstStarts.push(await timeToHealth(['bin/tracker.js', 'serve', ...demoArgs], dataEnv(mkdtempSync(join(WORK, 'fresh-')), { DEMO: 'true' })));
  }
  process.stdout.write(
    `tracker serve ${demoArgs.join(' ')} on a fresh database (created, migrated, demo added) to the first /health 200\n` +
      `${line('first start', firstStarts)}\n  Goal under 30 s: ${met(Math.max(...firstStarts.map((s) => s.ms)) < 30_000)}\n`,
  );
} finally {
  rmSync(WORK, { recursive: true, force: true });
}
