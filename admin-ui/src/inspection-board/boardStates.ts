import type { BoardState } from '../../../domain/inspection/board';

/** How each state looks: a sign and a word besides the colour, so the board reads without colour too. */
export const STATE_LOOK: Record<BoardState, { sign: string; fg: string; bg: string; border?: string }> = {
  done: { sign: '✓', fg: '#1b5e20', bg: '#e8f5e9' },
  signature: { sign: '✍', fg: '#8a4b00', bg: '#fff3e0' },
  in_progress: { sign: '▶', fg: '#01579b', bg: '#e1f5fe' },
  late: { sign: '⚠', fg: '#b71c1c', bg: '#ffebee', border: '#c62828' },
  missing: { sign: '✗', fg: '#b71c1c', bg: '#fff', border: '#c62828' },
  failed: { sign: '!', fg: '#fff', bg: '#b71c1c' },
  scheduled: { sign: '○', fg: '#455a64', bg: '#f5f7f8' },
  paused: { sign: '‖', fg: '#5d4037', bg: '#efebe9' },
  cancelled: { sign: '⊘', fg: '#616161', bg: '#f5f5f5' },
  none: { sign: '·', fg: '#9e9e9e', bg: 'transparent' },
};

/** The states a legend lists, in the order a manager reads them. */
export const LEGEND: BoardState[] = ['done', 'signature', 'in_progress', 'late', 'missing', 'failed', 'scheduled', 'paused', 'cancelled', 'none'];

/** One stylesheet for every cell (classes, not per-cell styles: 60 hospitals × 12 months render at once). */
export const cellStyles = Object.fromEntries(
  Object.entries(STATE_LOOK).map(([state, look]) => [
    `& .board-${state}`,
    { color: look.fg, backgroundColor: look.bg, border: `1px ${state === 'missing' ? 'dashed' : 'solid'} ${look.border ?? 'transparent'}`, fontWeight: state === 'late' || state === 'missing' || state === 'failed' ? 600 : 400 },
  ]),
);
