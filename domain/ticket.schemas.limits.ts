/** A signature pad PNG; 512 KiB of base64 is a generous pad at high resolution. */
export const MAX_SIGNATURE_CHARS = 512 * 1024;
