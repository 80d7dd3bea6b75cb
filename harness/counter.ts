/** Counts by key (HTTP statuses, say), listed in key order. */
export function counter(): { add(key: string | number, n?: number): void; get(key: string | number): number; all(): Record<string, number> } {
  const m = new Map<string, number>();
  return {
    add: (key, n = 1) => m.set(String(key), (m.get(String(key)) ?? 0) + n),
    get: (key) => m.get(String(key)) ?? 0,
    all: () => Object.fromEntries([...m.entries()].sort(([a], [b]) => a.localeCompare(b))),
  };
}
