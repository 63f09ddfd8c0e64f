/**
 * `npm start` and `npm run dev` first run Electron's own `install-electron`, which downloads the
 * binary once into node_modules/electron. Where that download fails, its stack trace tells a
 * newcomer nothing: this says what failed and what to do in one paragraph, and exits non-zero.
 */
import { spawn } from 'node:child_process';

/** After this long without an answer the download is under way: say so, as it shows no progress here. */
const NOTICE_AFTER_MS = 1_000;

/** The installer's failure as it printed it: the error's first line, not its stack. */
function reasonOf(stderr: string): string {
  const first = stderr.split('\n').find((line) => line.trim() !== '' && !/^\s+at /.test(line)) ?? '';
  return first.replace(/^\w*Error: /, '').trim() || 'no reason given';
}

function failureParagraph(reason: string): string {
  return [
    `Saldo's desktop app cannot start: Electron's binary (about 100 MB, fetched once into`,
    `node_modules/electron) could not be downloaded (${reason}).`,
    'Behind a proxy, set HTTPS_PROXY to its address and ELECTRON_GET_USE_PROXY=1;',
    `where Electron's download host is blocked, set ELECTRON_MIRROR to a mirror of Electron's releases;`,
    'then run `npm start` again.',
    'To see Saldo now, run `npm run serve`: the same dashboard, in your browser.',
  ].join(' ');
}

const installer = spawn(process.execPath, [require.resolve('electron/install.js')], {
  stdio: ['ignore', 'inherit', 'pipe'],
});
let stderr = '';
installer.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
const notice = setTimeout(() => {
  console.error("Downloading Electron's binary (about 100 MB, once)…");
}, NOTICE_AFTER_MS);

installer.on('close', (code) => {
  clearTimeout(notice);
  if (code === 0) {
    process.stderr.write(stderr);
    return;
  }
  console.error(failureParagraph(reasonOf(stderr)));
  process.exitCode = 1;
});
