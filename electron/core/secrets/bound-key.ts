/**
 * What a store keeps for an account: the key and the origin it was given for, as one small JSON text
 * (`{"key":"sk-admin-…","origin":"https://api.openai.com"}`). The binding lives beside the key, in
 * the keychain or the encrypted file, so nothing the bridge or the settings file can change moves it.
 * A plain value, as Saldo stored before keys were bound, reads as bound to OpenAI's API.
 */
import { z } from 'zod';
import { DEFAULT_KEY_ORIGIN } from '../../../shared/security/key-origin';

export interface BoundKey {
  readonly key: string;
  readonly origin: string;
}

const storedSchema = z.strictObject({ key: z.string().min(1), origin: z.string().min(1) });

export function encodeBoundKey(bound: BoundKey): string {
  return JSON.stringify({ key: bound.key, origin: bound.origin });
}

/** The stored text as a key and its origin; null when it is JSON of another shape. */
export function decodeBoundKey(text: string): BoundKey | null {
  if (!text.startsWith('{')) return { key: text, origin: DEFAULT_KEY_ORIGIN };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const read = storedSchema.safeParse(json);
  return read.success ? read.data : null;
}
