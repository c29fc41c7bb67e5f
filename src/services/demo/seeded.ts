// Variety for the living demo without Math.random: numbers drawn from a seed (the day the demo is created, plus
// a label), so the same day always gives the same demo.

/** A 32-bit FNV-1a hash of the text. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A number in [0, 1) that depends only on the parts given. */
export function seeded(...parts: (string | number)[]): number {
  // mulberry32, one step from the hash of the parts.
  let t = (hash(parts.join('|')) + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A whole number from min to max (both included). */
export function seededInt(min: number, max: number, ...parts: (string | number)[]): number {
  return min + Math.floor(seeded(...parts) * (max - min + 1));
}

/** One of the items. */
export function seededPick<T>(items: readonly T[], ...parts: (string | number)[]): T {
  const item = items[Math.floor(seeded(...parts) * items.length)];
  if (item === undefined) throw new Error('seededPick needs at least one item');
  return item;
}
