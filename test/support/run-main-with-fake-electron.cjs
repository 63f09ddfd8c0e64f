// Runs the BUILT main process (out/main/index.js) in plain Node with FAKE ELECTRON in place of the
// binary that cannot be downloaded here: `node --require <this> out/main/index.js`. Everything else is
// real — the bundle, electron-store, electron-log, keytar, the demo simulator. Once the tray shows a
// balance it prints what main built (one JSON line) and clicks "Quit Saldo"; the process must then end
// by itself. SALDO_ROOT is the repository, SALDO_HOME the throw-away data directory. With
// SALDO_REPORT_REST=1 (the bench) it first closes the window, as a user does, and reports main's
// memory at rest in the tray (run Node with --expose-gc so the figure is not garbage waiting).
// With SALDO_QUIT_FILE it quits once that file exists instead (the caller creates it when it has
// seen enough): a run against a server that refuses the key never shows a balance.
require('tsx/cjs/api').register();
const Module = require('node:module');
const path = require('node:path');
const { FakeElectron } = require(
  path.join(process.env.SALDO_ROOT, 'test/electron/main/support/fake-electron.ts'),
);

const fake = new FakeElectron();
fake.app.isPackaged = true;
fake.app.name = 'Saldo';
fake.app.getPath = (name) => path.join(process.env.SALDO_HOME, name);
// electron-log/main listens for its renderer's messages; nothing sends any here.
fake.ipcMain.on = () => fake.ipcMain;
const electron = { ...fake, app: fake.app, session: { defaultSession: fake.session } };

const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'electron') return electron;
  return load.call(this, request, parent, isMain);
};

const startedAt = Date.now();

async function atRest() {
  fake.windows.forEach((window) => window.close());
  await new Promise((resolve) => setTimeout(resolve, 1000));
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { restRssMb: rss / 2 ** 20, restHeapMb: heapUsed / 2 ** 20 };
}

const quitFile = process.env.SALDO_QUIT_FILE;
const ready = () =>
  quitFile === undefined ? fake.tray.toolTip.includes('$') : require('node:fs').existsSync(quitFile);

// Electron runs until it quits; plain Node would end as soon as nothing is pending (a sync that the
// provider refused schedules no next poll), before main had logged or quit. Held until Quit is clicked.
const keepAlive = setInterval(() => {}, 2 ** 30);

const timer = setInterval(async () => {
  if (fake.trays.length === 0 || !ready()) return;
  clearInterval(timer);
  const trayReadyMs = Date.now() - startedAt;
  const [window] = fake.windows;
  const rest = process.env.SALDO_REPORT_REST === '1' ? await atRest() : {};
  console.log(
    JSON.stringify({
      trayReadyMs,
      ...rest,
      tooltip: fake.tray.toolTip,
      image: fake.tray.image,
      menu: fake.tray.menu.map((item) => item.label ?? item.type),
      windows: fake.windows.length,
      webPreferences: window && window.options.webPreferences,
      loaded: window && window.loaded,
      channels: [...fake.ipcMain.handlers.keys()],
    }),
  );
  clearInterval(keepAlive);
  fake.tray.clickItem('Quit Saldo');
}, 50);
timer.unref();
