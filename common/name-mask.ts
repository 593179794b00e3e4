/**
 * A person's name as public papers and screens show it (张*华): the first and last
 * character kept, the ones between hidden; a two-character name keeps its first (李*).
 * Counted in characters, not UTF-16 units, so a 生僻字 outside the BMP is one character.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return `${chars[0]}*`;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
