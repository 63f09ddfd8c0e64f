/**
 * Opens the monitor the way the CLI and the app both need it: the stores in the data directory,
 * the backend chosen from the environment, the settings and the keychain (choose-backend.ts), the
 * key read once and handed to the OpenAI client and nowhere else.
 */
import os from 'node:os';
import path from 'node:path';
import type { Notifier } from '../../../shared/alerts/notifier';
import { settingsSchema } from '../../../shared/settings/settings-schema';
import type { BackendCapabilities } from '../billing-backend';
import { createOpenAiBackend, type OpenAiBackendOptions } from '../openai';
import {
  DEFAULT_ACCOUNT,
  environmentKey,
  environmentKeyOrigin,
  maskKey,
  openSecretStore,
  type ApiKey,
  type SecretStore,
} from '../secrets';
import {
  dataDir,
  openLedgerIn,
  openSettingsIn,
  type LedgerStore,
  type SettingsStore,
  type StoreClass,
} from '../stores';
import { chooseBackend, type BackendChoice } from './choose-backend';
import { createDemoBackend, type DemoOptions } from './demo';
import { alignDemoLedger } from './demo-ledger';
import { createMonitor, type Monitor, type MonitorOptions } from './monitor';

type Environment = Readonly<Record<string, string | undefined>>;

/** The demo's ledger: its own, so demo data never mixes with the user's account. */
export const DEMO_LEDGER_DIR = 'demo';

export interface OpenMonitorOptions {
  /** `SALDO_HOME`, `SALDO_DEMO`, `OPENAI_ADMIN_KEY`, `OPENAI_BASE_URL`. */
  env: Environment;
  /** Default: `dataDir(env, …)`. */
  dir?: string;
  /**
   * Opens where keys live; default `openSecretStore(env)`. Called only when a stored key could
   * matter: not under `SALDO_DEMO=1`, nor when `OPENAI_ADMIN_KEY` is set.
   */
  openSecrets?: () => Promise<SecretStore>;
  notifier?: Notifier;
  storeClass?: StoreClass;
  /** Client options for the OpenAI backend (tests: `maxRetries`, `sleep`, `fetch`). */
  client?: Pick<OpenAiBackendOptions, 'maxRetries' | 'sleep' | 'timeoutMs' | 'fetch'>;
  demo?: DemoOptions;
  now?: () => number;
}

export interface OpenedMonitor {
  monitor: Monitor;
  choice: BackendChoice;
  ledger: LedgerStore;
  settings: SettingsStore;
  /** The data directory (the ledger is in `<dir>/demo` for the demo). */
  dir: string;
  /** Lines for the user: a corrupt file moved aside. */
  notices: string[];
  /** The key in use, masked (`sk-admin-…abcd`); null for the demo. */
  maskedKey: string | null;
  /** The demo simulator's address once it started and holds what the ledger holds; null otherwise. */
  simulatorUrl(): string | null;
  /** The OpenAI (or relay) address in use; null for the demo. */
  baseUrl: string | null;
  /**
   * The origin the key in use was given for; null for the demo. When it is not `baseUrl`'s, no
   * request is made and every sync fails with `auth`/`key-origin` until the key is entered again.
   */
  keyOrigin: string | null;
  /** The backend's clock, UTC ms (the simulator's for the demo): the monitor's `now`. */
  now(): number;
  /** What the backend can do (whether it reports a balance, accepts auto-recharge settings). */
  capabilities(): BackendCapabilities;
  close(): Promise<void>;
}

export type OpenMonitorResult =
  { ok: true; value: OpenedMonitor } | { ok: false; field: string; message: string };

/** `OPENAI_BASE_URL` if set (checked like the setting), else the setting. */
export function baseUrlFor(
  env: Environment,
  setting: string,
): { ok: true; url: string } | { ok: false; message: string } {
  const fromEnv = env.OPENAI_BASE_URL;
  if (fromEnv === undefined || fromEnv === '') return { ok: true, url: setting };
  const checked = settingsSchema.shape.baseUrl.safeParse(fromEnv);
  return checked.success
    ? { ok: true, url: checked.data }
    : { ok: false, message: checked.error.issues[0]!.message };
}

/**
 * `SALDO_SYNC_DEADLINE_MS`: each sync's deadline, for tests and diagnosis (a hung server ends a sync
 * in 2 s instead of 90); unset, the default.
 */
function syncDeadlineFrom(env: Environment): { ok: true; ms?: number } | { ok: false; message: string } {
  const text = env.SALDO_SYNC_DEADLINE_MS;
  if (text === undefined || text === '') return { ok: true };
  const ms = Number(text);
  return /^\d+$/.test(text) && Number.isSafeInteger(ms) && ms >= 1
    ? { ok: true, ms }
    : { ok: false, message: 'must be a whole number of milliseconds, at least 1' };
}

async function storedKey(secrets: SecretStore): Promise<ApiKey | null> {
  const found = await secrets.get(DEFAULT_ACCOUNT);
  return found.ok ? found.value : null;
}

