// Short human durations for messages and countdowns: "45 min", "2 h 15 min", "1 d 3 h".
// Rounded down to the minute, so "1 h 59 min" never reads as "2 h" before it is.

export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const totalMinutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return `${sign}${days} d${hours > 0 ? ` ${hours} h` : ''}`;
  if (hours > 0) return `${sign}${hours} h${minutes > 0 ? ` ${minutes} min` : ''}`;
  return `${sign}${minutes} min`;
}
