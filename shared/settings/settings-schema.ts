/**
 * The settings file (`settings.json`), current version, with every default in one place. Money is
 * USD as decimal strings (shared/storage/usd-text.ts). No field holds a key: the Admin key lives in
 * the system keychain, and the store refuses any value shaped like one.
 */
import { z } from 'zod';
import { apiOriginOf } from '../security/key-origin';
import { positiveUsdTextSchema, usdTextSchema } from '../storage/usd-text';

export const SETTINGS_VERSION = 3;

const whole = (min: number, max: number) =>
  z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

/**
 * http(s), a host name or address, an optional port and path; no user, password, query or fragment;
 * plain http only to this computer (shared/security/key-origin.ts). A key never follows this
 * address: it goes only to the origin it was given for.
 */
const apiUrl = z.string({ error: 'must be an http(s) URL' }).superRefine((url, ctx) => {
  const checked = apiOriginOf(url);
  if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.message });
});

export const settingsSchema = z.strictObject({
  schemaVersion: z.literal(SETTINGS_VERSION),
  /**
   * `demo`: the embedded simulator, no key needed; `openai`: the account of the stored key. Storing
   * a key chooses `openai`, clearing it `demo` (electron/core/monitor/choose-backend.ts).
   */
  backend: z.enum(['demo', 'openai'], { error: 'must be "demo" or "openai"' }).default('demo'),
  /** OpenAI or an OpenAI-compatible relay. */
  baseUrl: apiUrl.default('https://api.openai.com/v1'),
  /** A day at most: the costs of today are re-fetched each poll anyway. */
  pollIntervalMinutes: whole(1, 1440).default(15),
  /** Warn when the balance falls below this (USD). */
  lowBalanceThreshold: usdTextSchema.default('5'),
  /** Warn when the runway is shorter than this many days. */
  runwayDays: whole(0, 365).default(3),
  /** Remind this many days before a grant expires; each reminder once per grant. */
  expiryReminderDays: z
    .array(whole(0, 366), { error: 'must be a list of whole numbers of days' })
    .max(10, 'must hold at most 10 reminders')
    .refine((days) => new Set(days).size === days.length, 'must not repeat a day')
    .default([30, 7, 1]),
  /** Short-runway and unused-credit warnings rest on a forecast: opt-in (ux.md §4). */
  forecastWarnings: z.boolean({ error: 'must be true or false' }).default(false),
  /** Warn at 50, 75, 90 and 100 % of this month's spend (USD); null: no budget. */
  monthlyBudget: positiveUsdTextSchema.nullable().default(null),
  language: z.enum(['en', 'nl'], { error: 'must be "en" or "nl"' }).default('en'),
  theme: z
    .enum(['system', 'light', 'dark'], { error: 'must be "system", "light" or "dark"' })
    .default('system'),
  launchAtLogin: z.boolean({ error: 'must be true or false' }).default(false),
  /** Notifications play the system's sound; the OS's Do Not Disturb applies either way (ux.md §4). */
  notificationSound: z.boolean({ error: 'must be true or false' }).default(true),
  /** macOS: the balance beside the menu-bar icon (ux.md §1 Tray: "The user can turn it off"). */
  trayTitle: z.boolean({ error: 'must be true or false' }).default(true),
  /** How far back the first sync fetches (sync.ts). */
  backfillDays: whole(1, 3650).default(365),
});

export type Settings = z.output<typeof settingsSchema>;
/** What `update` accepts: any settings but the version. */
export type SettingsChanges = Partial<Omit<Settings, 'schemaVersion'>>;

export function defaultSettings(): Settings {
  return settingsSchema.parse({ schemaVersion: SETTINGS_VERSION });
}
