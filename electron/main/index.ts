/**
 * The desktop app's entry: the real Electron module handed to the wiring as its edge, and the real
 * adapters chosen — electron-store for the files, the keychain (else safeStorage) for the key,
 * electron-log for the log. This is the one main-process file that imports 'electron' at runtime, so
 * the compiler checks Electron's own typings against `ElectronEdge` here.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as electron from 'electron';
import ElectronStore from 'electron-store';
import { openDesktopSecretStore, type KeytarApi } from '../core/secrets';
import { dataDir } from '../core/stores';
import { startSaldo } from './app';
import type { ElectronEdge } from './electron-edge';
import { openLog } from './log';

const edge: ElectronEdge = {
  app: electron.app,
  BrowserWindow: electron.BrowserWindow,
  Tray: electron.Tray,
  Menu: electron.Menu,
  Notification: electron.Notification,
  ipcMain: electron.ipcMain,
  shell: electron.shell,
  powerMonitor: electron.powerMonitor,
  net: electron.net,
  screen: electron.screen,
  safeStorage: electron.safeStorage,
  dialog: electron.dialog,
  protocol: electron.protocol,
  defaultSession: () => electron.session.defaultSession,
};

const log = openLog();
const { app } = electron;
const env = process.env;
const home = os.homedir();
const dir = dataDir(env, process.platform, home);
// keytar is a native module unpacked beside the asar: a plain require finds it there.
const nodeRequire = createRequire(__filename);
const loadKeytar = async () => nodeRequire('keytar') as KeytarApi;
// Only a development build follows the dev server's address: an installed app loads its own files.
const devServer = app.isPackaged ? undefined : env.ELECTRON_RENDERER_URL;

startSaldo({
  electron: edge,
  platform: process.platform,
  env,
  home,
  paths: {
    renderer: devServer === undefined ? { dir: path.join(__dirname, '../renderer') } : { devServer },
    preload: path.join(__dirname, '../preload/index.js'),
    iconDir: path.join(app.getAppPath(), 'assets', 'tray'),
  },
  log,
  executable: process.execPath,
  development: !app.isPackaged,
  session: {
    dir,
    storeClass: ElectronStore,
    openSecrets: () =>
      openDesktopSecretStore({
        env,
        dir,
        safeStorage: electron.safeStorage,
        platform: process.platform,
        // An installed app's keytar ships built: a missing keychain is the system's to fix, not a build's.
        keytar: { loadKeytar, setup: app.isPackaged ? 'installed' : 'source' },
      }),
  },
}).catch((error: unknown) => {
  log.error('Saldo could not start', error);
  app.exit(1);
});
