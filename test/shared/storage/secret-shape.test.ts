import { describe, expect, it } from 'vitest';
import { findSecretShapedField, looksLikeSecret } from '../../../shared/storage/secret-shape';

describe('looksLikeSecret', () => {
  it.each(['sk-admin-demo', 'sk-proj-AbC123_xyz', 'sk-abcdefghijklmnop', 'https://x/?k=sk-admin-123456'])(
    'flags %s',
    (text) => expect(looksLikeSecret(text)).toBe(true),
  );
  it('flags a key beside words about keys', () => {
    expect(looksLikeSecret('an Admin key (sk-admin-…), not sk-admin-a1B2c3D4e5')).toBe(true);
  });
  it.each([
    'task-123456',
    'disk-abcdefgh',
    'sk-',
    'sk-ab',
    'gpt-4o-mini',
    'https://api.openai.com/v1',
    'OpenAI refused the key: an Admin key (sk-admin-…) with the api.usage.read scope is needed',
    'a sk-proj-… key or an sk-admin key',
  ])('lets %s through', (text) => expect(looksLikeSecret(text)).toBe(false));
});

describe('findSecretShapedField', () => {
  it('names the first key-shaped value or key, however deep', () => {
    expect(findSecretShapedField({ a: 1, b: [{ c: 'fine' }, { d: 'sk-admin-abcdef' }] })).toBe('b.1.d');
    expect(findSecretShapedField({ alertMemory: { 'sk-proj-abcdefgh': {} } })).toBe(
      'alertMemory.sk-proj-abcdefgh',
    );
    expect(findSecretShapedField('sk-proj-abcdefgh')).toBe('file');
    expect(findSecretShapedField({ a: null, b: 5, c: ['x'] })).toBeNull();
  });
});

describe('findSecretShapedField on deep input', () => {
  const DEPTH = 100_000;
  function nested(leaf: unknown): unknown {
    let value = leaf;
    for (let level = 0; level < DEPTH; level += 1) value = level % 2 === 0 ? [value] : { a: value };
    return value;
  }

  it('walks 100,000 levels without overflowing the stack', () => {
    expect(findSecretShapedField(nested('fine'))).toBeNull();
    const found = findSecretShapedField({ x: nested('sk-admin-abcdef123') });
    expect(found?.startsWith('x.a.0.a.0')).toBe(true);
    expect(found?.split('.')).toHaveLength(DEPTH + 1);
  });

  it('still names the first key-shaped field in reading order', () => {
    expect(findSecretShapedField([{ b: 'sk-proj-first12' }, 'sk-proj-second1'])).toBe('0.b');
  });
});
