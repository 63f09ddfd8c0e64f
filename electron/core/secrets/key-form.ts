/**
 * What a pasted key is, judged by its form alone (no network): `saldo key set` checks it before
 * storing, and `key status` shows the kind of the stored one. Only an Admin key (`sk-admin-…`) can
 * read the organization costs API; OpenAI refuses the others with "Missing scopes: api.usage.read",
 * which is far less helpful than saying so before the key is stored.
 * Prefixes: ../shared/reference/billing-apis.md §7.
 */

import { OPENAI_PAGES } from '../../../shared/openai-pages';

export type KeyKind = 'admin' | 'project' | 'service-account' | 'user-legacy' | 'not-openai';

export interface KeyClassification {
  /** True only for a well-formed Admin key: the one kind `key set` stores without question. */
  readonly ok: boolean;
  readonly kind: KeyKind;
  /** The last four characters, or '' where showing them would reveal too much of a short text. */
  readonly last4: string;
  /** One or two sentences for the user; never contains the key. */
  readonly explanation: string;
}

export const ADMIN_KEYS_URL = OPENAI_PAGES.adminKeys;
const NEEDS_ADMIN = `The costs API needs an Admin key (sk-admin-…): create one at ${ADMIN_KEYS_URL} (Owner role needed).`;

/** Longest prefix first: `sk-admin-` must not be read as a bare `sk-` key. */
const OPENAI_PREFIXES: readonly (readonly [string, KeyKind])[] = [
  ['sk-admin-', 'admin'],
  ['sk-proj-', 'project'],
  ['sk-svcacct-', 'service-account'],
  ['sk-None-', 'user-legacy'],
  ['sk-', 'user-legacy'],
];
/** Other providers' keys also start with `sk-`; tell them apart before the bare `sk-` rule. */
const FOREIGN_PREFIXES: readonly (readonly [string, string])[] = [
  ['sk-ant-', 'an Anthropic key'],
  ['sk-or-', 'an OpenRouter key'],
];
/** Every character OpenAI puts in a key (gitleaks' `openai-api-key` rule). */
const KEY_BODY = /^[A-Za-z0-9_-]+$/;
/** Shown last-four only when at least this much of the key stays hidden behind the prefix. */
const MIN_HIDDEN = 12;

/** The key as pasted or piped in: surrounding spaces and the newline of `echo … |` removed. */
export function normalizeKey(text: string): string {
  return text.trim();
}

/** Whitespace or control characters inside: a broken paste, and nothing an HTTP header can carry. */
export function hasBadCharacters(key: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
  return /[\s\x00-\x1f\x7f-\x9f]/.test(key);
}

/** `sk-admin-` of an Admin key: the words of its kind, which hold nothing of the key itself. */
export function prefixOf(key: string): string {
  return OPENAI_PREFIXES.find(([prefix]) => key.startsWith(prefix))?.[0] ?? '';
}

/** Last four characters, only when enough of the key remains hidden and none is unprintable. */
function lastFour(key: string): string {
  if (hasBadCharacters(key) || key.length - prefixOf(key).length < MIN_HIDDEN + 4) return '';
  return key.slice(-4);
}

/** `sk-admin-…abcd`: the prefix (which tells the kind) and the last four, for display. */
export function maskKey(key: string): string {
  const trimmed = normalizeKey(key);
  return `${prefixOf(trimmed)}…${lastFour(trimmed)}`;
}

/** Classifies a pasted key by its prefix and form; see KeyClassification. */
export function classifyKey(text: string): KeyClassification {
  const key = normalizeKey(text);
  const last4 = lastFour(key);
  const result = (kind: KeyKind, explanation: string, ok = false): KeyClassification => ({
    ok,
    kind,
    last4,
    explanation,
  });
  if (key === '') return result('not-openai', 'No key was given: paste an Admin key (sk-admin-…).');
  const foreign = FOREIGN_PREFIXES.find(([prefix]) => key.startsWith(prefix));
  const kind: KeyKind = foreign
    ? 'not-openai'
    : (OPENAI_PREFIXES.find(([p]) => key.startsWith(p))?.[1] ?? 'not-openai');
  if (hasBadCharacters(key)) {
    return result(
      kind,
      'The key has spaces, line breaks or control characters inside it: paste it again as one line.',
    );
  }
  if (kind === 'not-openai') {
    const what = foreign ? `This looks like ${foreign[1]}, not an OpenAI key.` : 'This is not an OpenAI key.';
    return result(kind, `${what} ${NEEDS_ADMIN}`);
  }
  const body = key.slice(prefixOf(key).length);
  if (!KEY_BODY.test(body)) {
    return result(
      kind,
      `The key is incomplete or has characters an OpenAI key never contains: copy it again. ${NEEDS_ADMIN}`,
    );
  }
  switch (kind) {
    case 'admin':
      return result(kind, 'This is an Admin key: it can read the organization costs and usage.', true);
    case 'project':
      return result(kind, `This is a project key. ${NEEDS_ADMIN}`);
    case 'service-account':
      return result(kind, `This is a service-account key, which belongs to one project. ${NEEDS_ADMIN}`);
    case 'user-legacy':
      return result(kind, `This is a user API key, not an Admin key. ${NEEDS_ADMIN}`);
  }
}
