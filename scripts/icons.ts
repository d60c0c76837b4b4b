/**
 * `npm run icons`: renders assets/icon.svg, the one source image, into the PNG sizes the stores and
 * browsers ask for (public/icon/<size>.png, which WXT puts in the manifest). Chromium draws each
 * size from the vector, on a transparent background, so the PNGs can be made again at any time.
 * The 128 px icon is the Chrome Web Store's: 96 px of art in 16 px of transparent padding, as the
 * store's image guidelines ask; the smaller sizes fill their canvas, where every pixel counts.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../sim/browser';

export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

/** Transparent padding on each side, per icon size. */
export const ICON_PADDING: Partial<Record<(typeof ICON_SIZES)[number], number>> = { 128: 16 };

const SOURCE = resolve('assets/icon.svg');
const OUTPUT = resolve('public/icon');

const svg = readFileSync(SOURCE, 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

mkdirSync(OUTPUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: CHROMIUM_FLAGS,
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of ICON_SIZES) {
    const padding = ICON_PADDING[size] ?? 0;
    const art = size - 2 * padding;
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img alt="" src="${dataUrl}" width="${art}" height="${art}" style="display:block;margin:${padding}px"></body></html>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    const file = join(OUTPUT, `${size}.png`);
    await page.screenshot({ path: file, omitBackground: true });
    process.stdout.write(`${relative(process.cwd(), file)}\n`);
  }
} finally {
  await browser.close();
}
