/** The demo's note where the user records something: Credits, Auto-recharge and Settings' correction. */
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { DashboardState } from '../../../shared/bridge';
import { AutoRechargeView } from '../../../renderer/views/AutoRecharge';
import { CreditsView } from '../../../renderer/views/Credits';
import { SettingsView } from '../../../renderer/views/Settings';
import { dashboardFixture } from '../support/dashboard-fixture';
import { renderView } from '../support/render-view';

afterEach(cleanup);

const EN = /This is the demo account: what you record here goes to the demo, not to your OpenAI account\./;
const NL = /Dit is het demo-account: wat je hier vastlegt, gaat naar de demo, niet naar je OpenAI-account\./;

function state(name: 'demo' | 'openai', language: 'en' | 'nl' = 'en'): DashboardState {
  const base = dashboardFixture();
  return dashboardFixture({
    backend: { ...base.backend, name },
    settings: { ...base.settings, language },
  });
}

const VIEWS = [
  ['Credits (purchases, free credit, corrections, removals)', CreditsView],
  ['Auto-recharge', AutoRechargeView],
  ['Settings (the balance correction)', SettingsView],
] as const;

describe('the note where something is recorded on the demo account', () => {
  it.each(VIEWS)(
    '%s says it goes to the demo, and links to Settings for one’s own account',
    async (_where, View) => {
      const view = renderView(View, { state: state('demo') });
      const notes = screen.getAllByText(EN);
      expect(notes).toHaveLength(1);
      const link = within(notes[0]!).getByRole('link', {
        name: 'Add your Admin key in Settings to watch your own.',
      });
      await userEvent.click(link);
      expect(view.navigations).toEqual(['settings']);
    },
  );

  it.each(VIEWS)('%s: in Dutch on a Dutch screen', (_where, View) => {
    renderView(View, { state: state('demo', 'nl') });
    expect(screen.getAllByText(NL)).toHaveLength(1);
    expect(screen.queryByText(EN)).toBeNull();
    expect(
      screen.getByRole('link', {
        name: 'Voeg je Admin-sleutel toe in Instellingen om je eigen account te volgen.',
      }),
    ).toBeTruthy();
  });

  it.each([CreditsView, AutoRechargeView, SettingsView])(
    'is not there for the user’s own account (%o)',
    (View) => {
      renderView(View, { state: state('openai') });
      expect(screen.queryByText(EN)).toBeNull();
    },
  );
});
