/** A date as requesters read it, in the organisation's time zone: "Thursday 7 January 2027". */
export function formatLocalDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
}
