/**
 * Function words that carry no topic: prepositions, conjunctions, pronouns, demonstratives,
 * relatives, particles and auxiliaries. Written as in text (with hamza and alef maqsura), and
 * matched before letters are folded so that `على` (on) is dropped while `علي` (Ali) is kept.
 * Kept short on purpose: a long list removes words that matter in news (`ضد`, `بعد` in dates…).
 */
const FUNCTION_WORDS = `
في من إلى الى على عن مع ضمن لدى حتى منذ عند بين نحو خلال
و ف ثم أو او أم ام بل لكن لكنه إن ان أن إنه انه أنه كان كانت يكون تكون
هو هي هم هن هما أنا انا نحن أنت انت أنتم انتم
هذا هذه ذلك تلك هؤلاء هذان هاتان أولئك هناك هنا
الذي التي الذين اللذين اللتين اللواتي اللاتي ما ماذا متى أين اين كيف لماذا
لا لم لن قد لقد ليس ليست كل أي اي إذا اذا إذ اذ لو كما مثل غير
به بها بهم له لها لهم لنا فيه فيها فيهم منه منها منهم عليه عليها عليهم عنه عنها إليه اليه إليها اليها
التي أيضا ايضا وقد وقال وكان وهو وهي ولا وفي ومن وأن وان وإن وعلى وعن ومع
هل كم بماذا لماذا ممن مما عما لمن بمن فيما وما ماهو ماهي
فى هى الذى التى
ال
`;
export const STOP_WORDS: ReadonlySet<string> = new Set(FUNCTION_WORDS.split(/\s+/).filter(Boolean));

/** True when the cleaned (not yet folded) word is a function word. */
export function isStopWord(cleanedWord: string): boolean {
  return STOP_WORDS.has(cleanedWord);
}
