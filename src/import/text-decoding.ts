// Bytes of a text file → string: strict UTF-8 first, else Windows-1252; BOM stripped, line ends made "\n".

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
/**
 * Windows-1252 bytes 0x80–0x9F (curly quotes, dashes, €…); the others are Latin-1. Decoded by hand because some
 * Node versions decode "windows-1252" as plain Latin-1, turning 0x92 into a control character.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
}

export function decodeText(bytes: Uint8Array): string {
  let text: string;
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    text = new TextDecoder(utf16).decode(bytes.subarray(2));
  } else try {
    text = utf8.decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.replace(/\r\n?/g, '\n');
}

/** Word's "Unicode text" is UTF-16 with a byte-order mark. */
export function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Whether bytes look like text: no NUL and hardly any other control characters. */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (utf16Encoding(bytes)) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control += 1;
  }
  return control <= sample.length / 200;
}
