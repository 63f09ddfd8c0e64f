/**
 * The one entry both transports call — Electron IPC and browser mode's HTTP — so neither can skip a
 * check: the channel must be in the contract, the payload must parse with the channel's request
 * schema before any handler sees it, and (in tests) the answer must parse with the
 * response schema. Errors are values; nothing throws to the transport.
 */
import { CHANNELS, isChannel, type BridgeHandlers } from '../../../shared/bridge/channels';
import { bridgeErrorSchema, failure, type BridgeResult } from '../../../shared/bridge/result';
import { firstFieldError } from '../../../shared/storage/field-error';
import { redactSecrets } from '../secrets';

export interface DispatchOptions {
  /**
   * Check every answer against the contract's response schema: a mismatch becomes an error value
   * on field `response`. Default: on under the test runner (NODE_ENV=test) only — the receiving side
   * checks every answer anyway, and checking a year of snapshot twice costs the user tens of ms.
   */
  checkResponses?: boolean;
}

const defaultCheck = (): boolean => process.env.NODE_ENV === 'test';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` inside `value`, or undefined where there is none. */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

const MAX_FIELD = bridgeErrorSchema.shape.field.maxLength ?? 200;

/**
 * The field an invalid request is refused on. It can be the caller's own text (an unknown field is
 * named as sent), so: no key in it, and a name the contract can carry — an empty name or one longer
 * than an error's field may be is told as the request's fault.
 */
function refusedField(path: string): string {
  const field = redactSecrets(path);
  return field === '' || field === 'file' || field.length > MAX_FIELD ? 'request' : field;
}

export async function dispatch(
  handlers: BridgeHandlers,
  channel: string,
  payload: unknown,
  options: DispatchOptions = {},
): Promise<BridgeResult<unknown>> {
  // The name is not echoed: it is the caller's text, and a message has no room for surprises.
  if (!isChannel(channel)) return failure('channel', 'is not a channel of the bridge contract');
  if (!isObject(payload)) return failure('request', 'must be a JSON object');
  const contract = CHANNELS[channel];
  const parsed = contract.request.safeParse(payload);
  if (!parsed.success) {
    const error = firstFieldError(parsed.error);
    const field = refusedField(error.field);
    // zod's own words for a field left out ("expected string, received undefined") say less.
    const issue = parsed.error.issues[0];
    const missing =
      issue !== undefined && issue.code !== 'unrecognized_keys' && valueAt(payload, issue.path) === undefined;
    return failure(field, missing ? 'is required' : redactSecrets(error.message));
  }
  let answer: unknown;
  try {
    // The parsed request is exactly what this channel's handler takes; TypeScript cannot pair them
    // across the union of channels.
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    answer = await handler(parsed.data);
  } catch (error) {
    // A handler is meant to answer with values: a throw is a bug, told without its message (which
    // could quote anything it was handed).
    const name = error instanceof Error ? error.name : 'unexpected failure';
    return failure('internal', `the ${channel} handler failed (${name})`);
  }
  if (options.checkResponses ?? defaultCheck()) {
    const checked = contract.response.safeParse(answer);
    if (!checked.success) {
      const error = firstFieldError(checked.error);
      return failure('response', `does not match the contract at ${error.field}: ${error.message}`);
    }
  }
  return answer as BridgeResult<unknown>;
}
