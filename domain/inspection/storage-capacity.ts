/**
 * 业务存储容量需求分析: from the storage measured this visit and at earlier visits, how fast the
 * business data grows and how many months remain until the storage is full.
 */

export interface StorageReading {
  /** The inspection's period, YYYY-MM. */
  period: string;
  totalGb: number;
  usedGb: number;
}

export interface CapacityAnalysis {
  totalGb: number;
  usedGb: number;
  usedShare: number;
  /** Average growth per month over the readings given; null with a single reading. */
  growthGbPerMonth: number | null;
  /** Whole months until used reaches total at that growth; null when not growing or unknown. */
  monthsUntilFull: number | null;
  /** The reading the growth is measured from. */
  since: string | null;
}

const monthIndex = (period: string) => {
  const [y, m] = period.split('-').map(Number);
  return y * 12 + m - 1;
};

/**
 * `readings` in any order; the latest is this visit. Growth is measured from the earliest reading
 * of the last twelve months, so one unusual month does not swing the forecast.
 */
export function capacityAnalysis(readings: readonly StorageReading[]): CapacityAnalysis {
  const sorted = [...readings].sort((a, b) => monthIndex(a.period) - monthIndex(b.period));
  const now = sorted[sorted.length - 1];
  if (!now) throw new Error('capacityAnalysis needs at least this visit’s reading');
  const base = sorted.find((r) => monthIndex(now.period) - monthIndex(r.period) <= 12 && r !== now) ?? null;
  const months = base ? monthIndex(now.period) - monthIndex(base.period) : 0;
  const growth = base && months > 0 ? (now.usedGb - base.usedGb) / months : null;
  const free = Math.max(0, now.totalGb - now.usedGb);
  return {
    totalGb: now.totalGb,
    usedGb: now.usedGb,
    usedShare: now.totalGb > 0 ? now.usedGb / now.totalGb : 1,
    growthGbPerMonth: growth === null ? null : Math.round(growth * 10) / 10,
    monthsUntilFull: growth !== null && growth > 0 ? Math.floor(free / growth) : null,
    since: base?.period ?? null,
  };
}
