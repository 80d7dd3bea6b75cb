/** Where a drill's progress lines go. */
export type Log = (line: string) => void;

/** A failure the drill reports as such: what was expected, what was seen. */
export class DrillFailure extends Error {}
