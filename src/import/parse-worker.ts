// The worker thread that reads one uploaded plan (see read-plan-isolated.ts): the bytes and options come in as
// workerData, the plan or the ImportError's code and message go back as one message. Nothing else is shared.
import { parentPort, workerData } from 'node:worker_threads';
import { ImportError, readPlan, type ReadPlanOptions } from './index.ts';

export type WorkerAnswer =
  | { ok: true; plan: Awaited<ReturnType<typeof readPlan>> }
  | { ok: false; code: string; message: string };

const { bytes, options } = workerData as { bytes: Uint8Array; options: ReadPlanOptions };

let answer: WorkerAnswer;
try {
  answer = { ok: true, plan: await readPlan(bytes, options) };
} catch (err) {
  answer = err instanceof ImportError
    ? { ok: false, code: err.code, message: err.message }
    : { ok: false, code: 'corrupt', message: '' };
}
parentPort?.postMessage(answer);
