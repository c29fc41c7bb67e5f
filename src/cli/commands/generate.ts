// `tracker generate --orgs 300 [--seed N] [--database-url URL]`: fills an empty database (the SQLite file or the
// PostgreSQL database of DATABASE_URL) with synthetic national data for trying the portfolio at scale and for the
// benchmark. A progress bar on a terminal, plain progress lines otherwise; at the end, the sign-in details of a
// national reviewer and of one organisation's plan owner.
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';

function wholeNumber(name: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min}, got "${value}"`);
    return n;
  };
}

/** Draws a bar on a terminal (rewriting one line), or writes a line at every tenth otherwise. */
function progressReporter(out: NodeJS.WriteStream): (done: number, total: number) => void {
  let lastTenth = -1;
  return (done, total) => {
    if (out.isTTY) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} organisations`);
      if (done === total) out.write('\n');
      return;
    }
    const tenth = Math.floor((done / total) * 10);
    if (tenth !== lastTenth || done === total) {
      lastTenth = tenth;
      out.write(`Generated ${done} of ${total} organisations\n`);
    }
  };
}

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('fill an empty database with synthetic organisations, plans, updates and KPI readings (for trying scale)')
    .requiredOption('--orgs <n>', 'how many organisations', wholeNumber('--orgs', 1))
    .option('--seed <n>', 'the seed: the same seed gives the same data', wholeNumber('--seed', 0), 1)
    .option('--database-url <url>', 'the database to fill (default: DATABASE_URL, or the SQLite file under DATA_DIR)')
    .action(async (options: { orgs: number; seed: number; databaseUrl?: string }) => {
      const { openServices } = await import('../../composition-root.ts');
      const config = loadConfig(options.databaseUrl ? { ...process.env, DATABASE_URL: options.databaseUrl } : process.env);
      const services = await openServices(config);
      try {
        const result = await services.syntheticData.generate({
          organisations: options.orgs,
          seed: options.seed,
          onProgress: progressReporter(process.stdout),
        });
        const total = Object.values(result.rows).reduce((n, r) => n + r, 0);
        process.stdout.write(
          `Generated ${result.organisations} organisations (${total} rows, seed ${options.seed}) in ${(result.milliseconds / 1000).toFixed(1)} s.\n`,
        );
        process.stdout.write(`${services.syntheticData.signInText(result.accounts)}\n`);
      } finally {
        await services.close();
      }
    });
}
