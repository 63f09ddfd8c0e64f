/**
 * Keeps the API key out of everything Saldo says. OpenAI echoes (part of) a rejected key in its
 * error message ("Incorrect API key provided: sk-abc…xyz"), and a key with characters no header may
 * carry ends up in fetch's TypeError text, so every text that leaves the client passes through here.
 */

/** `sk-…` / `sess-…` tokens, whole or masked (`*`, `…`); the sentence's final period is kept. */
const TOKEN = /\b(?:sk|sess)-[A-Za-z0-9_\-*…]+/g;
const BEARER = /\bBearer\s+\S+/gi;

export function scrubSecrets(text: string, apiKey: string): string {
  let scrubbed = text;
  // The key itself first: it need not start with `sk-` behind a relay's OPENAI_BASE_URL.
  if (apiKey.length > 0) scrubbed = scrubbed.split(apiKey).join('[key]');
  return scrubbed
    .replace(TOKEN, (token) => `${token.startsWith('sess-') ? 'sess' : 'sk'}-***`)
    .replace(BEARER, 'Bearer ***');
}
