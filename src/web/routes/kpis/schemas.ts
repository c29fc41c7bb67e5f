// The KPI forms' fields, with the limits every form that writes a KPI shares (domain/field-limits.ts).
import { choiceField, formSchema, textField } from '../../validation.ts';

function dateBoxes(prefix: string) {
  return { [`${prefix}-day`]: choiceField('Day', 20), [`${prefix}-month`]: choiceField('Month', 20), [`${prefix}-year`]: choiceField('Year', 20) };
}

export const kpiForm = formSchema({
  text: textField('KPI', 'name'),
  unit: textField('Unit', 'label'),
  baseline: choiceField('Baseline', 50),
  target: choiceField('Target', 50),
  ...dateBoxes('targetDate'),
  direction: choiceField('Which way is better', 20),
  version: choiceField('Version'),
});

export const readingForm = formSchema({
  ...dateBoxes('date'),
  value: choiceField('Value', 50),
  note: textField('Note', 'paragraph'),
  source: textField('Source', 'name'),
});
