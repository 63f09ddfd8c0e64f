/**
 * Keeps API keys out of everything Saldo says. OpenAI echoes (part of) a rejected key in its error
 * message ("Incorrect API key provided: sk-abc…xyz"), a key with characters no header may carry ends
 * up in fetch's TypeError text, and a keychain error could in principle quote what it was given, so
 * every text that leaves a component holding a key passes through here.
 */

/** `sk-…` / `sess-…` tokens, whole or masked (`*`, `…`); the sentence's final period is kept. */
const TOKEN = /\b(?:sk|sess)-[A-Za-z0-9_\-*…]+/g;
const BEARER = /\bBearer\s+\S+/gi;

/**
 * Replaces each known key with `[key]`, then any `sk-…`/`sess-…` token and `Bearer` credential.
 * The known keys go first: a key need not start with `sk-` behind a relay's OPENAI_BASE_URL.
 */
export function redactSecrets(text: string, knownKeys: string | readonly string[] = []): string {
  let redacted = text;
  for (const key of typeof knownKeys === 'string' ? [knownKeys] : knownKeys) {
    if (key.length > 0) redacted = redacted.split(key).join('[key]');
  }
  return redacted
    .replace(TOKEN, (token) => `${token.startsWith('sess-') ? 'sess' : 'sk'}-***`)
    .replace(BEARER, 'Bearer ***');
}
