/**
 * C0 control characters other than tab and line breaks (and DEL): nothing a person types, and a
 * NUL cannot be stored in PostgreSQL's text or jsonb at all (a write that retries forever).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const printable = (s: string): boolean => !CONTROL.test(s);
