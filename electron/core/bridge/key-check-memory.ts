/**
 * The last `key:test` of the key now stored, kept for this run only. A test outlived by a key change
 * is dropped: its answer speaks of a key that is no longer the one stored.
 */
import type { KeyCheck } from '../../../shared/bridge/dashboard-state';

/** The session's memory of its last key test, forgotten whenever the key changes. */
export class KeyCheckMemory {
  #last: KeyCheck | null = null;
  /** Counts key changes, so a test that was running while the key changed is not kept for the new one. */
  #changes = 0;

  /** The last test of the key now stored; null before any. */
  last(): KeyCheck | null {
    return this.#last;
  }

  /** The key changed: its last test no longer says anything. */
  forget(): void {
    this.#last = null;
    this.#changes++;
  }

  /** Taken when a test starts; `remember` keeps its answer only if the key has not changed since. */
  mark(): number {
    return this.#changes;
  }

  /** Keeps `check` unless the key changed after `mark`; true when kept. */
  remember(mark: number, check: KeyCheck): boolean {
    if (mark !== this.#changes) return false;
    this.#last = check;
    return true;
  }
}
