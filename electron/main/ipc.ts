/**
 * The bridge contract over Electron IPC, main side: the only module that touches `ipcMain` (lint
 * forbids it elsewhere). One handler per contract channel; each checks that the call comes from
 * Saldo's own page in the top frame (VS Code's validatedIpcMain), then goes through `dispatch`, which
 * parses the payload with the channel's schema before any handler sees it. Errors are values.
 */
import { CHANNEL_NAMES, type BridgeHandlers } from '../../shared/bridge/channels';
import { failure } from '../../shared/bridge/result';
import type { EventName, EventOf } from '../../shared/bridge/channels';
import { dispatch } from '../core/bridge';
import type { FrameEdge, IpcMainEdge, WebContentsEdge } from './electron-edge';

/** Answers every contract channel; returns what removes the handlers again. */
export function serveBridge(
  electron: { ipcMain: IpcMainEdge },
  handlers: BridgeHandlers,
  isAppFrame: (frame: FrameEdge) => boolean,
): () => void {
  const ipc = electron.ipcMain;
  for (const channel of CHANNEL_NAMES) {
    ipc.handle(channel, async (event, payload) => {
      const frame = event.senderFrame;
      if (frame === null || !isAppFrame(frame)) return failure('sender', "is not Saldo's own window");
      return dispatch(handlers, channel, payload);
    });
  }
  return () => {
    for (const channel of CHANNEL_NAMES) ipc.removeHandler(channel);
  };
}

/** Sends one contract event to the page, under the event's own name (the preload listens for it). */
export function sendEvent<E extends EventName>(
  contents: WebContentsEdge,
  name: E,
  payload: EventOf<E>,
): void {
  contents.send(name, payload);
}

/**
 * The top frame showing Saldo's page: `appUrl` without its fragment (the file in the app, or the dev
 * server's address). A frame inside it, or a page it was navigated to, is not Saldo.
 */
export function appFrameCheck(appUrl: string): (frame: FrameEdge) => boolean {
  const expected = withoutFragment(appUrl);
  return (frame) => frame.parent === null && withoutFragment(frame.url) === expected;
}

function withoutFragment(address: string): string {
  try {
    const url = new URL(address);
    url.hash = '';
    return url.href;
  } catch {
    return '';
  }
}
