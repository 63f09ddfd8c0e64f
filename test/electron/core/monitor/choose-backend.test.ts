import { describe, expect, it } from 'vitest';
import { chooseBackend, type BackendChoiceInput } from '../../../../electron/core/monitor';

const none: BackendChoiceInput = {
  demoForced: false,
  environmentKey: false,
  chosen: 'demo',
  storedKey: false,
};

describe('chooseBackend', () => {
  it.each<[Partial<BackendChoiceInput>, string, string | null, RegExp]>([
    [{}, 'demo', null, /No key is set up.*saldo key set/],
    [
      { demoForced: true, environmentKey: true, chosen: 'openai', storedKey: true },
      'demo',
      null,
      /SALDO_DEMO=1/,
    ],
    [{ environmentKey: true }, 'openai', 'environment', /OPENAI_ADMIN_KEY/],
    [
      { environmentKey: true, chosen: 'openai', storedKey: true },
      'openai',
      'environment',
      /OPENAI_ADMIN_KEY/,
    ],
    [{ chosen: 'openai', storedKey: true }, 'openai', 'keychain', /stored key/],
    [{ chosen: 'openai' }, 'demo', null, /No key is stored.*saldo key set/],
    [{ storedKey: true }, 'demo', null, /demo account is chosen in the settings/],
  ])('%j → %s', (input, backend, keySource, reason) => {
    const choice = chooseBackend({ ...none, ...input });
    expect(choice).toEqual({ backend, keySource, reason: expect.stringMatching(reason) });
  });
});
