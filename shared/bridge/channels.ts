/**
 * The bridge contract: every call the renderer may make and every event it may hear, with zod
 * schemas both ways. Both transports carry exactly this table: Electron IPC (electron/main) and
 * HTTP + server-sent events (browser mode, electron/cli/serve). Adding a channel: add it here, then
 * the compiler asks for its handler (electron/core/bridge) and its client method (renderer/bridge.ts).
 */
import { z } from 'zod';
import { VIEWS } from './views';
import { autoRechargeSettingsSchema, ledgerEntrySchema } from '../ledger/ledger-schema';
import { settingsSchema } from '../settings/settings-schema';
import { alertSchema } from '../alerts/alert-schema';
import { dashboardStateSchema, syncStatusSchema } from './dashboard-state';
import { resultSchema } from './result';

const noRequest = z.strictObject({});
/** Text fields are checked by the stores, which name the rule; here only their shape. */
const text = (max: number) => z.string().max(max);

/** Each field optional, its default dropped: a change names only what changes. */
type ChangesOf<S extends z.ZodRawShape> = {
  [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer T extends z.ZodType> ? T : S[K]>;
};
function changesOf<S extends z.ZodRawShape>(shape: S): ChangesOf<S> {
  const fields = Object.entries(shape).map(([name, field]) => {
    const bare = (field instanceof z.ZodDefault ? field.unwrap() : field) as z.ZodType;
    return [name, bare.optional()];
  });
  return Object.fromEntries(fields) as ChangesOf<S>;
}

/**
 * Settings the renderer may change: everything but the file's version (and no key: see `key:set`).
 * Without the defaults: `.partial()` alone would fill every field left out with its default, so
 * `{language: 'nl'}` would reset every other setting.
 */
export const settingsChangesSchema = z.strictObject(
  changesOf(settingsSchema.omit({ schemaVersion: true }).shape),
);

export const CHANNELS = {
  'state:get': { request: noRequest, response: resultSchema(dashboardStateSchema) },
  'settings:get': { request: noRequest, response: resultSchema(settingsSchema) },
  'settings:update': { request: settingsChangesSchema, response: resultSchema(settingsSchema) },
  'ledger:add-purchase': {
    request: z.strictObject({ amount: text(40), at: text(40).optional(), id: text(200).optional() }),
    response: resultSchema(ledgerEntrySchema),
  },
  'ledger:add-grant': {
    request: z.strictObject({
      amount: text(40),
      at: text(40).optional(),
      expiresAt: text(40).optional(),
      id: text(200).optional(),
    }),
    response: resultSchema(ledgerEntrySchema),
  },
  /** The balance the billing page shows now: a calibration. */
  'ledger:calibrate': {
    request: z.strictObject({ balance: text(40), at: text(40).optional() }),
    response: resultSchema(ledgerEntrySchema),
  },
  'ledger:remove-entry': {
    request: z.strictObject({ id: text(200) }),
    response: resultSchema(z.strictObject({ id: z.string() })),
  },
  'auto-recharge:get': {
    request: noRequest,
    response: resultSchema(z.strictObject({ settings: autoRechargeSettingsSchema.nullable() })),
  },
  /**
   * Records the settings (the engine forecasts with them); `apply: true` also sends them to the
   * backend, which only the demo's simulator accepts.
   */
  'auto-recharge:set': {
    request: z.strictObject({
      /** Null: auto-recharge not known (cleared). Amounts as USD text; the store checks them by name. */
      settings: z
        .strictObject({
          enabled: z.boolean(),
          threshold: text(40).nullable(),
          mode: z.enum(['add', 'topUp']),
          amount: text(40).nullable(),
          target: text(40).nullable(),
          monthlyLimit: text(40).nullable(),
        })
        .nullable(),
      apply: z.boolean(),
    }),
    response: resultSchema(
      z.strictObject({ settings: autoRechargeSettingsSchema.nullable(), applied: z.boolean() }),
    ),
  },
  /**
   * Write-only: the answer says what kind of key it was, never the key. `baseUrl`: the address the
   * dashboard shows with the key; the key is bound to its origin and sent nowhere else.
   */
  'key:set': {
    request: z.strictObject({ key: z.string().max(500), baseUrl: z.string().max(2000) }),
    response: resultSchema(z.strictObject({ kind: z.literal('admin'), last4: z.string().max(4) })),
  },
  'key:clear': { request: noRequest, response: resultSchema(z.strictObject({ removed: z.boolean() })) },
  /** One small costs request with the key in use. */
  'key:test': {
    request: noRequest,
    response: resultSchema(z.strictObject({ checkedAt: z.number().int(), message: z.string() })),
  },
  'sync:refresh-now': { request: noRequest, response: resultSchema(syncStatusSchema) },
  /** Shows a sample notification, as the alerts would (the desktop app; browser mode has none). */
  'notifications:test': {
    request: noRequest,
    response: resultSchema(z.strictObject({ shown: z.literal(true) })),
  },
  'data:export': {
    request: z.strictObject({ format: z.enum(['csv', 'json']) }),
    response: resultSchema(
      z.strictObject({ filename: z.string(), mediaType: z.string(), content: z.string() }),
    ),
  },
} as const;

/** What the renderer hears without asking. */
export const EVENTS = {
  /** Sent at once to a new subscriber (the current snapshot), then after every change. */
  'state:changed': dashboardStateSchema,
  /** An alert fired on this sync (the one a notification shows). */
  'alert:raised': alertSchema,
  'sync:changed': syncStatusSchema,
  /** Main asks the window to show a view: a notification or the tray was clicked (desktop app only). */
  'app:open-view': z.enum(VIEWS),
} as const;

export type Channel = keyof typeof CHANNELS;
export type EventName = keyof typeof EVENTS;
export type RequestOf<C extends Channel> = z.input<(typeof CHANNELS)[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<(typeof CHANNELS)[C]['response']>;
export type EventOf<E extends EventName> = z.output<(typeof EVENTS)[E]>;

export const CHANNEL_NAMES = Object.keys(CHANNELS) as Channel[];

/** Every channel's handler, checked by the compiler: a channel without one does not build. */
export type BridgeHandlers = { [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

/** The renderer's view of the bridge: the same calls, plus subscriptions that return an unsubscribe. */
export interface BridgeApi {
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void): () => void;
}

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(CHANNELS, name);
}
