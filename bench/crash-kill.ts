// Crash safety (`npm run crash-test`, or node bin/run-ts.js bench/crash-kill.ts): starts `tracker serve` on a
// temporary SQLite database, sends writes (KPI readings, each with a unique note) and kills the process with
// SIGKILL in the middle of them, CRASH_KILLS times (default 100). After every kill it checks that each write the
// service answered with success is in the database and that `PRAGMA integrity_check` says ok. Prints a summary;
// exits 1 on any loss or corruption. test/bench/crash-kill.test.ts runs 10 kills of the same code.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { DEMO_ACCOUNTS, createDemoBase } from '../src/services/demo.ts';
import { openStore } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OWNER = DEMO_ACCOUNTS.find((a) => a.email === 'owner@demo.example')!;

export interface CrashKillResult {
  kills: number;
  acknowledged: number;
  lost: string[];
  integrityProblems: string[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error('the service did not become ready');
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]!).filter((c) => !c.endsWith('='));
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

async function signIn(base: string): Promise<{ cookie: string; csrf: string }> {
  const page = await fetch(`${base}/sign-in`);
  const preCookie = cookiesOf(page).join('; ');
  const body = new URLSearchParams({ _csrf: csrfOf(await page.text()), email: OWNER.email, password: OWNER.password });
  const signedIn = await fetch(`${base}/sign-in`, {
    method: 'POST', body, redirect: 'manual', headers: { cookie: preCookie, 'content-type': 'application/x-www-form-urlencoded' },
  });
  if (signedIn.status !== 303) throw new Error(`sign-in answered ${signedIn.status}`);
  const cookie = cookiesOf(signedIn).join('; ');
  const home = await fetch(`${base}/`, { headers: { cookie } });
  return { cookie, csrf: csrfOf(await home.text()) };
}

export async function runCrashKill(kills: number, log: (line: string) => void = () => undefined): Promise<CrashKillResult> {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-crash-'));
  const file = join(dir, 'tracker.sqlite');
  const result: CrashKillResult = { kills: 0, acknowledged: 0, lost: [], integrityProblems: [] };
  try {
    const store = openStore(file);
    await migrate(store);
    const demo = await createDemoBase(store);
    const kpi = await store.db.selectFrom('kpis').innerJoin('commitments', 'commitments.id', 'kpis.commitment_id')
      .select('kpis.id').where('commitments.plan_id', '=', demo.planId!).executeTakeFirstOrThrow();
    await store.close();

    const acknowledged: string[] = [];
    let session: { cookie: string; csrf: string } | undefined;
    for (let round = 1; round <= kills; round++) {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const child = spawn(process.execPath, ['bin/tracker.js', 'serve'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: file, DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', DEMO: 'false', LOG_LEVEL: 'error' },
        stdio: 'ignore',
      });
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        await waitForHealth(base, child);
        // One session for every round: it is stored in the database, so it outlives each killed process.
        session ??= await signIn(base);
        const { cookie, csrf } = session;
        let stop = false;
        let n = 0;
        const writer = async () => {
          while (!stop) {
            const note = `crash-${round}-${n++}`;
            const body = new URLSearchParams({
              _csrf: csrf, 'date-day': '15', 'date-month': '6', 'date-year': '2024', value: String(n), note, source: 'crash test',
            });
            try {
              const res = await fetch(`${base}/kpis/${kpi.id}/readings/new`, {
                method: 'POST', body, redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
              });
              if (res.status === 303) acknowledged.push(note);
              else if (!stop) throw new Error(`a write answered ${res.status}`);
            } catch (error) {
              if (!stop) throw error;
            }
          }
        };
        const writers = [writer(), writer(), writer()];
        await sleep(150 + Math.floor(Math.random() * 450));
        stop = true;
        child.kill('SIGKILL');
        await Promise.allSettled(writers);
        await exited;
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        await exited;
      }
      result.kills = round;

      const db = new SQLite(file);
      try {
        const integrity = db.pragma('integrity_check', { simple: true });
        if (integrity !== 'ok') result.integrityProblems.push(`round ${round}: ${String(integrity)}`);
        const stored = new Set((db.prepare(`select note from kpi_readings where note like 'crash-%'`).all() as { note: string }[]).map((r) => r.note));
        const lost = acknowledged.filter((note) => !stored.has(note));
        result.lost.push(...lost.filter((note) => !result.lost.includes(note)));
      } finally {
        db.close();
      }
      result.acknowledged = acknowledged.length;
      log(`kill ${round}/${kills}: ${acknowledged.length} writes acknowledged so far, ${result.lost.length} lost, integrity ${result.integrityProblems.length ? 'FAILED' : 'ok'}`);
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const kills = Number(process.env.CRASH_KILLS ?? 100);
  const result = await runCrashKill(kills, (line) => console.log(line));
  console.log(`\n${result.kills} SIGKILLs during writes; ${result.acknowledged} writes answered with success; ` +
    `${result.lost.length} of them missing; integrity_check: ${result.integrityProblems.length ? result.integrityProblems.join('; ') : 'ok after every kill'}`);
  if (result.lost.length || result.integrityProblems.length) process.exitCode = 1;
}
