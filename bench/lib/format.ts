// Figures as the table shows them.

/** `12.3 s`, or `4.5 min` from a minute up. */
export function seconds(ms: number): string {
  return ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(1)} s`;
}
