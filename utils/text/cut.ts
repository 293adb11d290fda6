/**
 * The first `max` UTF-16 code units of `text`, one fewer when the cut would split a character
 * written as two (an emoji, a rare script): half a character is not text, and storage replaces it.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
