// The `tracker` command as a user runs it: a child process against a temp SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { client, type TestApp } from './support.ts';
import { loadConfig } from '../../src/config.ts';
import { openStore } from '../../src/store/database.ts';
import { appOver } from '../support/app.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('tracker users', () => {
  let dir: string;
  let databaseUrl: string;

  function tracker(args: string[], env: Record<string, string> = {}) {
    const result = spawnSync(process.execPath, ['bin/tracker.js', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dir, LOG_LEVEL: 'warn', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tracker-cli-'));
    databaseUrl = join(dir, 'cli.sqlite');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists its commands in --help', () => {
    const { code, stdout } = tracker(['--help']);
    expect(code).toBe(0);
    for (const command of ['serve', 'users', 'import']) expect(stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  it('refuses a short password with a clear message and no stack trace', () => {
    const { code, stderr } = tracker(['users', 'add', '--email', 'weak@example.org', '--name', 'W', '--org', 'Org A', '--role', 'viewer', '--password', 'short']);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('tracker: Password must be at least 10 characters');
  });

  it('refuses an unknown role', () => {
    const { code, stderr } = tracker(['users', 'add', '--email', 'x@example.org', '--name', 'X', '--org', 'Org A', '--role', 'king', '--password', 'long-enough-pw']);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/--role.*king.*Allowed choices are admin, plan-owner/s);
  });

  it('adds a user (password from TRACKER_PASSWORD) who can then sign in to the web app', async () => {
    const add = tracker(['users', 'add', '--email', 'cli@example.org', '--name', 'Cleo Cli', '--org', 'Org A', '--role', 'plan-owner'], {
      TRACKER_PASSWORD: 'from-the-environment',
    });
    expect(add.stderr).toBe('');
    expect(add.stdout).toContain('Added cli@example.org as plan-owner of Org A');
    expect(add.stdout).not.toContain('from-the-environment');

    const list = tracker(['users', 'list']);
    expect(list.stdout).toContain('cli@example.org\tCleo Cli\tplan-owner of Org A');

    const config = loadConfig({ DATABASE_URL: databaseUrl, DATA_DIR: dir, DEMO: 'false' });
    const store = openStore(config.databaseUrl);
    const t: Pick<TestApp, 'app'> = { app: await appOver(store, config) };
    try {
      const browser = client(t.app);
      const res = await browser.signIn('cli@example.org', 'from-the-environment');
      expect(res.statusCode).toBe(303);
      const home = await browser.get('/');
      expect(home.body).toContain('Org A');
      expect(home.body).toContain('Cleo Cli');
    } finally {
      await t.app.close();
      await store.close();
    }
  });

  it('serves: starts, answers /health, prints the demo sign-in details and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['bin/tracker.js', 'serve'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: join(dir, 'serve.sqlite'), DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', DEMO: 'true', LOG_LEVEL: 'warn' },
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += String(chunk)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not up after 120 s:\n${out}`)), 120_000);
      child.stdout.on('data', () => {
        const match = /running at (http:\/\/\S+)/.exec(out);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
    });
    const health = await fetch(`${url.replace('localhost', '127.0.0.1')}/health`);
    expect(health.status).toBe(200);
    expect(out).toContain('owner@demo.example');
    const exit = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exit;
    expect(code).toBe(0);
  });
});
