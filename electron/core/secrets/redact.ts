/**
 * Keeps API keys out of everything Saldo says. OpenAI echoes (part of) a rejected key in its error
 * message ("Incorrect API key provided: sk-abc…xyz"), a key with characters no header may carry ends
 * up in fetch's TypeError text, and a keychain error could in principle quote what it was given, so
 * every text that leaves a component holding a key passes through here, and so does every log line.
 *
 * "Shaped like a key" is judged by form or by name, never by randomness alone: request ids
 * (`req_…`), organization and project ids, hashes and amounts are what a log is read for.
 */

import { hasKeyMaterial } from '../../../shared/storage/secret-shape';
import { prefixOf } from './key-form';

/** `sk-…` / `sess-…` tokens, whole or masked (`*`, `…`); the sentence's final period is kept. */
const TOKEN = /\b(?:sk|sess)-[A-Za-z0-9_\-*…]+/g;
/** Up to a quote: the credential goes, the quotes around a header value in an error stay. */
const BEARER = /\bBearer\s+[^\s"'`]+/gi;
/** A JSON Web Token: a base64url JSON header (`eyJ` is `{"`), payload and signature. */
const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;
/** The password of a URL's `user:password@`. */
const URL_PASSWORD = /(\/\/[^\s/:@]+:)[^\s/@]+@/g;

/** Names that only ever hold a credential (`api_key`, `X-Api-Key`, `access_token`, `password`, …). */
const CREDENTIAL_NAMES =
  'api[_-]?key|access[_-]?token|refresh[_-]?token|id[_-]?token|auth[_-]?token|client[_-]?secret|secret|password|passwd|token';
/** Between such a name and its value: `=`, `: `, and the quotes of JSON (`"token": "…"`). */
const ASSIGNED = String.raw`["']?\s*[:=]\s*["']?`;
/** `api_key=…`, `"token": "…"`: the value goes, whatever its form. */
const CREDENTIAL_VALUE = new RegExp(`\\b((?:${CREDENTIAL_NAMES})${ASSIGNED})[^\\s"'&,;)}\\]]+`, 'gi');
/** A bare `key=` names too many harmless things; its value goes only when long and mixed like a secret. */
const KEY_VALUE = new RegExp(
  `\\b(key${ASSIGNED})(?=[A-Za-z0-9+/_-]*\\d)(?=[A-Za-z0-9+/_-]*[A-Za-z])[A-Za-z0-9+/_=-]{20,}`,
  'gi',
);
const CREDENTIAL_PROPERTY = new RegExp(`^(?:x-)?(?:${CREDENTIAL_NAMES}|authorization)$`, 'i');

/** A property or header name whose value is a credential whatever it looks like (`apiKey`, `Authorization`). */
export function isCredentialName(name: string): boolean {
  return CREDENTIAL_PROPERTY.test(name);
}

/**
 * The shortest run of a known key that is scrubbed: a server may echo a key without its `sk-`, or in
 * pieces, and 8 characters of a random key are no word anyone writes by chance.
 */
const KEY_RUN = 8;

/**
 * Replaces each known key, and every run of at least 8 of its characters, with `[key]`; then any
 * `sk-…`/`sess-…` token, `Bearer` credential, JSON Web Token, URL password and credential-named
 * value. The known keys go first: a key need not start with `sk-` behind a relay's OPENAI_BASE_URL.
 */
export function redactSecrets(text: string, knownKeys: string | readonly string[] = []): string {
  const keys = (typeof knownKeys === 'string' ? [knownKeys] : knownKeys).filter((key) => key !== '');
  let redacted = text;
  for (const key of keys) redacted = redacted.split(key).join('[key]');
  redacted = redacted
    .replace(TOKEN, maskToken)
    .replace(BEARER, 'Bearer ***')
    .replace(JWT, 'eyJ***')
    .replace(URL_PASSWORD, '$1***@')
    .replace(CREDENTIAL_VALUE, '$1***')
    .replace(KEY_VALUE, '$1***');
  // Last: whole tokens are masked as tokens first, and what is left of a known key goes here.
  for (const key of keys) redacted = withoutRunsOf(redacted, key);
  return redacted;
}

/** A run of key characters long and mixed enough (upper, lower and digits) to be a key without its prefix. */
const KEY_LIKE_RUN = /[A-Za-z0-9_-]{24,}/g;

/**
 * `redactSecrets`, and also any run shaped like a key that lost its `sk-` (24 or more key
 * characters mixing upper case, lower case and digits): for text that echoes what someone typed,
 * where a key may stand in place of a command, an option or a path.
 */
export function redactKeyShapes(text: string, knownKeys: string | readonly string[] = []): string {
  return redactSecrets(text, knownKeys).replace(KEY_LIKE_RUN, (run) =>
    /[A-Z]/.test(run) && /[a-z]/.test(run) && /\d/.test(run) ? '***' : run,
  );
}

/**
 * Every string in `value` (objects and arrays, at any depth) through `redactSecrets`: what a server
 * sent, before it is stored or shown. Other values are kept as they are.
 */
export function redactStrings<T>(value: T, knownKeys: string | readonly string[]): T {
  if (typeof value === 'string') return redactSecrets(value, knownKeys) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactStrings(item, knownKeys)) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, item]) => [name, redactStrings(item, knownKeys)]),
  ) as T;
}

/**
 * `text` with each stretch made of 8-character runs of `key` as `[key]`. Runs inside the key's kind
 * (`sk-admin-`) do not count: advice that names the kind of key still reads.
 */
function withoutRunsOf(text: string, key: string): string {
  if (key.length < KEY_RUN) return text;
  const own = prefixOf(key).length;
  const runs = new Set<string>();
  for (let at = Math.max(0, own - KEY_RUN + 1); at + KEY_RUN <= key.length; at++) {
    runs.add(key.slice(at, at + KEY_RUN));
  }
  const covered = new Uint8Array(text.length);
  let found = false;
  for (let at = 0; at + KEY_RUN <= text.length; at++) {
    if (runs.has(text.slice(at, at + KEY_RUN))) {
      covered.fill(1, at, at + KEY_RUN);
      found = true;
    }
  }
  if (!found) return text;
  let out = '';
  for (let at = 0; at < text.length; at++) {
    if (covered[at] === 0) out += text[at];
    else if (at === 0 || covered[at - 1] === 0) out += '[key]';
  }
  return out;
}

/**
 * A token with key material masked; words about keys ("an Admin key (sk-admin-…)", "sk-proj-…")
 * hold none and stay, so advice that names the kind of key still reads.
 */
function maskToken(token: string): string {
  const [prefix, rest] = token.startsWith('sess-') ? ['sess', token.slice(5)] : ['sk', token.slice(3)];
  return hasKeyMaterial(rest) ? `${prefix}-***` : token;
}
