/** How long what people type may be: the API's schemas refuse more, the console's forms stop at it. */
export const LIMITS = {
  title: 200,
  /** Descriptions, analyses, plans, what was done, notes. */
  text: 4000,
  /** The repair form's handling process. */
  handling: 8000,
  /** Reasons, dispatch plans, escalation notes. */
  reason: 2000,
  /** A check-in note, parts replaced. */
  short: 1000,
  name: 100,
  phone: 32,
  email: 200,
  hospitalName: 200,
  address: 300,
  passwordMin: 10,
  passwordMax: 256,
} as const;

/** A signature pad PNG; 512 KiB of base64 is a generous pad at high resolution. */
export const MAX_SIGNATURE_CHARS = 512 * 1024;
