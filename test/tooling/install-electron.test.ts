import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/built-desktop';

// `npm start` where Electron's binary cannot be downloaded: the real installer, its download pointed
// at a closed port on 127.0.0.1 so it fails at once, with an empty download cache and no binary.
const run = promisify(execFile);
const WRAPPER = 'node bin/run-ts.cjs scripts/install-electron.ts';
const scripts = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-install-electron-'));

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** This environment, less anything that would point Electron's download elsewhere or at a proxy. */
async function failingDownloadEnv(): Promise<NodeJS.ProcessEnv> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(npm_(package_)?config_electron_|electron_|ELECTRON_)/i.test(name),
    ),
  );
  const cache = fs.mkdtempSync(path.join(scratch, 'cache-'));
  const dist = fs.mkdtempSync(path.join(scratch, 'dist-'));
  return {
    ...env,
    ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`,
    electron_config_cache: cache,
    ELECTRON_OVERRIDE_DIST_PATH: dist,
  };
}

describe('npm start without Electron’s download', () => {
  it('runs the wrapper before the app, in start and in dev', () => {
    expect(scripts.start!.split(' && ')[0]).toBe(WRAPPER);
    expect(scripts.dev!.split(' && ')[0]).toBe(WRAPPER);
  });

  it('prints one paragraph of what failed and what to do, no stack trace, and exits 1', async () => {
    const [node, ...args] = WRAPPER.split(' ');
    expect(node).toBe('node');
    const failed = await run(process.execPath, args, {
      cwd: ROOT,
      env: await failingDownloadEnv(),
      timeout: 20_000,
    }).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toBe('');
    const paragraph = failed!.stderr.trim();
    expect(paragraph).not.toContain('\n');
    expect(paragraph).toMatch(
      /^Saldo's desktop app cannot start: Electron's binary .* could not be downloaded/,
    );
    for (const advice of ['ELECTRON_MIRROR', 'HTTPS_PROXY', 'npm run serve']) {
      expect(paragraph).toContain(advice);
    }
    expect(paragraph).not.toMatch(/\bat .*\.js:\d+/);
  }, 30_000);
});
