export { realClock, type Clock, type TimerHandle } from './clock';
export {
  DEFAULT_INTERVAL_MS,
  MIN_INTERVAL_MS,
  nextDelay,
  type PollError,
  type PollOutcome,
  type PollSettings,
} from './next-delay';
export { Poller, type PollerOptions, type PollerState, type PollerStatus } from './poller';
