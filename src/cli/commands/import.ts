// `tracker import FILE`: read a plan from a Word, Excel, CSV or text file; print it (--json) or a summary;
// store it for an organisation (--org) unless --dry-run.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import type { PlanDraft } from '../../domain/types.ts';
import type { PlanFormat } from '../../import/index.ts';

interface ImportOptions {
  json?: boolean;
  dryRun?: boolean;
  org?: string;
  maxBytes?: number;
}

// The importer (and the parsers it uses) loads when the command runs, not when it is registered (`tracker --help`).
const loadImporter = () => import('../../import/index.ts');

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n <= 0) {
    throw new Error(`--max-bytes must be a whole number of bytes, got "${value}"`);
  }
  return n;
}

async function readBytes(file: string, maxBytes: number): Promise<Uint8Array> {
  const { checkSize, ImportError } = await loadImporter();
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new Error(`${file} is a folder, not a file`);
    checkSize(info.size, maxBytes);
    return new Uint8Array(await readFile(file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${file}: no such file`);
    if (code === 'EACCES' || code === 'EPERM') throw new Error(`${file}: permission denied`);
    if (err instanceof ImportError) throw new Error(`${basename(file)}: ${err.message}`);
    throw err;
  }
}

function quoted(text: string, max = 70): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max - 1)}…` : text);
}

/** The human summary of a read plan: counts, then every warning. */
export function planSummary(plan: PlanDraft, format: PlanFormat, formatNames: Record<PlanFormat, string>): string {
  const milestones = plan.commitments.flatMap((c) => c.milestones);
  const dated = milestones.filter((m) => m.due !== null).length;
  const recurring = milestones.filter((m) => m.recurrence !== null).length;
  const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
  const lines = [
    `Plan: ${plan.title ?? '(no title)'} (${formatNames[format]})`,
    `Period: ${plan.period ? `${plan.period.from} to ${plan.period.to}` : 'not found (no financial year named, no dated milestones)'}`,
    `${count(plan.commitments.length, 'commitment')}, ${count(milestones.length, 'milestone')}: ${dated} dated, ${milestones.length - dated} undated, ${recurring} recurring`,
    `${count(plan.commitments.reduce((n, c) => n + c.monitoring.length, 0), 'monitoring item')}, ${count(plan.commitments.reduce((n, c) => n + c.kpis.length, 0), 'KPI')}, ${count(plan.commitments.reduce((n, c) => n + c.updates.length, 0), 'progress update')}`,
  ];
  lines.push(plan.warnings.length === 0 ? 'No warnings.' : `${count(plan.warnings.length, 'warning')}:`);
  for (const w of plan.warnings) {
    lines.push(`  - ${w.commitment === null ? '' : `commitment ${w.commitment}: `}${quoted(w.text)}: ${w.message}`);
  }
  return lines.join('\n');
}

async function store(plan: PlanDraft, org: string, sourceName: string): Promise<{ planId: number; organisation: string }> {
  // The services (and the database) load only when a plan is stored: not for --dry-run, nor for `tracker --help`.
  const { withServices } = await import('../../composition-root.ts');
  return withServices(loadConfig(), (services) => services.plans.importPlanFor(org, plan, { sourceName }));
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('read an improvement plan from a Word (.docx), Excel (.xlsx), CSV or text file and store it')
    .argument('<file>', 'the plan document')
    .option('--org <name>', 'organisation the plan belongs to (created if new)')
    .option('--dry-run', 'read and show the plan, store nothing')
    .option('--json', 'print the plan as JSON')
    .option('--max-bytes <n>', 'largest file accepted, in bytes (default IMPORT_MAX_BYTES, 10 MB)', wholeNumber)
    .action(async (file: string, options: ImportOptions) => {
      if (!options.dryRun && !options.org) {
        throw new Error('say which organisation the plan is for with --org NAME, or use --dry-run to only read it');
      }
      const { FORMAT_NAMES, ImportError } = await loadImporter();
      // Read in a worker thread with memory and time limits: a hostile file fails with one line, exit 1.
      const { readPlanIsolated } = await import('../../import/read-plan-isolated.ts');
      const maxBytes = options.maxBytes ?? loadConfig().importMaxBytes;
      const bytes = await readBytes(file, maxBytes);
      const { format, ...plan } = await readPlanIsolated(bytes, { fileName: basename(file), maxBytes }).catch((err: unknown) => {
        throw err instanceof ImportError ? new Error(`${basename(file)}: ${err.message}`) : err;
      });
      const saved = options.dryRun || !options.org ? null : await store(plan, options.org, basename(file));
      if (options.json) {
        const json = { ...plan, format, ...(saved ? { planId: saved.planId } : {}) };
        process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
        return;
      }
      const outcome = saved
        ? `Stored as plan ${saved.planId} of ${saved.organisation}.`
        : 'Dry run: nothing was stored.';
      process.stdout.write(`${planSummary(plan, format, FORMAT_NAMES)}\n${outcome}\n`);
    });
}
