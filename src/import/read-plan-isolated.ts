// Reads an uploaded plan in a worker thread with its own memory limit and a time limit, so that a file built to
// exhaust memory or time costs that one worker, never the service. Every failure is an ImportError whose message
// is for the user. The worker file sits next to this module with the same extension: .ts when run through tsx
// (tests, development; the worker then loads tsx itself), .js in the compiled build under dist/.
import { dirname, extname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ImportError, type PlanFormat, type ReadPlanOptions } from './index.ts';
import type { PlanDraft } from '../domain/types.ts';
import type { WorkerAnswer } from './parse-worker.ts';

export interface IsolationOptions {
  /** The longest a file may take to read (default 10 s). */
  timeoutMs?: number;
  /** The worker's heap limit (default 256 MB). */
  memoryMb?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MEMORY_MB = 256;

const extension = extname(fileURLToPath(import.meta.url));
const WORKER_URL = new URL(`./parse-worker${extension}`, import.meta.url);

/**
 * What the worker runs. Compiled JS: the worker file itself. TypeScript: a two-line bootstrap that registers tsx's
 * loader in the worker and then imports the worker file (Node 20 does not apply `--import tsx` from a worker's
 * execArgv to the worker's own entry file, and vitest's transform does not reach worker threads).
 */
function workerEntry(): { entry: URL | string; eval: boolean } {
  if (extension !== '.ts') return { entry: WORKER_URL, eval: false };
  // tsx's ESM API (its "import" export of tsx/esm/api), found from its package.json.
  const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return { entry: code, eval: true };
}

function tooHeavy(): ImportError {
  return new ImportError(
    'too-complex',
    'This file is too large or complex to import: reading it took too long or needed too much memory. Save just the plan’s table in a new file and import that.',
  );
}

function unreadable(): ImportError {
  return new ImportError('corrupt', 'This file could not be read: it may be damaged. Save it again from Word or Excel (or as CSV) and retry.');
}

/** readPlan in a worker thread; the same answers, and a bounded cost for any file. */
export function readPlanIsolated(
  bytes: Uint8Array,
  opts: ReadPlanOptions & IsolationOptions = {},
): Promise<PlanDraft & { format: PlanFormat }> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, memoryMb = DEFAULT_MEMORY_MB, ...options } = opts;
  return new Promise((resolve, reject) => {
    let settled = false;
    const { entry, eval: isCode } = workerEntry();
    const worker = new Worker(entry, {
      eval: isCode,
      workerData: { bytes, options },
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => reject(tooHeavy())), timeoutMs);
    worker.once('message', (answer: WorkerAnswer) => {
      finish(() => {
        if (answer.ok) resolve(answer.plan);
        else reject(answer.message ? new ImportError(answer.code as ImportError['code'], answer.message) : unreadable());
      });
    });
    worker.once('error', (err: Error & { code?: string }) => {
      if (process.env.IMPORT_WORKER_DEBUG) console.error(err);
      finish(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' || err instanceof RangeError ? tooHeavy() : unreadable()));
    });
    worker.once('exit', () => finish(() => reject(unreadable())));
  });
}
