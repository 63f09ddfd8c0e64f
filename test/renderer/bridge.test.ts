import { beforeEach, describe, expect, it } from 'vitest';
import { takeToken } from '../../renderer/bridge';

describe('takeToken', () => {
  beforeEach(() => {
    window.sessionStorage.clear();
    window.history.replaceState(null, '', '/');
  });

  it('takes the token from the fragment and leaves the overview route in its place', () => {
    window.history.replaceState(null, '', '/#token=abc_DEF-123');
    expect(takeToken(window.location, window.sessionStorage, window.history)).toBe('abc_DEF-123');
    expect(window.location.hash).toBe('#/overview');
    expect(window.location.href).not.toContain('abc_DEF');
  });

  it('keeps the view the link asked for', () => {
    window.history.replaceState(null, '', '/#/spend&token=xyz');
    expect(takeToken(window.location, window.sessionStorage, window.history)).toBe('xyz');
    expect(window.location.hash).toBe('#/spend');
  });

  it("falls back to the tab's copy after a reload, and to nothing in a new tab", () => {
    window.history.replaceState(null, '', '/#token=first');
    takeToken(window.location, window.sessionStorage, window.history);
    expect(takeToken(window.location, window.sessionStorage, window.history)).toBe('first');
    window.sessionStorage.clear();
    expect(takeToken(window.location, window.sessionStorage, window.history)).toBeNull();
  });
});
