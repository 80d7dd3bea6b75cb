type PlainObject = Record<string, unknown>;

const isPlainObject = (value: unknown): value is PlainObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Returns a new object: nested objects are merged key by key, any other value in `override` wins. */
export const deepMerge = <A extends object, B extends object>(base: A, override: B): A & B => {
  const result = { ...base } as PlainObject;
  for (const [key, value] of Object.entries(override)) {
    const current = result[key];
    result[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return result as A & B;
};
