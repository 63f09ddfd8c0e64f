/**
 * A response body → validated data, or a `bad-response` naming what was wrong. Bodies are read with
 * lossless-json so amounts keep their decimal text (JSON.parse would round 0.1 + 0.2 style values
 * through a double before parseAmount sees them).
 */
import { parse } from 'lossless-json';
import type { z } from 'zod';
import type { BackendResult } from '../billing-backend';

/** `['data', 0, 'start_time']` → `data[0].start_time`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the body';
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

export function parseBody<S extends z.ZodType>(
  schema: S,
  text: string,
  label: string,
): BackendResult<z.output<S>> {
  if (text.trim() === '') return badResponse(`${label}: empty body`);
  let json: unknown;
  try {
    json = parse(text);
  } catch (error) {
    // lossless-json says where it stopped ("… at position 123"): enough to tell truncation apart.
    return badResponse(`${label}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  const [first, ...rest] = result.error.issues;
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more)`;
  return badResponse(`${label}: ${formatPath(first!.path)}: ${first!.message}${more}`);
}

function badResponse(message: string): { ok: false; error: { kind: 'bad-response'; message: string } } {
  return { ok: false, error: { kind: 'bad-response', message } };
}
