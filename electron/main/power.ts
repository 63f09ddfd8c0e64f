/**
 * Sleep, wake, the lock screen and the network, told to the session: suspend and lock pause polling
 * (nobody reads the tray then, and a poll during sleep would fail); resume and unlock refresh at once,
 * as the figures are as old as the sleep. Electron's main process has no online event, so the network
 * is asked every half minute.
 */
import type { ElectronEdge } from './electron-edge';

export interface PowerAware {
  pause(): void;
  resume(): void;
  setOnline(online: boolean): void;
}

const ONLINE_CHECK_MS = 30_000;

export function watchPower(
  electron: Pick<ElectronEdge, 'powerMonitor' | 'net'>,
  target: PowerAware,
  timers: { setInterval: typeof setInterval; clearInterval: typeof clearInterval } = globalThis,
): () => void {
  let asleep = false;
  let locked = false;
  const settle = () => (asleep || locked ? target.pause() : target.resume());
  electron.powerMonitor.on('suspend', () => {
    asleep = true;
    settle();
  });
  electron.powerMonitor.on('resume', () => {
    asleep = false;
    target.setOnline(electron.net.isOnline());
    settle();
  });
  electron.powerMonitor.on('lock-screen', () => {
    locked = true;
    settle();
  });
  electron.powerMonitor.on('unlock-screen', () => {
    locked = false;
    settle();
  });
  target.setOnline(electron.net.isOnline());
  const check = timers.setInterval(() => target.setOnline(electron.net.isOnline()), ONLINE_CHECK_MS);
  // The check must not keep the process alive on its own at quit.
  (check as { unref?: () => void }).unref?.();
  return () => timers.clearInterval(check);
}
