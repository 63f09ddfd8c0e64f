/**
 * API keys live in the system keychain, never in a store. This guard refuses anything shaped like
 * an OpenAI key (`sk-…`, `sk-proj-…`, `sk-admin-…`) wherever it sits in a document — a key pasted
 * into the base URL or a budget field must not reach the disk in plain text.
 */

/** `sk-` at a word start, then at least 6 key characters: `sk-admin-demo` counts, `task-1` does not. */
const SECRET_SHAPE = /\bsk-[A-Za-z0-9_-]{6,}/;

export function looksLikeSecret(text: string): boolean {
  return SECRET_SHAPE.test(text);
}

/** The dotted path of the first key or string value shaped like an API key, or null. */
export function findSecretShapedField(value: unknown, path: readonly string[] = []): string | null {
  if (typeof value === 'string') return looksLikeSecret(value) ? pathText(path) : null;
  if (typeof value !== 'object' || value === null) return null;
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  for (const [key, item] of entries) {
    if (looksLikeSecret(key)) return pathText([...path, key]);
    const found = findSecretShapedField(item, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

function pathText(path: readonly string[]): string {
  return path.length === 0 ? 'file' : path.join('.');
}

export const SECRET_REFUSED =
  'looks like an API key (sk-…); keys are kept in the system keychain, never in a settings or ledger file';
