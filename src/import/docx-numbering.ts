// Word list numbering (word/numbering.xml): the label each numbered paragraph shows, "•" for bullets,
// "1." / "a)" for numbered lists, counted as Word counts them (per list, restarting deeper levels).

export interface LevelFormat {
  numFmt: string;
  lvlText: string;
  start: number;
}

export type NumberingDefinitions = Map<string, Map<number, LevelFormat>>;

const BULLET = '•';

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  let rest = n;
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

function letter(n: number): string {
  const base = String.fromCharCode(97 + ((n - 1) % 26));
  return base.repeat(Math.floor((n - 1) / 26) + 1);
}

function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'lowerLetter':
      return letter(n);
    case 'upperLetter':
      return letter(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    default:
      return String(n);
  }
}

/** Counts list paragraphs in document order and gives each its label. */
export class ListCounter {
  private readonly counters = new Map<string, number[]>();
  private definitions: NumberingDefinitions | null = null;

  /** `load` reads the definitions, only once a list paragraph is met. */
  constructor(private readonly load: () => NumberingDefinitions) {}

  /** The label for the next paragraph of list `numId` at level `ilvl` ("" for no numbering). */
  label(numId: string, ilvl: number): string {
    if (numId === '0') return '';
    this.definitions ??= this.load();
    const levels = this.definitions.get(numId);
    const format = levels?.get(ilvl);
    if (!levels || !format) return BULLET;
    if (format.numFmt === 'bullet') return BULLET;
    if (format.numFmt === 'none') return '';
    const counts = this.counters.get(numId) ?? [];
    for (let level = 0; level <= ilvl; level += 1) counts[level] ??= (levels.get(level)?.start ?? 1) - 1;
    counts[ilvl] = (counts[ilvl] ?? 0) + 1;
    counts.length = ilvl + 1;
    this.counters.set(numId, counts);
    return format.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const level = Number(d) - 1;
      return formatNumber(counts[level] ?? 1, levels.get(level)?.numFmt ?? 'decimal');
    });
  }
}
