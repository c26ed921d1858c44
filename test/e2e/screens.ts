import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** Screenshots for review go to STEMMEN_SCREENSHOTS when it is set (not on CI). */
export async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.STEMMEN_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  // In parts of at most 1,600 px high, so that a person can read each one.
  const { width, height } = (await page.evaluate('({ width: window.innerWidth, height: document.documentElement.scrollHeight })')) as { width: number; height: number };
  for (let top = 0, part = 1; top < height; top += 1600, part += 1) {
    await page.screenshot({ path: join(dir, `${name}-${part}.png`), fullPage: true, clip: { x: 0, y: top, width, height: Math.min(1600, height - top) } });
  }
}

/** Nothing makes the page wider than the window (no sideways scrolling on a phone). */
export async function overflow(page: Page): Promise<number> {
  return (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
}

/**
 * How far an element reaches past the box that clips it (its nearest ancestor with hidden or scrolled
 * overflow), in px on each side: { left: 0, right: 0 } when all of it can be seen without scrolling.
 */
export async function clipped(element: Locator): Promise<{ left: number; right: number }> {
  return element.evaluate((el) => {
    const view = el.ownerDocument.defaultView!;
    const own = el.getBoundingClientRect();
    let clip = el.parentElement;
    while (clip && view.getComputedStyle(clip).overflowX === 'visible') clip = clip.parentElement;
    const box = clip ? clip.getBoundingClientRect() : { left: 0, right: view.innerWidth };
    return { left: Math.max(0, Math.ceil(box.left - own.left)), right: Math.max(0, Math.ceil(own.right - box.right)) };
  });
}

/** The captions of the tables among `wraps` that are wider than their box (a reader must scroll them sideways). */
export async function sidewaysScroll(wraps: Locator): Promise<string[]> {
  return wraps.evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.querySelector('caption')?.textContent ?? '?'));
}
