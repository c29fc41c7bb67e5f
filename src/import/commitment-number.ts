// The commitment number at the start of a summary cell: "1. We will…", "1) We will…", "Commitment 1: We will…".

export interface NumberedText {
  number: number | null;
  /** The text after the number, trimmed. */
  rest: string;
}

const WORD_NUMBER = /^\s*(?:commitment|improvement|objective|priority|action|area)\s+(?:no\.?\s*)?(\d{1,3})\b\s*[:.)\-–—]?\s*/i;
const BARE_NUMBER = /^\s*(?:no\.?\s*)?(\d{1,3})(?:\.(?!\d)|\)|:)\s*/i;
/** A paragraph that is only a number, as in a leading column holding "1". */
const ONLY_NUMBER = /^\s*(\d{1,3})\s*$/;

export function splitCommitmentNumber(text: string): NumberedText {
  const match = WORD_NUMBER.exec(text) ?? BARE_NUMBER.exec(text) ?? ONLY_NUMBER.exec(text);
  if (!match?.[1]) return { number: null, rest: text.trim() };
  return { number: Number(match[1]), rest: text.slice(match[0].length).trim() };
}

/** Whether a line starts a commitment ("2. …", "Commitment 2: …"); with `expected`, only that number. */
export function startsCommitment(line: string, expected?: number): boolean {
  const { number } = splitCommitmentNumber(line);
  return number !== null && (expected === undefined || number === expected);
}
