/**
 * `npm run icons`: renders every icon source (build/icon.svg, build/tray/*.svg) to the PNGs the app
 * and electron-builder use, in real Chromium, at exact sizes on a transparent background. Each PNG
 * carries the hash of its recipe, which test/tooling/icons.test.ts checks against the sources.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/support/browser';
import { iconOutputs, recipeHash, RECIPE_KEYWORD, ROOT, type IconOutput } from './icons/icon-set';
import { withPngText } from './icons/png';

async function render(page: Page, output: IconOutput): Promise<Buffer> {
  const svg = fs.readFileSync(path.join(ROOT, output.svg), 'utf8');
  const { size, colour } = output;
  await page.setViewportSize({ width: size, height: size });
  // The SVG inline, so `currentColor` takes the colour of its box.
  await page.setContent(
    `<!doctype html><style>html,body{margin:0;background:transparent}` +
      `div{width:${size}px;height:${size}px;color:${colour ?? '#000'}}svg{display:block;width:100%;height:100%}</style>` +
      `<div>${svg}</div>`,
  );
  const png = await page.screenshot({
    omitBackground: true,
    clip: { x: 0, y: 0, width: size, height: size },
  });
  return withPngText(png, RECIPE_KEYWORD, recipeHash(output));
}

async function main(): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const output of iconOutputs()) {
      const file = path.join(ROOT, output.png);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, await render(page, output));
      console.log(`${output.png} (${output.size}×${output.size})`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
