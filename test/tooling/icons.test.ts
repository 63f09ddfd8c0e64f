/**
 * The icons as shipped: every PNG electron-builder and the tray use exists at its size, the macOS
 * template set is black with the shape in the alpha, the five tray states differ in shape (never by
 * colour alone, ux.md §5), and no PNG is older than its SVG source (`npm run icons` renders them).
 */
import fs from 'node:fs';
import path from 'node:path';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';
import { TRAY_ICON_STATES } from '../../shared/tray';
import {
  APP_ICON_SIZE,
  iconOutputs,
  LINUX_ICON_SIZES,
  recipeHash,
  RECIPE_KEYWORD,
  ROOT,
  TRAY_ICON_SIZE,
} from '../../scripts/icons/icon-set';
import { decodeRgba, pngHeader, pngText } from '../../scripts/icons/png';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file));
const RGBA = 6;

function expectPng(file: string, size: number): void {
  expect(fs.existsSync(path.join(ROOT, file)), `${file} exists (npm run icons)`).toBe(true);
  expect(pngHeader(read(file)), file).toEqual({ width: size, height: size, bitDepth: 8, colorType: RGBA });
}

/** The pixels drawn, as a mask: alpha at least half the icon's strongest (the dimmed icon is fainter). */
function shapeMask(file: string): boolean[] {
  const pixels = decodeRgba(read(file));
  const alphas = Array.from({ length: pixels.length / 4 }, (_, index) => pixels[index * 4 + 3]!);
  const strongest = Math.max(...alphas);
  return alphas.map((alpha) => alpha > 0 && alpha * 2 >= strongest);
}

/** How far apart two shapes are: the share of their drawn pixels that only one of them draws (0 = same). */
function shapeDistance(a: boolean[], b: boolean[]): number {
  const union = a.filter((drawn, index) => drawn || b[index]).length;
  const either = a.filter((drawn, index) => drawn !== b[index]).length;
  return either / union;
}

describe('the app icon electron-builder uses', () => {
  it('is a square PNG of 1024 px wherever the builder config points, and the Linux sizes in its folder', async () => {
    const config = await getConfig(ROOT, null, null);
    const resources = config.directories?.buildResources ?? 'build';
    // electron-builder falls back to icon.png in the build resources where no icon is named.
    const referenced = new Set([
      config.linux?.icon,
      config.mac?.icon,
      config.win?.icon,
      `${resources}/icon.png`,
    ]);
    for (const icon of referenced) {
      if (icon === undefined || icon === null) continue;
      if (fs.statSync(path.join(ROOT, icon)).isDirectory()) {
        for (const size of LINUX_ICON_SIZES) expectPng(`${icon}/${size}x${size}.png`, size);
      } else {
        expectPng(icon, APP_ICON_SIZE);
      }
    }
    expect(config.linux?.icon).toBe('build/icons');
  });
});

describe('the tray icons', () => {
  it('exist for every state: colour (Windows, Linux) and template (macOS), 16 px and @2x', () => {
    for (const state of TRAY_ICON_STATES) {
      for (const set of ['', 'Template']) {
        expectPng(`assets/tray/${state}${set}.png`, TRAY_ICON_SIZE);
        expectPng(`assets/tray/${state}${set}@2x.png`, 2 * TRAY_ICON_SIZE);
      }
    }
  });

  it('are black in the template set, the shape in the alpha channel only', () => {
    for (const state of TRAY_ICON_STATES) {
      for (const file of [`assets/tray/${state}Template.png`, `assets/tray/${state}Template@2x.png`]) {
        const pixels = decodeRgba(read(file));
        const coloured = [];
        let drawn = 0;
        for (let at = 0; at < pixels.length; at += 4) {
          if (pixels[at + 3] === 0) continue;
          drawn++;
          if (pixels[at] !== 0 || pixels[at + 1] !== 0 || pixels[at + 2] !== 0) coloured.push(at / 4);
        }
        expect(coloured, `${file}: pixels that are not black`).toEqual([]);
        expect(drawn, `${file}: pixels drawn`).toBeGreaterThan(20);
      }
    }
  });

  it('draw one shape per state in both sets: the colour set is the template recoloured', () => {
    for (const state of TRAY_ICON_STATES) {
      for (const scale of ['', '@2x']) {
        const colour = shapeMask(`assets/tray/${state}${scale}.png`);
        expect(shapeDistance(colour, shapeMask(`assets/tray/${state}Template${scale}.png`))).toBe(0);
      }
    }
  });

  it('tell the five states apart by shape alone, at both sizes', () => {
    for (const scale of ['', '@2x']) {
      const masks = TRAY_ICON_STATES.map((state) => ({
        state,
        mask: shapeMask(`assets/tray/${state}Template${scale}.png`),
      }));
      for (const [index, a] of masks.entries()) {
        for (const b of masks.slice(index + 1)) {
          expect(shapeDistance(a.mask, b.mask), `${a.state} vs ${b.state}${scale}`).toBeGreaterThan(0.2);
        }
      }
    }
  });
});

describe('the icon sources', () => {
  it('have every PNG rendered from their current text (else: npm run icons)', () => {
    const stale = iconOutputs()
      .filter((output) => pngText(read(output.png), RECIPE_KEYWORD) !== recipeHash(output))
      .map((output) => output.png);
    expect(stale).toEqual([]);
  });

  it('account for every PNG in the icon folders', () => {
    const rendered = new Set(iconOutputs().map((output) => output.png));
    const present = ['assets/tray', 'build/icons'].flatMap((folder) =>
      fs.readdirSync(path.join(ROOT, folder)).map((name) => `${folder}/${name}`),
    );
    expect(present.filter((file) => !rendered.has(file))).toEqual([]);
  });
});
