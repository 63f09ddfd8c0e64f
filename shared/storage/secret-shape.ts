/**
 * API keys live in the system keychain, never in a store. This guard refuses anything shaped like
 * an OpenAI key (`sk-…`, `sk-proj-…`, `sk-admin-…`) wherever it sits in a document — a key pasted
 * into the base URL or a budget field must not reach the disk in plain text.
 */

/** `sk-` at a word start, then at least 6 key characters: `sk-admin-demo` counts, `task-1` does not. */
const SECRET_SHAPE = /\bsk-([A-Za-z0-9_-]{6,})/g;
/** The kind words of a key's prefix (`sk-admin-`, `sk-proj-`, `sk-ant-admin01-`, `sk-or-v1-`): not key material. */
const KIND_WORDS = /^(?:(?:admin|proj|svcacct|None|ant|admin01|api03|or|v1)(?:-|$))*/;
/** A key character, or a mask standing for one. */
const MATERIAL = /[A-Za-z0-9*]/;

/**
 * Whether what follows a key's `sk-`/`sess-` holds key material: words about keys ("an Admin key
 * (sk-admin-…)", "sk-proj-…") hold none, and are neither refused nor masked.
 */
export function hasKeyMaterial(afterPrefix: string): boolean {
  return MATERIAL.test(afterPrefix.replace(KIND_WORDS, ''));
}

export function looksLikeSecret(text: string): boolean {
  for (const [, after] of text.matchAll(SECRET_SHAPE)) if (hasKeyMaterial(after!)) return true;
  return false;
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
