// The milestone forms' fields, with the limits every form that writes a milestone's text or a reason shares.
import { choiceField, formSchema, textField } from '../../validation.ts';

/** The due date in boxes or in words, and the words as they were last shown back for checking. */
const dueFields = {
  'due-day': choiceField('Day', 20),
  'due-month': choiceField('Month', 20),
  'due-year': choiceField('Year', 20),
  duePhrase: choiceField('Date in words', 200),
  phraseChecked: choiceField('Date in words', 200),
};

// In the order the edit page shows them, which is the error summary's order.
export const editForm = formSchema({
  text: textField('Milestone', 'statement'),
  ...dueFields,
  status: choiceField('Status', 20),
  version: choiceField('Version'),
});

export const redateForm = formSchema({
  ...dueFields,
  reason: textField('Reason', 'paragraph'),
});
