/**
 * Is a rare character drawn on screen, or a box? A canvas says what a font stack can draw; it
 * does not say what the page drew (Chromium may keep a text's first shaping, made before the
 * bundled face arrived: the box). So the elements themselves are photographed, then again with
 * the bundled faces taken away: where the page drew a box, both photographs are the same.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export async function expectDrawnByBundledFaces(page: Page, selector: string, elements: { label: string; locator: Locator }[]): Promise<void> {
  const withFaces = await Promise.all(elements.map((e) => e.locator.screenshot()));
  const override = await page.addStyleTag({ content: `${selector} { font-family: "Noto Sans CJK SC", sans-serif !important; }` });
  for (const [i, e] of elements.entries()) expect(withFaces[i]!.equals(await e.locator.screenshot()), `${e.label}: drawn, not a box`).toBe(false);
  await override.evaluate((el) => (el as ChildNode).remove());
}
