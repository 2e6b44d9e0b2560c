/**
 * The widget's Arabic UI text and number/date formatting. Western digits by default (what
 * most Arabic news sites print); `digits="arab"` switches to Arabic-Indic (٠١٢٣).
 */
export const STRINGS = {
  label: 'ابحث في الأخبار',
  placeholder: 'ابحث في الأخبار…',
  results: 'النتائج',
  suggestions: 'اقتراحات',
  loading: 'جارٍ البحث…',
  empty: 'لا توجد نتائج',
  error: 'تعذّر البحث. حاول مرة أخرى.',
  offline: 'لا يوجد اتصال بالإنترنت.',
  retry: 'أعد المحاولة',
  /** A sharded archive answered without some of its parts (the API's `partial`). */
  partial: 'جزء من الأرشيف لم يستجب، فقد تنقص النتائج.',
  more: 'المزيد من النتائج',
  didYouMean: 'هل تقصد:',
  recent: 'عمليات البحث الأخيرة',
  clearRecent: 'امسح عمليات البحث الأخيرة',
  filters: 'تصفية',
  filtersLabel: 'تصفية النتائج',
  source: 'المصدر',
  noSources: 'تظهر المصادر بعد البحث.',
  date: 'التاريخ',
  from: 'من',
  to: 'إلى',
  sort: 'الترتيب',
  close: 'إغلاق',
};

/** Date presets: label and how far back from today. */
export const DATE_PRESETS: [label: string, days: number][] = [
  ['أي وقت', 0],
  ['آخر يوم', 1],
  ['آخر أسبوع', 7],
  ['آخر شهر', 30],
  ['آخر سنة', 365],
];
export const CUSTOM_RANGE = 'نطاق مخصّص';
export const SORTS = { relevance: 'الأكثر صلة', newest: 'الأحدث' } as const;

export type Digits = 'latn' | 'arab';

export const number = (count: number, digits: Digits): string => new Intl.NumberFormat(`ar-u-nu-${digits}`).format(count);

/** `N نتيجة` with Arabic plural agreement: نتيجة واحدة، نتيجتان، ٣ نتائج، ١١ نتيجة. */
export function countText(count: number, digits: Digits): string {
  const n = number(count, digits);
  switch (new Intl.PluralRules('ar').select(count)) {
    case 'zero':
      return STRINGS.empty;
    case 'one':
      return 'نتيجة واحدة';
    case 'two':
      return 'نتيجتان';
    case 'few':
      return `${n} نتائج`;
    default:
      return `${n} نتيجة`;
  }
}

/** `shown من total`: ٤ من ٥ نتائج، ١ من نتيجتين (the dual after من is genitive). */
export function shownText(shown: number, total: number, digits: Digits): string {
  return `${number(shown, digits)} من ${total === 2 ? 'نتيجتين' : countText(total, digits)}`;
}

/** An estimated total (the API's `estimated`: at least this many): `أكثر من 1000 نتيجة`, after the results shown when there are more. */
export function estimatedText(shown: number, total: number, digits: Digits): string {
  const more = `أكثر من ${number(total, digits)} نتيجة`;
  return shown < total ? `${number(shown, digits)} من ${more}` : more;
}

/** `2025-01-26` → `26 يناير 2025`; the text as given when it is not a date. */
export function dateText(iso: string, digits: Digits): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  // A calendar date from the corpus is read in UTC so that it never moves by a day.
  return new Intl.DateTimeFormat(`ar-u-nu-${digits}`, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
