import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, placeWindow } from '../../../../electron/core/window/placement';

const SCREEN = { x: 0, y: 0, width: 1920, height: 1080 };
const SECOND = { x: 1920, y: 0, width: 1280, height: 1024 };

describe('where the window opens', () => {
  it('at the default size the first time, placed by the OS', () => {
    expect(placeWindow(null, [SCREEN])).toEqual(DEFAULT_SIZE);
  });

  it('where it was, when that is on a screen (the second one too)', () => {
    const saved = { x: 200, y: 100, width: 1000, height: 700 };
    expect(placeWindow(saved, [SCREEN])).toEqual(saved);
    const right = { x: 2000, y: 50, width: 900, height: 600 };
    expect(placeWindow(right, [SCREEN, SECOND])).toEqual(right);
  });

  it('at its size only, when its title bar is no longer on any screen', () => {
    expect(placeWindow({ x: 2000, y: 50, width: 900, height: 600 }, [SCREEN])).toEqual({
      width: 900,
      height: 600,
    });
    expect(placeWindow({ x: 100, y: -400, width: 900, height: 600 }, [SCREEN])).toEqual({
      width: 900,
      height: 600,
    });
    expect(placeWindow({ x: -880, y: 100, width: 900, height: 600 }, [SCREEN])).toEqual({
      width: 900,
      height: 600,
    });
  });

  it('keeps a window partly off screen while its title bar can be grabbed', () => {
    const partly = { x: -500, y: 100, width: 900, height: 600 };
    expect(placeWindow(partly, [SCREEN])).toEqual(partly);
  });
});
