/**
 * Queries meant to be expensive: floods of one-letter and frequent words, many or long phrases,
 * many exclusions, invisible characters. bench:load sends them through the Worker, bench:query-cost
 * times the search pass on them. A label starting with `suggest:` is a suggestion prefix.
 */
export const ADVERSARIAL: [string, string][] = [
  ['128 one-letter words', Array.from({ length: 128 }, () => 'ب').join(' ')],
  ['128 different one-letter words', Array.from({ length: 128 }, (_, i) => String.fromCharCode(0x0628 + (i % 20))).join(' ')],
  ['a one-letter query', 'م'],
  ['85 two-letter words', Array.from({ length: 85 }, (_, i) => `م${String.fromCharCode(0x0628 + (i % 20))}`).join(' ')],
  ['42 misspelled words', Array.from({ length: 42 }, (_, i) => `سعود${String.fromCharCode(0x0628 + (i % 20))}`).join(' ')],
  ['30 frequent words', 'السعودية المملكة الرياض وزير الأمير خادم الحرمين الشريفين الملك سلمان '.repeat(3).trim()],
  ['15 quoted phrases of two common words', '"وزير الخارجية" '.repeat(15).trim()],
  ['one 40-word phrase', `"${'المملكة العربية السعودية '.repeat(10).trim()}"`],
  ['85 exclusions', '-ب '.repeat(85).trim()],
  ['a word and 80 exclusions', `السعودية ${'-وزير '.repeat(40).trim()}`],
  ['256 combining marks', `ب${'\u0651'.repeat(255)}`],
  ['256 tatweels', 'ـ'.repeat(256)],
  ['bidi overrides around 85 letters', '\u202Eب\u202C'.repeat(85)],
  ['suggest: one letter', 'suggest:م'],
  ['suggest: 255 spaces then a letter', `suggest:${' '.repeat(254)}م`],
  // The issue-14 set: what a crafted request costs the engine at 31k articles.
  ['one frequent word quoted 30 times', `"${'السعودية '.repeat(30).trim()}"`],
  ['40 numbers', Array.from({ length: 40 }, (_, i) => String(2000 + i)).join(' ')],
  [
    '40 frequent words, OR',
    'في من على إلى عن مع أن التي الذي هذا بين بعد قبل كل ما خلال عام وزير الملك الأمير المملكة السعودية الرياض جدة مكة الدولة الحكومة الشيخ العربية الخليج مجلس رئيس اليوم أمس الأول الثاني شهر مدينة منطقة',
  ],
  // The most a query within the work budget may ask: its 20 different words, all frequent.
  [
    "20 different frequent words (the budget's most)",
    'وزير الملك الأمير المملكة السعودية الرياض جدة مكة الدولة الحكومة الشيخ العربية الخليج مجلس رئيس اليوم أمس الأول الثاني شهر',
  ],
  ['8 two-word phrases and 8 exclusions', `${'"المملكة العربية" '.repeat(8)}${'-وزير '.repeat(8)}`.trim()],
];
