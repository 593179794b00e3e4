/**
 * The bundled fonts the screen may load (renderer/src/fonts.css), served under /fonts/ by
 * the browser-mode host and the app:// protocol alike. Only these names, from
 * resources/fonts: nothing else in that folder or beside it is reachable this way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FONT_ROUTE = '/fonts/';
export const SCREEN_FONT_FILES = ['NotoSansSC-Regular.ttf', 'NotoSansSC-Bold.ttf', 'HanaMinB.ttf'] as const;

/** resources/fonts beside the source tree or the build output (dist/main/*.js → ../../resources). */
export function defaultFontsDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../resources/fonts'), path.resolve(here, '../../resources/fonts')];
  return candidates.find((c) => fs.existsSync(c)) ?? candidates[0]!;
}

/** The font file a URL path asks for, or null when it is not one of ours. */
export function fontFileFor(urlPath: string, fontsDir: string): string | null {
  if (!urlPath.startsWith(FONT_ROUTE)) return null;
  const name = urlPath.slice(FONT_ROUTE.length);
  return (SCREEN_FONT_FILES as readonly string[]).includes(name) ? path.join(fontsDir, name) : null;
}
