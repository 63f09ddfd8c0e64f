/**
 * What every rule reads and writes. Rules are pure: they read the inputs and add to a working
 * copy of the memory and to the lists of this evaluation, which `evaluateAlerts` owns.
 */
import type { Instant } from '../billing/instant';
import type { Alert } from './alert';
import type { AlertInput } from './alert-input';
import type { AlertMemory, AlertMemoryEntry } from './alert-memory';
import type { AlertSettings } from './alert-settings';

export interface RuleContext {
  previous: AlertInput | null;
  current: AlertInput;
  settings: AlertSettings;
  /** The memory as it was before this evaluation. */
  memory: Readonly<AlertMemory>;
  now: Instant;
}

export interface RuleOutput {
  /** Holding now (for the Alerts view), plus events told in this evaluation. */
  active: Alert[];
  /** Newly fired: the candidates for this sync's one notification. */
  fired: Alert[];
  /** The next memory, being written (a Map: its keys are computed, `expiry-7:<grant id>`). */
  memory: Map<string, AlertMemoryEntry>;
}

export type Rule = (context: RuleContext, output: RuleOutput) => void;
