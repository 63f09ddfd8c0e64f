/**
 * The receiving side's checks, shared by both clients of the contract (browser mode's HTTP client
 * and the desktop preload): an answer or an event is used only once it parses with the contract's
 * schema, and whatever fails becomes an error value the views can show.
 */
import { CHANNELS, EVENTS, type Channel, type EventName, type EventOf, type ResponseOf } from './channels';
import { failure } from './result';

/** The answer as the contract types it, or an error value on field `response`. */
export function receivedAnswer<C extends Channel>(channel: C, answer: unknown): ResponseOf<C> {
  const parsed = CHANNELS[channel].response.safeParse(answer);
  return (parsed.success ? parsed.data : failure('response', 'unexpected answer')) as ResponseOf<C>;
}

/** A transport that failed (a dropped connection, a closed window), as an error value. */
export function lostAnswer<C extends Channel>(error: unknown): ResponseOf<C> {
  return failure('connection', error instanceof Error ? error.message : String(error)) as ResponseOf<C>;
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(EVENTS, name);
}

/** The event's payload as the contract types it, or null when it does not parse (it is dropped). */
export function receivedEvent<E extends EventName>(event: E, payload: unknown): EventOf<E> | null {
  const parsed = EVENTS[event].safeParse(payload);
  return parsed.success ? (parsed.data as EventOf<E>) : null;
}
