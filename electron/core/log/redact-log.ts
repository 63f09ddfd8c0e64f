/**
 * What a log line may carry, made key-free before any transport formats it: every string through
 * `redactSecrets`, at any depth. A log call takes anything — an Error whose message quotes a
 * rejected key, a request's headers, an object that holds itself — so the walk copies, never
 * changes what it was given, and survives cycles.
 */
import { inspect } from 'node:util';
import { isCredentialName, redactSecrets } from '../secrets/redact';
import { ApiKey } from '../secrets/secret-store';

const HIDDEN = '***';

/** A copy of `value` with every key-shaped text removed; ApiKeys become their masked form. */
export function redactDeep(value: unknown): unknown {
  return walk(value, new Map());
}

/** The electron-log hook: the message's data redacted, for every transport (file, console, crash). */
export function redactLogMessage<M extends { data: unknown[] }>(message: M): M {
  return { ...message, data: redactDeep(message.data) as unknown[] };
}

/** `seen` maps each object met to its copy: a cycle in the input becomes the same cycle in the copy. */
function walk(value: unknown, seen: Map<object, unknown>): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  if (value instanceof ApiKey) return value.masked;
  if (value instanceof Error) return copyError(value, seen);
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(walk(item, seen));
    return copy;
  }
  if (value instanceof Map) {
    const copy = new Map<unknown, unknown>();
    seen.set(value, copy);
    for (const [key, item] of value) copy.set(walk(key, seen), hideOrWalk(key, item, seen));
    return copy;
  }
  if (value instanceof Set) {
    const copy = new Set<unknown>();
    seen.set(value, copy);
    for (const item of value) copy.add(walk(item, seen));
    return copy;
  }
  // Dates and byte arrays hold no text a key could hide in (bytes are logged as numbers).
  if (value instanceof Date || ArrayBuffer.isView(value)) return value;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) {
    const copy: Record<string, unknown> = {};
    seen.set(value, copy);
    for (const [key, item] of Object.entries(value)) copy[redactSecrets(key)] = hideOrWalk(key, item, seen);
    return copy;
  }
  // Any other instance (a URL, Headers, a class of a library) as the text inspect makes of it.
  return redactSecrets(inspect(value, { depth: 4, breakLength: Infinity }));
}

/** A value under a credential's name (`apiKey`, `Authorization`) goes whatever its form. */
function hideOrWalk(name: unknown, item: unknown, seen: Map<object, unknown>): unknown {
  return typeof name === 'string' && typeof item === 'string' && item !== '' && isCredentialName(name)
    ? HIDDEN
    : walk(item, seen);
}

/**
 * The same kind of Error (so `instanceof` and its name still hold) with every own property —
 * message, stack (which repeats the message), cause, errors, code — redacted.
 */
function copyError(error: Error, seen: Map<object, unknown>): Error {
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  seen.set(error, copy);
  for (const name of Object.getOwnPropertyNames(error)) {
    const { enumerable } = Object.getOwnPropertyDescriptor(error, name)!;
    Object.defineProperty(copy, name, {
      value: hideOrWalk(name, (error as unknown as Record<string, unknown>)[name], seen),
      enumerable,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}
