// Item texts as written, less the bullet in front: "· Appointment…" → "Appointment…".

/** Bullet characters that need no space after them (Symbol-font bullets arrive as private-use characters). */
const BULLET_SIGNS = '·•▪◦‣∙●○■□➢➤►✓✔\uF0B7\uF0A7\uF0D8\uF076\uF0FC';
/** Bullet characters that are letters or dashes: a bullet only when a space (or nothing) follows. */
const BULLET_WORDS = '\\-–—*o';

const LEADING_BULLET = new RegExp(`^\\s*(?:[${BULLET_SIGNS}]\\s*|[${BULLET_WORDS}](?:\\s+|$))`, 'u');

/**
 * The text without a leading bullet, trimmed, "" for an empty bullet. Runs of spaces become one space (a double
 * space is invisible in Word and its text export does not always agree with the document); every other
 * character stays as written.
 */
export function withoutBullet(paragraph: string): string {
  return paragraph.replace(LEADING_BULLET, '').replace(/[ \t]{2,}/g, ' ').trim();
}

/** Whether the paragraph starts with a bullet. */
export function hasBullet(paragraph: string): boolean {
  return LEADING_BULLET.test(paragraph);
}

/** The items of a cell: every non-empty paragraph, bullets stripped, empty bullets dropped. */
export function cellItems(paragraphs: readonly string[]): string[] {
  return paragraphs.map(withoutBullet).filter((text) => text !== '');
}
