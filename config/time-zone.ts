/** The hospitals' wall clock: ticket numbers carry its date, inspections its months and days. */
export const deskTimeZone = (): string => process.env.DESK_TIMEZONE ?? 'Asia/Shanghai';
