/**
 * What can be kept of a stored document that does not read as a whole. One bad entry, one unknown
 * field or one odd value must not cost the user every other entry: each list item that does not
 * read is set aside on its own, a top-level field that does not read goes back to its default, and
 * a field this Saldo does not know is ignored. Each is named, so the notice can say what went; the
 * caller keeps the original bytes. Pure.
 */
import type { z } from 'zod';
import type { FieldError } from './field-error';
import { findSecretShapedField, SECRET_REFUSED } from './secret-shape';
import { checkCurrent, stepForward, type VersionedFormat } from './versioned';

export interface Salvaged<T> {
  value: T;
  /** One phrase per part set aside, reset or ignored: `entries.3 (id "a1"): amount: must be …`. */
  setAside: string[];
  /** What the lists still hold: `12 of 13 entries`. */
  kept: string[];
}

export interface SalvageRules<T> {
  format: VersionedFormat<T>;
  /** The current schema's fields by name. */
  fields: Readonly<Record<string, z.ZodType>>;
  empty(): T;
  /** Lists whose items are kept or set aside one by one, with the schema of one item. */
  lists: Readonly<Record<string, z.ZodType>>;
}

interface Item {
  /** Where it stood in the file, for the notice. */
  index: number;
  value: unknown;
}

function itemPhrase(list: string, item: Item, error: FieldError): string {
  const at = `${list}.${item.index}`;
  const raw = item.value as { id?: unknown } | null;
  const id = typeof raw === 'object' && raw !== null && typeof raw.id === 'string' ? ` (id "${raw.id}")` : '';
  const inside = error.field === at ? '' : `${error.field.slice(at.length + 1)}: `;
  return `${at}${id}: ${inside}${error.message}`;
}

/** The document with every part that reads, or null when its version or layout cannot be read at all. */
export function salvageDocument<T>(raw: unknown, rules: SalvageRules<T>): Salvaged<T> | null {
  const stepped = stepForward(raw, rules.format);
  if (!stepped.ok) return null;
  const empty = rules.empty() as Record<string, unknown>;
  const setAside: string[] = [];
  const document: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(stepped.document)) {
    if (Object.hasOwn(rules.fields, name)) {
      document[name] = value;
      continue;
    }
    const secret = findSecretShapedField({ [name]: value });
    setAside.push(
      secret === null ? `${name}: is not a known field (ignored)` : `${secret}: ${SECRET_REFUSED} (ignored)`,
    );
  }
  const lists = new Map<string, Item[]>();
  const totals = new Map<string, number>();
  for (const [name, itemSchema] of Object.entries(rules.lists)) {
    const items = document[name];
    if (!Array.isArray(items)) continue;
    const kept: Item[] = [];
    items.forEach((value: unknown, index) => {
      const checked = checkCurrent(value, itemSchema, `${name}.${index}`);
      if (checked.ok) kept.push({ index, value: checked.value });
      else setAside.push(itemPhrase(name, { index, value }, checked.error));
    });
    lists.set(name, kept);
    totals.set(name, items.length);
  }
  const reset = new Set<string>();
  // Each round sets one more item aside or resets one more field: it ends.
  for (;;) {
    for (const [name, items] of lists) document[name] = items.map((item) => item.value);
    const checked = checkCurrent(document, rules.format.schema);
    if (checked.ok) {
      const kept = [...lists].map(([name, items]) => `${items.length} of ${totals.get(name)} ${name}`);
      return { value: checked.value, setAside, kept };
    }
    const { field, message } = checked.error;
    const [head = '', position] = field.split('.');
    const items = lists.get(head);
    // What only the whole list can judge (an id used twice) sets the later item aside.
    if (items !== undefined && position !== undefined && /^\d+$/.test(position)) {
      const [item] = items.splice(Number(position), 1);
      if (item === undefined) return null;
      setAside.push(
        itemPhrase(head, item, {
          field: `${head}.${item.index}${field.slice(head.length + position.length + 1)}`,
          message,
        }),
      );
      continue;
    }
    if (head === 'schemaVersion' || !Object.hasOwn(rules.fields, head) || reset.has(head)) return null;
    reset.add(head);
    lists.delete(head);
    document[head] = empty[head];
    setAside.push(`${field}: ${message} (reset to the default)`);
  }
}
