/**
 * The day a free trial started now would end (YYYY-MM-DD), for saying so before it starts: today in the account's
 * time zone (the browser's when it has none, or one this browser does not know), plus the trial's days. The server's
 * `Trial.endsAt` is what the confirmation then shows.
 */
export function trialEnd(days: number, timeZone?: string, now: Date = new Date()): string {
  const parts = (zone?: string) =>
    new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(now);
  let today: Intl.DateTimeFormatPart[];
  try {
    today = parts(timeZone);
  } catch {
    today = parts();
  }
  const field = (type: 'year' | 'month' | 'day') => Number(today.find((p) => p.type === type)?.value);
  return new Date(Date.UTC(field('year'), field('month') - 1, field('day') + days)).toISOString().slice(0, 10);
}
