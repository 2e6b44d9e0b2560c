/**
 * Spelling variants of transliterated names and loanwords that no letter rule can fold: the
 * same name is written with different letters for a foreign sound (g as غ, ج or ق; t as ت or
 * ط), with or without a long vowel, or with a final ة or ا. Each entry maps a variant to one
 * canonical spelling; both are written folded (see `foldLetters`: no hamza on alef, ه for ة).
 *
 * Entries are whole stretches of letters replaced inside a word, so clitics and suffixes around
 * them still work (`للأميركيين` → `للامريكيين`). Keep each entry long and distinctive enough
 * that it cannot occur inside an unrelated word, and add a test line for it.
 */
export const SPELLING_VARIANTS: readonly (readonly [variant: string, canonical: string])[] = [
  // United States: أميركا (Levant, Gulf press) and أمريكا.
  ['اميرك', 'امريك'],
  // Donald Trump: ترمب (Asharq Al-Awsat, Al-Hayat) and ترامب.
  ['ترمب', 'ترامب'],
  // Vladimir Putin: بوتن and بوتين.
  ['بوتن', 'بوتين'],
  // Mauritania: موريطانيا (Maghreb) and موريتانيا.
  ['موريطاني', 'موريتاني'],
  // Astana: أستانة and أستانا.
  ['استانه', 'استانا'],
  // Pyongyang: بيونغ يانغ and بيونج يانج (Egyptian ج for g).
  ['بيونج', 'بيونغ'],
  ['يانج', 'يانغ'],
  // Google: غوغل, جوجل, قوقل.
  ['جوجل', 'غوغل'],
  ['قوقل', 'غوغل'],
  // Television, internet, Microsoft: the common loanword spellings.
  ['تليفزيون', 'تلفزيون'],
  ['انترنيت', 'انترنت'],
  ['ميكروسوفت', 'مايكروسوفت'],
];

const BY_VARIANT = new Map(SPELLING_VARIANTS.map(([variant, canonical]) => [variant, canonical]));
const VARIANT = new RegExp([...BY_VARIANT.keys()].sort((a, b) => b.length - a.length).join('|'), 'g');

/** Rewrites the known spelling variants inside a folded word to their canonical spelling. */
export function canonicalSpelling(word: string): string {
  return word.replace(VARIANT, (variant) => BY_VARIANT.get(variant) ?? variant);
}
