import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeApi, DashboardState, EventName } from '../../shared/bridge';
import { App, Dashboard } from '../../renderer/App';
import { createDashboardStore } from '../../renderer/state/dashboard-store';
import { dashboardFixture } from './support/dashboard-fixture';

/**
 * Stands in for main: like the contract says, subscribing to `state:changed` pushes the current
 * snapshot (when `answer` has one); `state:get` answers from `answer`; `emit` sends events.
 */
function standIn(answer: () => Promise<unknown>, options: { push: boolean } = { push: true }) {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const asked: string[] = [];
  const bridge: BridgeApi = {
    call: (async (channel: string) => {
      asked.push(channel);
      return channel === 'state:get' ? answer() : { ok: true, value: {} };
    }) as never,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      if (event === 'state:changed' && options.push) {
        void answer().then((current) => {
          const result = current as { ok: boolean; value?: unknown };
          if (result.ok) act(() => (listener as (payload: unknown) => void)(result.value));
        });
      }
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
  const emit = (event: EventName, payload: unknown) =>
    act(() => listeners.get(event)?.forEach((listener) => listener(payload)));
  return { bridge, emit, asked };
}

beforeEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/#/overview');
});

describe('the dashboard shell', () => {
  it('explains what to open when the page has no token (browser mode)', () => {
    render(<App />);
    expect(screen.getByRole('status')).toHaveTextContent('#token=');
  });

  describe('a printed address opened in a tab that is already open (browser mode)', () => {
    /** The requests the bridge makes, never answered: the real server is test/e2e's part. */
    function recordRequests(): string[] {
      const authorisations: string[] = [];
      vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
        authorisations.push(new Headers(init.headers).get('Authorization') ?? '');
        return new Promise(() => {});
      });
      return authorisations;
    }
    afterEach(() => vi.unstubAllGlobals());

    it('connects with its token, without a reload, and takes the token out of the address', async () => {
      const requests = recordRequests();
      render(<App />);
      expect(screen.getByRole('status')).toHaveTextContent('#token=');
      act(() => {
        window.location.hash = '#/spend&token=fresh_1';
      });
      await screen.findByText('Connecting to Saldo…');
      expect(window.location.hash).toBe('#/spend');
      expect(requests).toContain('Bearer fresh_1');
    });

    it("replaces an earlier run's token, and keeps the connection when the same link comes again", async () => {
      window.history.replaceState(null, '', '/#token=old_run');
      const requests = recordRequests();
      render(<App />);
      await waitFor(() => expect(requests).toEqual(['Bearer old_run']));
      act(() => {
        window.location.hash = '#token=old_run';
      });
      await waitFor(() => expect(window.location.hash).toBe('#/overview'));
      expect(requests).toEqual(['Bearer old_run']);
      act(() => {
        window.location.hash = '#token=new_run';
      });
      await waitFor(() => expect(requests).toEqual(['Bearer old_run', 'Bearer new_run']));
      expect(window.location.hash).toBe('#/overview');
    });
  });

  it('says it is connecting, then shows the view with the navigation and the demo badge', async () => {
    let resolve!: (value: unknown) => void;
    const { bridge } = standIn(() => new Promise((done) => (resolve = done)));
    render(<Dashboard bridge={bridge} store={createDashboardStore(bridge)} />);
    expect(screen.getByText('Connecting to Saldo…')).toBeInTheDocument();
    resolve({ ok: true, value: dashboardFixture() });
    await screen.findByRole('heading', { level: 1, name: 'Overview' });
    const nav = screen.getByRole('navigation', { name: 'Views' });
    expect(nav.querySelector('[aria-current="page"]')).toHaveTextContent('Overview');
    expect(screen.getAllByText('Demo').length).toBeGreaterThan(0);
  });

  it('shows a load failure with "Try again", which asks again', async () => {
    let calls = 0;
    // The event stream is down (nothing pushed): the store asks, and the first answer is a failure.
    const { bridge } = standIn(
      async () => {
        calls += 1;
        return calls === 1
          ? { ok: false, error: { field: 'connection', message: 'connection refused' } }
          : { ok: true, value: dashboardFixture() };
      },
      { push: false },
    );
    render(<Dashboard bridge={bridge} store={createDashboardStore(bridge)} />);
    await screen.findByText('Saldo could not load your account: connection refused', {}, { timeout: 4000 });
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('heading', { level: 1, name: 'Overview' });
  });

  it('takes the first snapshot from the push, without asking for it again', async () => {
    const { bridge, asked } = standIn(async () => ({ ok: true, value: dashboardFixture() }));
    render(<Dashboard bridge={bridge} store={createDashboardStore(bridge)} />);
    await screen.findByRole('heading', { level: 1, name: 'Overview' });
    expect(asked).not.toContain('state:get');
  });

  it('asks for the snapshot when none is pushed', async () => {
    const { bridge, asked } = standIn(async () => ({ ok: true, value: dashboardFixture() }), { push: false });
    render(<Dashboard bridge={bridge} store={createDashboardStore(bridge)} />);
    await screen.findByRole('heading', { level: 1, name: 'Overview' }, { timeout: 4000 });
    expect(asked).toContain('state:get');
  });

  it('follows pushed snapshots: Dutch switches the words and the document language', async () => {
    const { bridge, emit } = standIn(async () => ({ ok: true, value: dashboardFixture() }));
    render(<Dashboard bridge={bridge} store={createDashboardStore(bridge)} />);
    await screen.findByRole('heading', { level: 1, name: 'Overview' });
    const dutch: DashboardState = dashboardFixture({
      settings: { ...dashboardFixture().settings, language: 'nl' },
    });
    emit('state:changed', dutch);
    await screen.findByRole('heading', { level: 1, name: 'Overzicht' });
    expect(document.documentElement.lang).toBe('nl');
  });

  it('keeps the last snapshot and says so while the connection is down', async () => {
    const { bridge } = standIn(async () => ({ ok: true, value: dashboardFixture() }));
    const store = createDashboardStore(bridge);
    render(<Dashboard bridge={bridge} store={store} />);
    await screen.findByRole('heading', { level: 1, name: 'Overview' });
    act(() => store.setConnected(false));
    expect(screen.getByText('Connection to Saldo lost. Trying again…')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument();
    act(() => store.setConnected(true));
    await waitFor(() => expect(screen.queryByText('Connection to Saldo lost. Trying again…')).toBeNull());
  });

  it('opens the view named in the address, and moves with the navigation', async () => {
    window.history.replaceState(null, '', '/#/credits');
    const { bridge } = standIn(async () => ({ ok: true, value: dashboardFixture() }));
    render(<Dashboard bridge={bridge} store={createDashboardStore(bridge)} />);
    await screen.findByRole('heading', { level: 1, name: 'Credits' });
    await userEvent.click(screen.getByRole('link', { name: 'Spend' }));
    await screen.findByRole('heading', { level: 1, name: 'Spend' });
  });

  it('opens the view main asks for (a notification or the tray was clicked)', async () => {
    window.history.replaceState(null, '', '/#/overview');
    const { bridge, emit } = standIn(async () => ({ ok: true, value: dashboardFixture() }));
    render(<Dashboard bridge={bridge} store={createDashboardStore(bridge)} />);
    await screen.findByRole('heading', { level: 1, name: 'Overview' });
    act(() => emit('app:open-view', 'credits'));
    await screen.findByRole('heading', { level: 1, name: 'Credits' });
    expect(window.location.hash).toBe('#/credits');
  });
});
