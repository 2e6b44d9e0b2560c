/** Dates of the corpus for Arabic pages: `2025-01-26` → `26 يناير 2025`, Western digits like the widget. */
const FORMAT = new Intl.DateTimeFormat('ar-u-nu-latn', { dateStyle: 'long', timeZone: 'UTC' });

export function formatDate(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? iso : FORMAT.format(date);
}
