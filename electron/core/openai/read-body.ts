/**
 * A response body read with a limit. fetch inflates gzip, br and deflate as it streams, so the bytes
 * counted here are the decompressed ones: a 510 KB gzip body that inflates to 500 MB is stopped at
 * the limit, after about that many bytes were held, instead of being read whole into one string.
 */

/**
 * The most a page may hold. The largest real page is a costs page at its maximum `limit` (180 daily
 * buckets) grouped by line item and project: with a realistic result (≈ 300 bytes once OpenAI's
 * extra fields such as `organization_id` and `quantity` are in) that is about 1 MB for 10 line items
 * in 2 projects, and 16 MB for a large organisation with 30 line items in 10 projects every day. A
 * usage page (31 buckets) with 20 models in 10 projects is 2 MB. 32 MB leaves twice the large
 * organisation's page and thirty times an ordinary one, while a body past it (a loop, a bomb) still
 * stops well inside the memory a sync may use.
 */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * An error answer is read for its message and codes only (a few hundred bytes): past this it is cut,
 * not refused, so a 503 with a huge page of HTML is still the server error it is.
 */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

export type BodyRead = { ok: true; text: string } | { ok: false; limitBytes: number };

/** `32 MB`, `64 KB`: how the limit is named in the error. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}

/**
 * The body as text, decoded as UTF-8 like `response.text()`. Past `limitBytes`: `{ ok: false }`
 * when `truncate` is false, else the text of the first `limitBytes`. Either way reading stops there
 * and the rest is never fetched.
 */
export async function readBodyCapped(
  response: Response,
  limitBytes: number,
  truncate: boolean,
): Promise<BodyRead> {
  if (response.body === null) return { ok: true, text: '' };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let held = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (held + value.byteLength > limitBytes) {
      // The connection is given up: a bomb must not keep inflating in the background.
      await reader.cancel().catch(() => undefined);
      if (!truncate) return { ok: false, limitBytes };
      chunks.push(value.subarray(0, limitBytes - held));
      break;
    }
    chunks.push(value);
    held += value.byteLength;
  }
  return { ok: true, text: new TextDecoder('utf-8').decode(concat(chunks)) };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const all = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}
