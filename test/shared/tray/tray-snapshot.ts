/**
 * Dashboard snapshots for the tray's tests, built from the renderer's schema-checked fixture: an
 * OpenAI account at $42.10 with 59 days of spend and auto-recharge off (so the plain runway shows),
 * what lies ahead projected by the engine for the auto-recharge chosen, changed only where a test
 * says so, and parsed again so no test runs on a shape main could not send.
 */
import type { Language } from '../../../shared/alerts/alert';
import {
  dashboardStateSchema,
  type AccountView,
  type BridgeAlert,
  type DashboardState,
  type SyncStatus,
} from '../../../shared/bridge';
import type { Settings } from '../../../shared/settings/settings-schema';
import {
  dashboardFixture,
  FIXTURE_RECHARGE,
  fixtureOutlook,
  NOW,
} from '../../renderer/support/dashboard-fixture';

export { NOW };
export const USD = 1_000_000;
export const MINUTE = 60_000;
export const DAY = 86_400_000;

export interface SnapshotShape {
  backend?: 'demo' | 'openai';
  /** null: the ledger holds nothing yet. */
  account?: Partial<AccountView> | null;
  sync?: Partial<SyncStatus>;
  settings?: Partial<Settings>;
  language?: Language;
  alerts?: BridgeAlert[];
  grants?: DashboardState['grants'];
  autoRecharge?: DashboardState['autoRecharge']['settings'];
}

export function snapshot(shape: SnapshotShape = {}): DashboardState {
  const base = dashboardFixture();
  const backend = shape.backend ?? 'openai';
  const outlook = fixtureOutlook(shape.autoRecharge ? FIXTURE_RECHARGE : null);
  const account = shape.account === null ? null : { ...base.account!, ...outlook, ...shape.account };
  return dashboardStateSchema.parse({
    ...base,
    backend:
      backend === 'demo'
        ? base.backend
        : {
            name: 'openai',
            reason: 'An OpenAI Admin key is stored.',
            baseUrl: 'https://api.openai.com/v1',
            capabilities: { balance: 'absent', autoRechargeSettings: false },
          },
    account,
    sync: { ...base.sync, ...shape.sync },
    settings: {
      ...base.settings,
      ...shape.settings,
      ...(shape.language ? { language: shape.language } : {}),
    },
    alerts: { current: shape.alerts ?? [], past: [] },
    grants: shape.grants ?? base.grants,
    autoRecharge: { ...base.autoRecharge, settings: shape.autoRecharge ?? null },
  });
}

/** The fixture's auto-recharge: on, top up to $30 below $10, at most $100 a month. */
export function fixtureRecharge(): NonNullable<SnapshotShape['autoRecharge']> {
  return dashboardFixture().autoRecharge.settings!;
}

/** A balance of `micros` with what the engine would say beside it: debt below zero. */
export function balanceOf(micros: number): Partial<AccountView> {
  return { balance: micros, available: Math.max(0, micros), debt: Math.max(0, -micros) };
}

/** The last sync failed for `kind`, the one before it succeeded at `lastOkAt`. */
export function failing(
  kind: string,
  detail: Partial<NonNullable<SyncStatus['error']>> = {},
  lastOkAt: number | null = NOW - 20 * MINUTE,
): Partial<SyncStatus> {
  return {
    state: 'failing',
    lastAttemptAt: NOW - MINUTE,
    lastOkAt,
    failingSince: NOW - 10 * MINUTE,
    error: { source: 'backend', kind, code: null, reason: null, message: `fake ${kind} error`, ...detail },
  };
}
