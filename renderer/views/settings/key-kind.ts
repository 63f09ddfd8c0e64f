/**
 * What a pasted key is, judged by its prefix on the client so a key that cannot read costs never
 * leaves this page (ux.md sentence 2). Only `sk-admin-` goes to `key:set`; main checks it again.
 */
export type TypedKey = 'empty' | 'admin' | 'other-openai' | 'not-openai';

export function typedKeyKind(text: string): TypedKey {
  const key = text.trim();
  if (key === '') return 'empty';
  if (key.startsWith('sk-admin-')) return 'admin';
  // sk-proj-, sk-svcacct-, a user's plain sk-: all refused by the costs API.
  if (key.startsWith('sk-')) return 'other-openai';
  return 'not-openai';
}
