// Used by test/cli/lazy-loading.test.ts and bench/startup.ts: the address a started `tracker serve` says it runs at.
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

/**
 * The service's address from its "running at http://…" line (localhost as 127.0.0.1); rejects with
 * `exitError(code)` if the process exits first.
 */
export function serviceUrl(child: ChildProcessByStdio<null, Readable, Readable | null>, exitError: (code: number | null) => Error): Promise<string> {
  let out = '';
  return new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += String(chunk);
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1].replace('localhost', '127.0.0.1'));
    });
    child.once('exit', (code) => reject(exitError(code)));
  });
}
