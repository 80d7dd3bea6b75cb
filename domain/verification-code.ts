/**
 * The verification code printed on a repair form: the first 50 bits of its archive record's hash
 * in Crockford base32 (no I, L, O, U: nothing to misread when typed from paper), shown as two
 * groups of five. It finds the record; the record's own hash and checkpoint say whether it holds.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 10;

const bitsOfHex = (hex: string) => [...hex].map((c) => parseInt(c, 16).toString(2).padStart(4, '0')).join('');

/** `7QF3M-0K2ZD` for a record whose hash is `hash` (hex sha256). */
export function verificationCode(hash: string): string {
  const bits = bitsOfHex(hash.slice(0, 13)).slice(0, LENGTH * 5);
  const chars = Array.from({ length: LENGTH }, (_, i) => ALPHABET[parseInt(bits.slice(i * 5, i * 5 + 5), 2)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** What a person typed, as printed (`7qf3m 0k2zd`, `7QF3M0K2ZD`, an O for a 0): the code, or null if it cannot be one. */
export function normaliseVerificationCode(typed: string): string | null {
  const chars = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (chars.length !== LENGTH || ![...chars].every((c) => ALPHABET.includes(c))) return null;
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** The first 12 hex digits of every hash whose code this is (the code's 50 bits hold 48 of them whole). */
export function hashPrefixOf(code: string): string {
  const bits = [...code.replace('-', '')].map((c) => ALPHABET.indexOf(c).toString(2).padStart(5, '0')).join('');
  return Array.from({ length: 12 }, (_, i) => parseInt(bits.slice(i * 4, i * 4 + 4), 2).toString(16)).join('');
}
