import { describe, expect, it } from 'vitest';
import { scrubSecrets } from '../../../../electron/core/openai/secrets';
import { ADMIN_KEY } from './openai-test-kit';

describe('scrubSecrets', () => {
  it.each([
    ['Incorrect API key provided: sk-XXXXX***XXXX. You can…', 'Incorrect API key provided: sk-***. You can…'],
    ['key sk-proj-abc_DEF-123 refused', 'key sk-*** refused'],
    ['masked sk-abcd…wxyz', 'masked sk-***'],
    ['session sess-AbC123 only', 'session sess-*** only'],
    ['header Bearer abc.def', 'header Bearer ***'],
    ['no secrets here, task-list ok', 'no secrets here, task-list ok'],
  ])('%s', (text, expected) => {
    expect(scrubSecrets(text, ADMIN_KEY)).toBe(expected);
  });

  it('removes the key itself even without an sk- prefix (a relay key)', () => {
    expect(scrubSecrets('got relay-key-123456 from you', 'relay-key-123456')).toBe('got [key] from you');
  });
});
