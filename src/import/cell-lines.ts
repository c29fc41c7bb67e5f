// A spreadsheet or CSV cell's text → its paragraphs (one per line).

export function cellLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}
