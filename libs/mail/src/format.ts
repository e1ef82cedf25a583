import type { Language } from '#policy';

/** Each language's date style: British English as the pages have always written dates, Spanish as in the US. */
const DATE_LOCALES: Record<Language, string> = { en: 'en-GB', es: 'es-US' };

/** A date as requesters read it, in the organisation's time zone: "Thursday 7 January 2027", "jueves, 7 de enero de 2027". */
export function formatLocalDate(instant: Date, timeZone: string, language: Language = 'en'): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[language], {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(instant);
}

/** An instant with its time of day, in the organisation's time zone: "7 Jan 2027, 14:05". For timelines. */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

/** A file's size as staff read it: "512 B", "12 KB", "3.4 MB". */
export function formatFileSize(bytes: number): string {
  return bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${Math.ceil(bytes / 1024)} KB`
      : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
