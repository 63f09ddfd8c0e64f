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
 * Replaces each known key with `[key]`, then any `sk-…`/`sess-…` token, `Bearer` credential, JSON
 * Web Token, URL password and credential-named value. The known keys go first: a key need not
 * start with `sk-` behind a relay's OPENAI_BASE_URL.
 */
export function redactSecrets(text: string, knownKeys: string | readonly string[] = []): string {
  let redacted = text;
  for (const key of typeof knownKeys === 'string' ? [knownKeys] : knownKeys) {
    if (key.length > 0) redacted = redacted.split(key).join('[key]');
  }
  return redacted
    .replace(TOKEN, maskToken)
    .replace(BEARER, 'Bearer ***')
    .replace(JWT, 'eyJ***')
    .replace(URL_PASSWORD, '$1***@')
    .replace(CREDENTIAL_VALUE, '$1***')
    .replace(KEY_VALUE, '$1***');
}

/**
 * A token with key material masked; words about keys ("an Admin key (sk-admin-…)", "sk-proj-…")
 * hold none and stay, so advice that names the kind of key still reads.
 */
function maskToken(token: string): string {
  const [prefix, rest] = token.startsWith('sess-') ? ['sess', token.slice(5)] : ['sk', token.slice(3)];
  return hasKeyMaterial(rest) ? `${prefix}-***` : token;
}
