/**
 * Which account the monitor watches, and why — said everywhere (`"backend": "demo"`), because data
 * from the demo must never pass for the user's. Pure: the caller reads the environment, the
 * settings and the keychain.
 */
import type { BackendName } from './monitor';

export interface BackendChoiceInput {
  /** `SALDO_DEMO=1`. */
  demoForced: boolean;
  /** `OPENAI_ADMIN_KEY` is set: this run's key, whatever the settings say. */
  environmentKey: boolean;
  /** The settings' `backend`: `openai` once a key was stored, `demo` once it was cleared. */
  chosen: BackendName;
  /** A key is stored: in the keychain, or (desktop app without one) in Saldo's encrypted file. */
  storedKey: boolean;
}

export interface BackendChoice {
  backend: BackendName;
  /** Where the key comes from, for `openai`: `keychain` is whichever store keeps it (Settings names it). */
  keySource: 'environment' | 'keychain' | null;
  /** One sentence for the user: why this backend. */
  reason: string;
}

export function chooseBackend(input: BackendChoiceInput): BackendChoice {
  if (input.demoForced) {
    return { backend: 'demo', keySource: null, reason: 'SALDO_DEMO=1 is set: showing the demo account.' };
  }
  if (input.environmentKey) {
    return { backend: 'openai', keySource: 'environment', reason: 'Using the key in OPENAI_ADMIN_KEY.' };
  }
  if (input.chosen === 'openai' && input.storedKey) {
    return { backend: 'openai', keySource: 'keychain', reason: 'Using the stored key.' };
  }
  if (input.storedKey) {
    return {
      backend: 'demo',
      keySource: null,
      reason: 'The demo account is chosen in the settings; the stored key is not used.',
    };
  }
  if (input.chosen === 'openai') {
    return {
      backend: 'demo',
      keySource: null,
      reason: 'No key is stored: showing the demo account. Run `saldo key set` to watch your own.',
    };
  }
  return {
    backend: 'demo',
    keySource: null,
    reason: 'No key is set up: showing the demo account. Run `saldo key set` to watch your own.',
  };
}
