/**
 * The tray's words and icon state for a snapshot (ux.md §1 Tray, §3, §5): every icon state and its
 * precedence, English and Dutch, and the Windows tooltip limit over generated snapshots. Times are
 * local: this file runs in Amsterdam time, an hour off the UTC of the snapshots.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortRunwayCopy } from '../../../shared/alerts/alert-copy';
import type { BridgeAlert, SyncStatus } from '../../../shared/bridge';
import { TOOLTIP_LIMIT, TRAY_ICON_STATES, trayViewOf, type TrayIconState } from '../../../shared/tray';
import {
  balanceOf,
  DAY,
  failing,
  fixtureRecharge,
  MINUTE,
  NOW,
  snapshot,
  USD,
  type SnapshotShape,
} from './tray-snapshot';

const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Amsterdam';
});
afterAll(() => {
  process.env.TZ = zone;
});

/** Intl's no-break spaces ("US$ 4,20", "11:37 AM") as plain ones, so expectations read as typed. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replace(/[\u00a0\u202f]/g, ' ')) as T;
}

const view = (shape: SnapshotShape = {}) => plain(trayViewOf(snapshot(shape)));

const shortRunwayAlert: BridgeAlert = {
  id: 'short-runway',
  kind: 'short-runway',
  severity: 'warning',
  ...shortRunwayCopy(2.5, NOW + 2.5 * DAY),
  view: 'overview',
};

describe('trayViewOf: all well', () => {
  it('says balance, runway and next expiry in English, with the time updated in local time', () => {
    expect(view()).toEqual({
      icon: 'ok',
      tooltip: 'Saldo: $42.10 (estimated) · fails in about 32 days · updated 11:37 AM',
      title: '$42',
      lines: [
        'Balance: $42.10 (estimated).',
        'At this pace API requests start to fail in about 32 days, around Dec 29, 2026.',
        '$5.00 of credit expires on Dec 9, 2026 (in 12 days); about $2.50 of it will go unused.',
      ],
      refreshLabel: 'Refresh now (updated 11:37 AM)',
      labels: { buyCredit: 'Buy credit on OpenAI…', open: 'Open Saldo', quit: 'Quit Saldo' },
    });
  });

  it('says it in Dutch with "je" and the glossary words when the settings say nl', () => {
    expect(view({ language: 'nl' })).toEqual({
      icon: 'ok',
      tooltip: 'Saldo: US$ 42,10 (geschat) · mislukt over ongeveer 32 dagen · laatst bijgewerkt 11:37',
      title: '$ 42',
      lines: [
        'Saldo: US$ 42,10 (geschat).',
        'Bij dit verbruik mislukken API-verzoeken over ongeveer 32 dagen, rond 29 dec 2026.',
        'Op 9 dec 2026 (over 12 dagen) vervalt US$ 5,00 tegoed; daarvan blijft ongeveer US$ 2,50 ongebruikt.',
      ],
      refreshLabel: 'Nu vernieuwen (laatst bijgewerkt 11:37)',
      labels: { buyCredit: 'Tegoed kopen op OpenAI…', open: 'Saldo openen', quit: 'Saldo afsluiten' },
    });
  });

  it("takes the caller's language over the settings'", () => {
    expect(trayViewOf(snapshot({ language: 'nl' }), { language: 'en' }).lines[0]).toBe(
      'Balance: $42.10 (estimated).',
    );
  });

  it('leaves the macOS title empty when the user turned it off in Settings', () => {
    expect(trayViewOf(snapshot({ settings: { trayTitle: false } })).title).toBe('');
    expect(trayViewOf(snapshot({ settings: { trayTitle: true } })).title).toBe('$42');
  });

  it('leaves "estimated" out when the account reports its balance and nothing corrected it', () => {
    // The demo's simulator reports its balance, as a provider with a balance API would.
    const tray = view({ backend: 'demo', account: { lastCalibration: null } });
    expect(tray.lines[0]).toBe('Balance: $42.10.');
    expect(tray.tooltip).toMatch(/^Saldo: \$42\.10 · demo data/);
  });

  it('says "no credit is due to expire" when nothing expires, in both languages', () => {
    const account = { nextExpiry: null };
    expect(view({ account }).lines[2]).toBe('No credit is due to expire.');
    expect(view({ account, language: 'nl' }).lines[2]).toBe('Er vervalt geen tegoed.');
  });

  it('leaves the amount unused out when the forecast expects none', () => {
    const nextExpiry = { ...snapshot().account!.nextExpiry!, unused: 0 };
    expect(view({ account: { nextExpiry } }).lines[2]).toBe(
      '$5.00 of credit expires on Dec 9, 2026 (in 12 days).',
    );
  });

  it('says there is not enough data for a runway before 7 days of spend, and drops it from the tooltip', () => {
    const tray = view({ account: { historyDays: 3, paceKnown: false }, language: 'nl' });
    expect(tray.lines[1]).toBe('Nog niet genoeg gegevens om te zeggen hoe lang je tegoed meegaat.');
    expect(tray.tooltip).toBe('Saldo: US$ 42,10 (geschat) · laatst bijgewerkt 11:37');
  });

  it('says auto-recharge keeps requests working when the projection never fails, as the Overview does', () => {
    const tray = view({ autoRecharge: fixtureRecharge() });
    expect(tray.lines[1]).toBe('Auto-recharge keeps your API requests working beyond Nov 27, 2027.');
    expect(tray.tooltip).toBe('Saldo: $42.10 (estimated) · auto-recharge on · updated 11:37 AM');
    expect(view({ autoRecharge: fixtureRecharge(), language: 'nl' }).lines[1]).toBe(
      'Automatisch opladen houdt je API-verzoeken werkend tot na 27 nov 2027.',
    );
  });

  it('says the credit lasts beyond the horizon when nothing fails without auto-recharge', () => {
    const tray = view({ account: { failsAt: null, failsInDays: null } });
    expect(tray.lines[1]).toBe('Your credit lasts beyond Nov 27, 2027.');
    expect(tray.tooltip).toBe('Saldo: $42.10 (estimated) · updated 11:37 AM');
  });

  it('says "less than a day" when requests fail within a day', () => {
    const soon = view({ account: { failsAt: NOW + 0.4 * DAY, failsInDays: 0.4 } });
    expect(soon.lines[1]).toBe(
      'At this pace API requests start to fail in less than a day, around Nov 27, 2026.',
    );
    expect(soon.tooltip).toBe('Saldo: $42.10 (estimated) · fails in less than a day · updated 11:37 AM');
  });
});

describe('trayViewOf: the icon states and their precedence', () => {
  it('is critical when the credit is used up, naming the cause and leaving out the runway', () => {
    const tray = view({ account: { ...balanceOf(0), quotaExhausted: true, exhaustedSince: NOW - DAY } });
    expect(tray.icon).toBe('critical');
    expect(tray.lines).toEqual([
      'Balance: $0.00 (estimated).',
      '$5.00 of credit expires on Dec 9, 2026 (in 12 days); about $2.50 of it will go unused.',
      'Your credit is used up, so OpenAI refuses API requests.',
    ]);
    expect(tray.tooltip).toBe('Saldo: $0.00 (estimated) · credit used up · updated 11:37 AM');
  });

  it('is critical at a balance of zero even before OpenAI said so', () => {
    const tray = view({ account: balanceOf(0), language: 'nl' });
    expect(tray.icon).toBe('critical');
    expect(tray.lines).toContain('Je tegoed is op, dus OpenAI weigert API-verzoeken.');
  });

  it('is critical on a quota error of the last sync, naming which limit', () => {
    const tray = view({ sync: failing('quota', { code: 'organization_spend_limit_exceeded' }) });
    expect(tray.icon).toBe('critical');
    expect(tray.lines).toContain(
      "Your organization's spend limit is reached, so OpenAI refuses API requests.",
    );
    expect(tray.tooltip).toContain(' · spend limit reached · ');
  });

  it('is critical on a negative balance, said with a minus sign and the words "negative balance"', () => {
    const en = view({ account: balanceOf(-1_370_000) });
    expect(en.icon).toBe('critical');
    expect(en.title).toBe('-$1.37');
    expect(en.lines[0]).toBe('Negative balance: -$1.37.');
    expect(en.lines).toContain(
      'OpenAI stopped requests a little late; this amount will come off your next purchase.',
    );
    expect(en.tooltip).toBe('Saldo: -$1.37 (negative balance) · updated 11:37 AM');
    const nl = view({ account: balanceOf(-1_370_000), language: 'nl' });
    expect(nl.title).toBe('$ -1,37');
    expect(nl.lines[0]).toBe('Negatief saldo: US$ -1,37.');
    expect(nl.tooltip).toBe('Saldo: US$ -1,37 (negatief saldo) · laatst bijgewerkt 11:37');
  });

  it('stays critical when the figures are also out of date, and says both', () => {
    const tray = view({
      account: { ...balanceOf(0), quotaExhausted: true },
      sync: failing('network', {}, NOW - 3 * DAY),
    });
    expect(tray.icon).toBe('critical');
    expect(tray.lines.slice(-2)).toEqual([
      'Your credit is used up, so OpenAI refuses API requests.',
      'Showing data from Nov 24, 2026, 11:42 AM.',
    ]);
    expect(tray.tooltip).toBe(
      'Saldo: $0.00 (estimated) · credit used up · out of date · updated Nov 24, 2026, 11:42 AM',
    );
  });

  it('is offline when OpenAI cannot be reached, with key sentence 10 in the menu', () => {
    const tray = view({ sync: failing('network') });
    expect(tray.icon).toBe('offline');
    expect(tray.lines.at(-1)).toBe("Can't reach OpenAI. Showing data from 11:22 AM.");
    expect(tray.tooltip).toBe(
      "Saldo: $42.10 (estimated) · can't reach OpenAI · fails in about 32 days · updated 11:22 AM",
    );
  });

  it('is offline while the computer is, in both languages', () => {
    const sync: Partial<SyncStatus> = { state: 'offline', nextAt: null };
    expect(view({ sync }).icon).toBe('offline');
    expect(view({ sync }).lines.at(-1)).toBe(
      'Offline. Showing data from 11:37 AM; Saldo refreshes when you are back online.',
    );
    expect(view({ sync, language: 'nl' }).lines.at(-1)).toBe(
      'Offline. Je ziet gegevens van 11:37; Saldo vernieuwt zodra je weer online bent.',
    );
  });

  it('is offline when the last good sync is older than two poll intervals (after sleep, say)', () => {
    const fresh = view({ sync: { state: 'syncing', lastOkAt: NOW - 29 * MINUTE } });
    expect(fresh.icon).toBe('ok');
    expect(fresh.refreshLabel).toBe('Refreshing…');
    const stale = view({ sync: { state: 'syncing', lastOkAt: NOW - 31 * MINUTE } });
    expect(stale.icon).toBe('offline');
    expect(stale.lines.at(-1)).toBe('Showing data from 11:11 AM.');
    expect(view({ sync: { lastOkAt: NOW - 31 * MINUTE }, settings: { pollIntervalMinutes: 60 } }).icon).toBe(
      'ok',
    );
  });

  it('is offline until a first sync succeeds, and says which way it goes', () => {
    const first = view({ account: null, sync: { state: 'syncing', lastAttemptAt: null, lastOkAt: null } });
    expect(first).toMatchObject({
      icon: 'offline',
      title: '',
      lines: ['No balance known yet.', 'Saldo is fetching your data for the first time.'],
      tooltip: 'Saldo: no balance yet · not updated yet',
      refreshLabel: 'Refreshing…',
    });
    const refused = view({
      account: null,
      sync: failing('auth', { reason: 'invalid-key' }, null),
      language: 'nl',
    });
    expect(refused.lines).toEqual([
      'Nog geen saldo bekend.',
      'OpenAI weigert de sleutel, dus Saldo kan niet vernieuwen; controleer de sleutel in de instellingen van Saldo.',
      'Saldo kon je gegevens nog niet ophalen.',
    ]);
    expect(refused.refreshLabel).toBe('Nu vernieuwen');
  });

  it('says the last refresh failed when no cause can be named', () => {
    expect(view({ sync: failing('invalid', { source: 'store' }) }).lines.at(-1)).toBe(
      'The last refresh failed. Showing data from 11:22 AM.',
    );
  });

  it('is low below the low-balance threshold, saying the threshold', () => {
    const tray = view({ account: balanceOf(3_100_000) });
    expect(tray.icon).toBe('low');
    expect(tray.title).toBe('$3.10');
    expect(tray.lines.at(-1)).toBe('Low balance: below your threshold of $5.00.');
    expect(view({ account: balanceOf(3_100_000), language: 'nl' }).lines.at(-1)).toBe(
      'Laag saldo: onder je drempel van US$ 5,00.',
    );
  });

  it('is low on a current short-runway alert, saying its title', () => {
    const tray = view({ alerts: [shortRunwayAlert], language: 'nl' });
    expect(tray.icon).toBe('low');
    expect(tray.lines.at(-1)).toBe('API-verzoeken mislukken over ongeveer 2 dagen.');
  });

  it('is offline rather than low when the low figures are out of date, and still names the low balance', () => {
    const tray = view({ account: balanceOf(3_100_000), sync: failing('network') });
    expect(tray.icon).toBe('offline');
    expect(tray.lines).toContain('Low balance: below your threshold of $5.00.');
  });

  it('is demo on the demo backend when nothing else applies, and says it is demo data', () => {
    const tray = view({ backend: 'demo' });
    expect(tray.icon).toBe('demo');
    expect(tray.lines.at(-1)).toBe(
      'Demo data: connect an OpenAI Admin key in Saldo to see your own balance.',
    );
    expect(tray.tooltip).toBe(
      'Saldo: $42.10 (estimated) · demo data · fails in about 32 days · updated 11:37 AM',
    );
    const low = view({ backend: 'demo', account: balanceOf(3_100_000), language: 'nl' });
    expect(low.icon).toBe('low');
    expect(low.lines.at(-1)).toBe(
      'Demogegevens: koppel een OpenAI Admin-sleutel in Saldo om je eigen saldo te zien.',
    );
  });

  it('says "Saldo is starting…" while the monitor opens, dimmed', () => {
    expect(trayViewOf(null)).toEqual({
      icon: 'offline',
      tooltip: 'Saldo is starting…',
      title: '',
      lines: ['Saldo is starting…'],
      refreshLabel: 'Refresh now',
      labels: { buyCredit: 'Buy credit on OpenAI…', open: 'Open Saldo', quit: 'Quit Saldo' },
    });
    expect(plain(trayViewOf(null, { language: 'nl' }))).toMatchObject({
      tooltip: 'Saldo start op…',
      refreshLabel: 'Nu vernieuwen',
      labels: { buyCredit: 'Tegoed kopen op OpenAI…', open: 'Saldo openen', quit: 'Saldo afsluiten' },
    });
  });

  it('reaches every icon state there is', () => {
    const reached = new Set<TrayIconState>(
      [
        view(),
        view({ account: balanceOf(3_100_000) }),
        view({ account: balanceOf(-1) }),
        view({ sync: failing('network') }),
        view({ backend: 'demo' }),
      ].map((tray) => tray.icon),
    );
    expect([...reached].sort()).toEqual([...TRAY_ICON_STATES].sort());
  });
});

describe('trayViewOf: the macOS title', () => {
  it.each([
    [42_990_000, '$42', '$ 42'],
    [10_000_000, '$10', '$ 10'],
    [9_999_999, '$10.00', '$ 10,00'],
    [4_200_000, '$4.20', '$ 4,20'],
    [1_234_560_000, '$1,234', '$ 1.234'],
    [-12_700_000, '-$13', '$ -13'],
    [4_000, '< $0.01', '< $ 0,01'],
  ])('shows %i µ$ in whole dollars (rounded down) from $10, cents below: %s / %s', (micros, en, nl) => {
    expect(view({ account: balanceOf(micros) }).title).toBe(en);
    expect(view({ account: balanceOf(micros), language: 'nl' }).title).toBe(nl);
  });
});

describe('trayViewOf: the tooltip', () => {
  it('drops the runway first, then the time, to stay under the Windows limit', () => {
    const crowded = (language: 'en' | 'nl') =>
      trayViewOf(
        snapshot({
          sync: failing('network', {}, NOW - 3 * DAY),
          alerts: [shortRunwayAlert],
          backend: 'demo',
          account: { ...balanceOf(999_999_999_990_000), failsInDays: 9_999 },
          language,
        }),
      ).tooltip;
    expect(plain(crowded('en'))).toBe(
      "Saldo: $999,999,999.99 (estimated) · can't reach OpenAI · low balance · demo data · updated Nov 24, 2026, 11:42 AM",
    );
    expect(plain(crowded('nl'))).toBe(
      'Saldo: US$ 999.999.999,99 (geschat) · OpenAI niet bereikbaar · laag saldo · demogegevens',
    );
    expect(crowded('nl').length).toBeLessThan(TOOLTIP_LIMIT);
  });

  const syncs: fc.Arbitrary<Partial<SyncStatus>> = fc.oneof(
    fc.constant({}),
    fc.constant({ state: 'offline' as const }),
    fc.constant({ state: 'syncing' as const, lastOkAt: null }),
    fc
      .record({
        kind: fc.constantFrom('network', 'quota', 'auth', 'invalid'),
        days: fc.integer({ min: 0, max: 400 }),
      })
      .map(({ kind, days }) =>
        failing(kind, { reason: kind === 'auth' ? 'not-admin-key' : null }, NOW - days * DAY),
      ),
  );

  it('is one line under 127 characters, and every menu line a sentence, whatever the figures', () => {
    fc.assert(
      fc.property(
        fc.record({
          balance: fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }),
          failsInDays: fc.option(fc.double({ min: 0, max: 365, noNaN: true })),
          historyDays: fc.integer({ min: 0, max: 400 }),
          sync: syncs,
          backend: fc.constantFrom('demo' as const, 'openai' as const),
          language: fc.constantFrom('en' as const, 'nl' as const),
          lowAlert: fc.boolean(),
        }),
        ({ balance, failsInDays, historyDays, sync, backend, language, lowAlert }) => {
          const tray = view({
            account: {
              ...balanceOf(balance),
              failsInDays,
              failsAt: failsInDays === null ? null : NOW + Math.round(failsInDays * DAY),
              historyDays,
              paceKnown: historyDays >= 7,
            },
            sync,
            backend,
            language,
            alerts: lowAlert ? [shortRunwayAlert] : [],
          });
          expect(tray.tooltip.length).toBeLessThan(TOOLTIP_LIMIT);
          expect(tray.tooltip).not.toMatch(/\n/);
          expect(tray.tooltip).toMatch(/^Saldo: /);
          expect(tray.title).not.toBe('');
          for (const line of tray.lines) expect(line).toMatch(/^\S.*[.…]$/);
          expect(tray.lines.join(' ')).not.toMatch(/\b\d+ ?d\b|·/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never rounds a balance to a figure it is not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 * USD }), (micros) => {
        const tray = view({ account: balanceOf(micros) });
        expect(tray.lines[0]).not.toMatch(/\$0\.00/);
        expect(tray.title).not.toMatch(/^\$0(\.00)?$/);
      }),
    );
  });
});