type Parts = Pick<
  OpenedMonitor,
  'monitor' | 'maskedKey' | 'simulatorUrl' | 'baseUrl' | 'keyOrigin' | 'now' | 'capabilities' | 'close'
>;

/**
 * The demo: a simulator started on the first sync, which then fetches everything again, the
 * ledger and the simulator made one account first (demo-ledger.ts).
 */
function demoParts(
  common: Omit<MonitorOptions, 'backend' | 'now' | 'backendName'>,
  options: OpenMonitorOptions,
): Parts {
  const demo = createDemoBackend(options.demo);
  const now = options.now ?? demo.now;
  const inner = createMonitor({ ...common, backend: demo.backend, now, backendName: 'demo' });
  const { ledger } = common.stores;
  /** Done once, before the first sync; a sync asked for meanwhile waits for it too. */
  let prepared: Promise<void> | null = null;
  /** Until the ledger and the simulator are one account, nothing else is sent to the simulator. */
  let aligned = false;
  async function prepare(): Promise<void> {
    // A new simulator is a new account history: what an earlier one left is fetched again.
    // If it cannot start, the sync below reports that as its failure.
    await demo.start().catch(() => undefined);
    ledger.setCursor({ costsAt: null, usageAt: null, balanceAt: null });
    await alignDemoLedger(demo.simulatorUrl(), ledger, now);
    aligned = true;
  }
  const monitor: Monitor = {
    ...inner,
    async syncOnce() {
      prepared ??= prepare();
      await prepared;
      return inner.syncOnce();
    },
  };
  return {
    monitor,
    maskedKey: null,
    simulatorUrl: () => (aligned ? demo.simulatorUrl() : null),
    baseUrl: null,
    keyOrigin: null,
    now,
    capabilities: () => demo.backend.capabilities(),
    close: demo.close,
  };
}

export async function openMonitor(options: OpenMonitorOptions): Promise<OpenMonitorResult> {
  const { env } = options;
  const demoForced = env.SALDO_DEMO === '1';
  const opened = openSettingsIn({
    dir: options.dir ?? dataDir(env, process.platform, os.homedir()),
    storeClass: options.storeClass,
    now: options.now,
  });
  if (!opened.ok) return { ok: false, field: 'store', message: opened.error.message };
  const { dir } = opened;
  const settings = opened.settings.read();

  const envKey = demoForced ? null : environmentKey(env);
  const keychainKey =
    demoForced || envKey !== null
      ? null
      : await storedKey(await (options.openSecrets ?? (() => openSecretStore(env)))());
  const choice = chooseBackend({
    demoForced,
    environmentKey: envKey !== null,
    chosen: settings.backend,
    storedKey: keychainKey !== null,
  });
  // The OpenAI account's address; null for the demo.
  let openAiUrl: string | null = null;
  if (choice.backend === 'openai') {
    const baseUrl = baseUrlFor(env, settings.baseUrl);
    if (!baseUrl.ok) return { ok: false, field: 'OPENAI_BASE_URL', message: baseUrl.message };
    openAiUrl = baseUrl.url;
  }

  const ledgerDir = openAiUrl === null ? path.join(dir, DEMO_LEDGER_DIR) : dir;
  const ledger = openLedgerIn({ dir: ledgerDir, storeClass: options.storeClass, now: options.now });
  if (!ledger.ok) return { ok: false, field: 'store', message: ledger.error.message };
  const deadline = syncDeadlineFrom(env);
  if (!deadline.ok) return { ok: false, field: 'SALDO_SYNC_DEADLINE_MS', message: deadline.message };
  const common = {
    stores: { ledger: ledger.ledger, settings: opened.settings },
    notifier: options.notifier,
    syncDeadlineMs: deadline.ms,
  };

  let parts: Parts;
  if (openAiUrl === null) {
    parts = demoParts(common, options);
  } else {
    const key = envKey ?? keychainKey!.reveal();
    // Bound where it was given: the variable's by OPENAI_BASE_URL beside it, the stored one in its store.
    const keyOrigin = envKey !== null ? environmentKeyOrigin(env) : keychainKey!.origin;
    const now = options.now ?? Date.now;
    const backend = createOpenAiBackend({
      apiKey: key,
      keyOrigin,
      baseUrl: openAiUrl,
      now,
      ...options.client,
    });
    parts = {
      monitor: createMonitor({ ...common, backend, now, backendName: 'openai' }),
      maskedKey: keychainKey?.masked ?? maskKey(key),
      simulatorUrl: () => null,
      baseUrl: openAiUrl,
      keyOrigin,
      now,
      capabilities: () => backend.capabilities(),
      close: async () => {},
    };
  }
  return {
    ok: true,
    value: {
      ...parts,
      choice,
      ledger: ledger.ledger,
      settings: opened.settings,
      dir,
      notices: [...opened.notices, ...ledger.notices],
    },
  };
}
