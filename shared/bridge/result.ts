/**
 * Errors as values across the bridge: every call answers `{ok: true, value}` or `{ok: false, error}`
 * naming the field at fault, so the renderer can put the message beside that field and nothing
 * throws through IPC or HTTP.
 */
import { z } from 'zod';

export const bridgeErrorSchema = z.strictObject({
  /** The request's field at fault (`amount`, `threshold`), or what failed (`store`, `keychain`, `request`). */
  field: z.string().max(200),
  /** What is wrong and, where it helps, what to do. Never contains a key. */
  message: z.string().max(2000),
});
export type BridgeError = z.output<typeof bridgeErrorSchema>;

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), error: bridgeErrorSchema }),
  ]);
}

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export function failure(field: string, message: string): { ok: false; error: BridgeError } {
  return { ok: false, error: { field, message } };
}
