/**
 * A change sent to the demo's simulator over its `/sim` control API, the only backend that takes
 * one: its refusal becomes a bridge error naming the field it is about.
 */
import { failure, type BridgeResult } from '../../../shared/bridge/result';

export interface SimulatorChange {
  method: 'POST' | 'PUT';
  /** The control route under `/sim/`, e.g. `purchases`. */
  route: string;
  body: unknown;
  /** The request's fields a refusal may name; anything else is reported under `otherField`. */
  fields: ReadonlySet<string>;
  otherField: string;
  /** What is sent, for the refusal's sentence: `settings`, `purchase`. */
  what: string;
}

/** Sends `change` to the simulator at `simulatorUrl` (null: not started). */
export async function sendToSimulator(
  simulatorUrl: string | null,
  change: SimulatorChange,
): Promise<BridgeResult<null>> {
  if (simulatorUrl === null) {
    return failure(
      change.otherField,
      'The demo account has not started yet: try again once its first sync is done.',
    );
  }
  let response: Response;
  try {
    response = await fetch(`${simulatorUrl}/sim/${change.route}`, {
      method: change.method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(change.body),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failure(change.otherField, `The demo account could not be reached (${reason}).`);
  }
  if (response.ok) return { ok: true, value: null };
  // The simulator answers OpenAI's error shape, `param` naming the field (control-routes.ts).
  const body = (await response.json().catch(() => null)) as {
    error?: { message?: unknown; param?: unknown };
  } | null;
  const param = typeof body?.error?.param === 'string' ? body.error.param : '';
  const message = typeof body?.error?.message === 'string' ? body.error.message : `status ${response.status}`;
  return failure(
    change.fields.has(param) ? param : change.otherField,
    `The demo account refused the ${change.what}: ${message}`,
  );
}
