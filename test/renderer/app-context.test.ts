import { describe, expect, it } from 'vitest';
import { NAV_KEY, VIEWS } from '../../renderer/app-context';
import { commonMessages } from '../../renderer/i18n/messages/common';

describe('NAV_KEY', () => {
  it('names every view by its own navigation word, in both languages', () => {
    expect(VIEWS.map((view) => commonMessages.en.nav[NAV_KEY[view]])).toEqual([
      'Overview',
      'Spend',
      'Credits',
      'Auto-recharge',
      'Alerts',
      'Settings',
    ]);
    const dutch = VIEWS.map((view) => commonMessages.nl.nav[NAV_KEY[view]]);
    expect(new Set(dutch).size).toBe(VIEWS.length);
    expect(dutch).not.toContain(commonMessages.nl.nav.label);
  });
});
