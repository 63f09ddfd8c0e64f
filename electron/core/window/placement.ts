/**
 * Where the window opens: where it was, unless that place is no longer on any screen (a monitor was
 * unplugged), else the default size, centred by the OS. Pure.
 */
import type { Rectangle } from './window-state-store';

export const DEFAULT_SIZE = { width: 1100, height: 760 } as const;
export const MIN_SIZE = { width: 640, height: 480 } as const;

/** At least this much of the title bar must be on a screen for the user to grab it. */
const GRAB = 48;

export function placeWindow(
  saved: Rectangle | null,
  workAreas: readonly Rectangle[],
): Rectangle | { width: number; height: number } {
  if (saved === null) return DEFAULT_SIZE;
  const reachable = workAreas.some(
    (area) =>
      saved.x + saved.width - GRAB >= area.x &&
      saved.x + GRAB <= area.x + area.width &&
      saved.y >= area.y &&
      saved.y + GRAB <= area.y + area.height,
  );
  if (!reachable) return { width: saved.width, height: saved.height };
  return saved;
}
