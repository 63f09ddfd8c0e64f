/**
 * Every icon Saldo ships and what each is rendered from: one SVG source per glyph, with the size and
 * colour of each PNG. The tray's colour set (Windows, Linux) and its macOS template set (black, the
 * shape in the alpha channel) come from the same source through `currentColor`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { TRAY_ICON_STATES, type TrayIconState } from '../../shared/tray';

export const ROOT = path.resolve(__dirname, '..', '..');

/** electron-builder makes .icns and .ico from the 1024 px icon; Linux takes a folder of sizes. */
export const APP_ICON_SIZE = 1024;
export const LINUX_ICON_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;

/** Tray icons are 16 px, 32 px for @2x screens. */
export const TRAY_ICON_SIZE = 16;

/** Okabe–Ito hues (ux.md §2); the glyph's shape tells the state, the colour only helps (§5). */
const TRAY_COLOURS: Record<TrayIconState, string> = {
  ok: '#009E73',
  low: '#E69F00',
  critical: '#D55E00',
  offline: '#999999',
  demo: '#0072B2',
};

/** macOS template images: black, only the alpha counts (Electron's Tray docs: names ending in "Template"). */
const TEMPLATE_COLOUR = '#000000';

/** The PNG keyword under which each icon carries the hash of what it was rendered from. */
export const RECIPE_KEYWORD = 'saldo-icon-recipe';

export interface IconOutput {
  /** Paths from the repository root. */
  png: string;
  svg: string;
  size: number;
  /** What `currentColor` is; null for the app icon, which sets its own colours. */
  colour: string | null;
}

export function iconOutputs(): IconOutput[] {
  const app: IconOutput[] = [
    { png: 'build/icon.png', svg: 'build/icon.svg', size: APP_ICON_SIZE, colour: null },
    ...LINUX_ICON_SIZES.map((size) => ({
      png: `build/icons/${size}x${size}.png`,
      svg: 'build/icon.svg',
      size,
      colour: null,
    })),
  ];
  const tray = TRAY_ICON_STATES.flatMap((state) => {
    const svg = `build/tray/${state}.svg`;
    return [
      { png: `assets/tray/${state}.png`, svg, size: TRAY_ICON_SIZE, colour: TRAY_COLOURS[state] },
      { png: `assets/tray/${state}@2x.png`, svg, size: 2 * TRAY_ICON_SIZE, colour: TRAY_COLOURS[state] },
      { png: `assets/tray/${state}Template.png`, svg, size: TRAY_ICON_SIZE, colour: TEMPLATE_COLOUR },
      { png: `assets/tray/${state}Template@2x.png`, svg, size: 2 * TRAY_ICON_SIZE, colour: TEMPLATE_COLOUR },
    ];
  });
  return [...app, ...tray];
}

/**
 * A SHA-256 of what the PNG is rendered from (the source's text, size and colour), so a PNG left
 * behind by an edited source is found without rendering again. Line endings do not count.
 */
export function recipeHash(output: IconOutput): string {
  const svg = fs.readFileSync(path.join(ROOT, output.svg), 'utf8').replace(/\r\n/g, '\n');
  const recipe = JSON.stringify({ svg, size: output.size, colour: output.colour });
  return crypto.createHash('sha256').update(recipe).digest('hex');
}
