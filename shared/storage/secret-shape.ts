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

/** A value met in the walk, and how it was reached: a chain back to the root, so no path is copied per level. */
interface Visit {
  value: unknown;
  key: string | null;
  parent: Visit | null;
}

/**
 * The dotted path of the first key or string value shaped like an API key, or null. Walked with a
 * stack of its own, not by recursion: a stored file nested 100,000 deep is read as invalid (and
 * moved aside), not a stack overflow in every command.
 */
export function findSecretShapedField(value: unknown): string | null {
  const stack: Visit[] = [{ value, key: null, parent: null }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    if (visit.key !== null && looksLikeSecret(visit.key)) return pathText(visit);
    const item = visit.value;
    if (typeof item === 'string') {
      if (looksLikeSecret(item)) return pathText(visit);
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    const entries = Array.isArray(item)
      ? item.map((child, index) => [String(index), child] as const)
      : Object.entries(item);
    // Pushed last first, so the first field is looked at first, as a person reads the file.
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, child] = entries[index]!;
      stack.push({ value: child, key, parent: visit });
    }
  }
  return null;
}

function pathText(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | null = visit; at !== null && at.key !== null; at = at.parent) keys.push(at.key);
  return keys.length === 0 ? 'file' : keys.reverse().join('.');
}

export const SECRET_REFUSED =
  'looks like an API key (sk-…); keys are kept in the system keychain, never in a settings or ledger file';
