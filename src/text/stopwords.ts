/**
 * Function words that carry no topic: prepositions, conjunctions, pronouns, demonstratives,
 * relatives, question words, particles and auxiliaries (Lucene's Arabic list is of this kind).
 * Matched on the cleaned word with only the hamza forms of alef folded, before `ى` is folded, so
 * that `على` (on) is dropped while `علي` (Ali) is kept, and `أيضا` and `ايضا` are one entry.
 * Kept short on purpose: a long list removes words that matter in news (`ضد`, `بعد`, `قبل` in
 * dates, `عام`, `عدد`, `قال`).
 */
const FUNCTION_WORDS = `
في من إلى على عن مع ضمن لدى حتى منذ عند بين نحو خلال حول دون بدون سوى عدا تجاه إزاء أمام
و ف ثم أو أم بل لكن لكنه إن أن إنه أنه إنها أنها إنما أما إما كان كانت يكون تكون
هو هي هم هن هما أنا نحن أنت أنتم
هذا هذه ذلك تلك هؤلاء هذان هاتان أولئك هناك هنا
الذي التي الذين اللذين اللتين اللواتي اللاتي ما ماذا متى أين كيف لماذا
لا لم لن قد لقد ليس ليست كل أي إذا إذ لو كما مثل غير بعض جميع
حيث حين عندما بينما الآن كذلك لذلك هكذا سوف لعل ليت كي لكي كلا ثمة
به بها بهم له لها لهم لنا فيه فيها فيهم منه منها منهم عليه عليها عليهم عنه عنها إليه إليها
أيضا وقد وقال وكان وكانت وهو وهي ولا ولم ولن وفي ومن وأن وإن بأن فإن وعلى وعن ومع وما فما وكل
هل كم بماذا ممن مما عما لمن بمن فيما ماهو ماهي
فى هى الذى التى إلا
ال
`;

const HAMZATED_ALEF = /[أإآٱ]/g;

/** The form a word is looked up in: hamzated alefs folded, `ى` and `ة` left as written. */
function stopKey(word: string): string {
  return word.replace(HAMZATED_ALEF, 'ا');
}

export const STOP_WORDS: ReadonlySet<string> = new Set(FUNCTION_WORDS.split(/\s+/).filter(Boolean).map(stopKey));

/** True when the cleaned (not yet folded) word is a function word. */
export function isStopWord(cleanedWord: string): boolean {
  return STOP_WORDS.has(stopKey(cleanedWord));
}
