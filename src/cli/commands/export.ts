// `tracker export --plan ID --format docx|pdf|xlsx|csv|json|ics`: writes a plan to a file (named after the plan
// unless --out says otherwise; --out - writes to standard output).
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { parseAsAt } from '../../domain/as-at.ts';
import { EXPORT_FORMATS } from '../../export/export-formats.ts';
import { ENTITIES } from '../../export/entity-tables.ts';

interface ExportOptions {
  plan: number;
  format: string;
  period?: string;
  entity?: string;
  out?: string;
  today?: string;
  asAt?: string;
}

function planId(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n <= 0) throw new Error(`--plan must be a plan number, got "${value}"`);
  return n;
}

function isoDay(value: string): string {
  if (!parseAsAt(value)) throw new Error(`--today must be a date as YYYY-MM-DD, got "${value}"`);
  return value;
}

function asAtDay(value: string): string {
  if (!parseAsAt(value)) throw new Error(`--as-at must be a date as YYYY-MM-DD, got "${value}"`);
  return value;
}

function kilobytes(n: number): string {
  return n < 1024 ? `${n} bytes` : `${Math.round(n / 1024)} KB`;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write a plan as Word (the four-column template), a PDF board report, Excel, CSV, JSON or a calendar')
    .requiredOption('--plan <id>', 'the plan number', planId)
    .requiredOption('--format <format>', EXPORT_FORMATS.join(' | '))
    .option('--period <label>', 'docx: the review period for the Area Lead column, e.g. "2019/20 Q1" (default: all periods)')
    .option('--entity <name>', `csv: one file of ${ENTITIES.join(', ')} (default: a zip of all)`)
    .option('--today <date>', 'today, YYYY-MM-DD (default: today in the UK, or TRACKER_TODAY): the as-at date while the plan runs', isoDay)
    .option(
      '--as-at <date>',
      'the date every format is as at, YYYY-MM-DD (default: today while the plan runs; once it has ended, the end of the latest signed-off review period)',
      asAtDay,
    )
    .option('--out <file>', 'where to write (default: a name from the plan title; - for standard output)')
    .action(async (options: ExportOptions) => {
      // Loaded when the command runs, not when it is registered, so that `tracker --help` stays quick.
      const [{ withServices }, { fixedClock }] = await Promise.all([import('../../composition-root.ts'), import('../../services/clock.ts')]);
      // --today stops the clock on that day; otherwise it is the system clock (today in the UK, or TRACKER_TODAY).
      const clock = options.today === undefined ? undefined : fixedClock(options.today);
      await withServices(
        loadConfig(),
        async (services) => {
          const file = await services.exports.fileForCommandLine(options.plan, {
            format: options.format,
            period: options.period,
            entity: options.entity,
            asAt: options.asAt,
          });
          if (options.out === '-') {
            process.stdout.write(file.bytes);
            return;
          }
          const out = options.out ?? file.fileName;
          await writeFile(out, file.bytes);
          process.stdout.write(`Wrote ${out} (${kilobytes(file.bytes.length)})\n`);
        },
        { clock },
      );
    });
}
