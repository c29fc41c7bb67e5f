// What makes a password acceptable: long enough, not one character pattern repeated, and not on a bundled list of
// about 49,000 breached and common passwords (the "passwords-common" dictionary that @zxcvbn-ts/language-common
// ships as data). The list is read once, the first time a password is checked, not when the service starts.
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

let common: Promise<ReadonlySet<string>> | undefined;

/** The bundled list, lower-cased. */
export function commonPasswords(): Promise<ReadonlySet<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())),
  );
  return common;
}

/** "abcabcabc", "aaaaaaaaaa", "1212121212": one short run of characters said over and over. */
function isRepetition(password: string): boolean {
  return /^(.{1,5}?)\1+$/su.test(password);
}

export interface PasswordOwner {
  email?: string;
  name?: string;
}

/** Why a password is too weak, or null when it is acceptable. */
export async function passwordProblem(password: string, owner: PasswordOwner = {}): Promise<string | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return `Password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  if (new Set(password).size < 4 || isRepetition(password)) {
    return 'Password must not be a few characters repeated: choose a longer phrase of unrelated words';
  }
  const lower = password.toLowerCase();
  const list = await commonPasswords();
  // "password123!" is as weak as "password": the list's word with a few digits or symbols on the end.
  const stem = lower.replace(/[\d\W_]{1,4}$/u, '');
  if (list.has(lower) || (stem.length >= 4 && list.has(stem))) {
    return 'Password is on a list of common or breached passwords: choose another';
  }
  if (owner.email && lower === owner.email.toLowerCase()) return 'Password must not be your email address';
  return null;
}
