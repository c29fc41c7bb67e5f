// Benchmark (`npm run bench`): how long a first start takes — a fresh data folder, so the database is created,
// migrated and the demo plan imported — until GET /health answers 200. The goal is under 30 seconds.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 3);
const GOAL_MS = 30_000;

async function firstStartMs(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-bench-'));
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['bin/tracker.js', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dir, DATABASE_URL: join(dir, 'tracker.sqlite'), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        out += String(chunk);
        const match = /running at (http:\/\/\S+)/.exec(out);
        if (match?.[1]) resolve(match[1].replace('localhost', '127.0.0.1'));
      });
      child.once('exit', (code) => reject(new Error(`tracker serve exited with ${code}`)));
    });
    for (;;) {
      const res = await fetch(`${url}/health`).catch(() => null);
      if (res?.status === 200) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return Number(process.hrtime.bigint() - started) / 1e6;
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

const times: number[] = [];
for (let i = 0; i < RUNS; i += 1) times.push(await firstStartMs());
const worst = Math.max(...times);
process.stdout.write(`First start (fresh database + demo plan) to /health 200, ${RUNS} runs\n`);
process.stdout.write(`  runs: ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')}\n`);
process.stdout.write(worst <= GOAL_MS ? `OK: all under ${GOAL_MS / 1000} s\n` : `SLOWER than ${GOAL_MS / 1000} s\n`);
