/**
 * The bot reports what the article and studies say; it never tells the reader what to do. These
 * patterns catch the ways an instruction slips into knowledge text ("take 100 mcg", "you should
 * get…"). They are deliberately narrow: a reported sentence such as "the article says to aim for
 * 10 to 45 micrograms" or "trials used 180 mcg" must still pass.
 */
const INSTRUCTION_ANYWHERE: readonly RegExp[] = [
  /\byou should (take|use|get|eat|try|start|stop|add)\b/i,
  /\b(you|u) (need|must|have) (to )?(take|get|eat|use)\b/i,
  /\bmake sure (you|to)\b/i,
];

/** Checked at the start of every sentence, where an imperative verb gives the instruction away. */
const INSTRUCTION_SENTENCE_START =
  /^(take|use|get|aim for|eat|try|consume|include|add|enjoy|avoid|stop|start|cook with|consider|make sure)\b/i;

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?;:])\s+/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** The first sentence of `text` that reads as an instruction to the reader, or null when there is none. */
export function findInstructionWording(text: string): string | null {
  for (const sentence of sentencesOf(text)) {
    if (INSTRUCTION_SENTENCE_START.test(sentence)) return sentence;
    if (INSTRUCTION_ANYWHERE.some((pattern) => pattern.test(sentence))) return sentence;
  }
  return null;
}
