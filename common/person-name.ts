/**
 * The one masked form of a person's name, for every screen, paper and feed that is public or
 * goes beyond the clerk (心愿墙, 大厅屏, 认领凭证, 公示, the county's pages): 张建华 → 张*华,
 * 欧阳建华 → 欧**华 (a two-character family name is not guessed), 张华 → 张*, 李 → *.
 * Characters are counted by code point, so a rare (Ext-B…) character is one, not two.
 * Masking a masked name changes nothing, so a receiver may apply it again to be sure.
 */
export function maskPersonName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
