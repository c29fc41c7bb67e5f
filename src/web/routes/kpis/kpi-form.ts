// Reading the KPI and KPI-reading forms: numbers as people type them ("1,250", "12.5"), dates in date boxes.
// How long each text may be is the forms' schemas' (schemas.ts); these check what a schema cannot.
import type { KpiDirection } from '../../../domain/types.ts';
import type { KpiRecord } from '../../../domain/records.ts';
import type { IsoDate } from '../../../domain/types.ts';
import type { NewKpi, NewKpiReading } from '../../../services/tracking-service.ts';
import type { FieldError } from '../../form-errors.ts';
import { partsOf, readDateInput, type Fields } from '../../date-input.ts';
import { dateError } from '../commitments/form-problems.ts';

/** A number typed in a form, or undefined for nothing typed, or NaN for something that is not a number. */
export function readNumber(text: string | undefined): number | undefined {
  const cleaned = (text ?? '').trim().replace(/,/g, '');
  if (cleaned === '') return undefined;
  return /^-?(\d+\.?\d*|\.\d+)$/.test(cleaned) ? Number(cleaned) : NaN;
}

function numberField(fields: Fields, name: string, label: string, errors: FieldError[]): number | null {
  const value = readNumber(fields[name]);
  if (value === undefined) return null;
  if (Number.isNaN(value)) errors.push({ field: name, message: `${label} must be a number, like 40 or 12.5` });
  return value;
}

export function readKpiForm(fields: Fields): { kpi: Required<NewKpi> | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text = (fields.text ?? '').trim();
  const unit = (fields.unit ?? '').trim();
  if (!text) errors.push({ field: 'text', message: 'Enter what the KPI measures' });
  const baseline = numberField(fields, 'baseline', 'Baseline', errors);
  const target = numberField(fields, 'target', 'Target', errors);
  const date = readDateInput(fields, 'targetDate', 'Target date');
  if (date.kind === 'error') errors.push(dateError(date.problem));
  if (date.kind === 'empty' && target !== null) errors.push({ field: 'targetDate-day', message: 'Enter the date the target should be met by' });
  if (date.kind === 'date' && target === null) errors.push({ field: 'target', message: 'Enter the target to meet by the target date' });
  const direction = fields.direction as KpiDirection;
  if (direction !== 'higher' && direction !== 'lower') errors.push({ field: 'direction', message: 'Select whether higher or lower is better' });
  if (errors.length > 0) return { kpi: null, errors };
  return {
    kpi: { text, unit: unit || null, baseline, target, targetDate: date.kind === 'date' ? date.iso : null, direction },
    errors,
  };
}

/** The stored KPI as the form's fields. */
export function kpiFields(kpi: KpiRecord): Fields {
  const date = partsOf(kpi.targetDate);
  return {
    text: kpi.text,
    unit: kpi.unit ?? '',
    baseline: kpi.baseline === null ? '' : String(kpi.baseline),
    target: kpi.target === null ? '' : String(kpi.target),
    'targetDate-day': date.day,
    'targetDate-month': date.month,
    'targetDate-year': date.year,
    direction: kpi.direction,
  };
}

/** The reading typed; its date may not be after `today`. */
export function readReadingForm(fields: Fields, today: IsoDate): { reading: NewKpiReading | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const date = readDateInput(fields, 'date', 'Date of the reading');
  if (date.kind === 'empty') errors.push({ field: 'date-day', message: 'Enter the date of the reading' });
  if (date.kind === 'error') errors.push(dateError(date.problem));
  if (date.kind === 'date' && date.iso > today) errors.push({ field: 'date-day', message: 'Date of the reading must be today or in the past' });
  const value = readNumber(fields.value);
  if (value === undefined) errors.push({ field: 'value', message: 'Enter the value' });
  else if (Number.isNaN(value)) errors.push({ field: 'value', message: 'Value must be a number, like 40 or 12.5' });
  const note = (fields.note ?? '').trim();
  const source = (fields.source ?? '').trim();
  if (errors.length > 0 || date.kind !== 'date' || value === undefined) return { reading: null, errors };
  return { reading: { date: date.iso, value, note: note || null, source: source || null }, errors };
}
