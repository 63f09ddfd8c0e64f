/**
 * A real electron-log round trip without Electron: `electron-log/node` is the same logger and file
 * transport as `electron-log/main`, so configureLog is run on it exactly as main runs it, the file
 * is read back, and the key must be gone while the rest of each line stays.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodeLog from 'electron-log/node';
import type { LogMessage } from 'electron-log';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configureLog } from '../../../../electron/core/log';
import { ApiKey } from '../../../../electron/core/secrets';
import { FAKE_ADMIN_KEY, FAKE_PROJECT_KEY, KEY_MARK } from '../secrets/secrets-test-kit';

let dir: string;
let file: string;
/** A logger of its own per test; electron-log keeps one error handler for all of them. */
let log: ReturnType<typeof nodeLog.create>;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-log-'));
  file = path.join(dir, 'logs', 'main.log');
  log = nodeLog.create({ logId: `saldo-test-${randomUUID()}` });
});

afterEach(() => {
  log.errorHandler.stopCatching();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The log file's lines, checked to hold no key (nor any part of one). */
function logged(): string[] {
  const text = fs.readFileSync(file, 'utf8');
  expect(text).not.toContain(KEY_MARK);
  for (const key of [FAKE_ADMIN_KEY, FAKE_PROJECT_KEY]) expect(text).not.toContain(key.slice(-16));
  return text.trimEnd().split('\n');
}

describe('configureLog on electron-log', () => {
  it('writes a string, an Error and an object to the file with the key removed and the rest kept', () => {
    const logger = configureLog(log, { file, console: false });
    logger.info(`OpenAI said: Incorrect API key provided: ${FAKE_ADMIN_KEY}. Check it.`);
    logger.error(new TypeError(`Headers.append: "Bearer ${FAKE_PROJECT_KEY}" is an invalid header value.`));
    logger.warn('request', {
      url: 'https://api.openai.com/v1/organization/costs?limit=7',
      headers: { Authorization: `Bearer ${FAKE_ADMIN_KEY}` },
      key: new ApiKey(FAKE_ADMIN_KEY),
      requestId: 'req_0123456789abcdef',
    });

    const lines = logged();
    expect(lines[0]).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] \[info\] /);
    expect(lines[0]).toMatch(/\[info\]\s+OpenAI said: Incorrect API key provided: sk-\*\*\*\. Check it\.$/);
    expect(lines[1]).toMatch(
      /\[error\]\s+TypeError: Headers\.append: "Bearer \*\*\*" is an invalid header value\.$/,
    );
    // The stack follows the Error's line: frames, still there, and this test among them.
    expect(lines.slice(2).some((line) => line.includes('configure-log.test.ts'))).toBe(true);
    const warning = lines.slice(lines.findIndex((line) => /\[warn\]\s+request/.test(line))).join('\n');
    expect(warning).toContain('https://api.openai.com/v1/organization/costs?limit=7');
    expect(warning).toMatch(/Authorization: '\*\*\*'/);
    expect(warning).toContain("key: 'sk-admin-…abcd'");
    expect(warning).toContain("requestId: 'req_0123456789abcdef'");
  });

  it('catches uncaught errors into the file, through the redactor too', () => {
    // vitest's own listener would fail the run on the emitted error: it is set aside meanwhile.
    const others = process.listeners('uncaughtException');
    process.removeAllListeners('uncaughtException');
    try {
      configureLog(log, { file, console: false });
      process.emit('uncaughtException', new Error(`crashed holding ${FAKE_ADMIN_KEY}`));
    } finally {
      log.errorHandler.stopCatching();
      for (const listener of others) process.on('uncaughtException', listener);
    }
    expect(logged().join('\n')).toMatch(/\[error\]\s+Unhandled Error: crashed holding sk-\*\*\*\n\s+at /);
  });

  it('keeps the file to its owner, at level info', () => {
    const logger = configureLog(log, { file, console: false });
    logger.info('started');
    log.debug('not written');
    expect(logged()).toEqual([expect.stringMatching(/\[info\]\s+started$/)]);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('redacts what reaches the console in development, and sends nothing to a server', () => {
    const printed: LogMessage[] = [];
    log.transports.console.writeFn = ({ message }) => printed.push(message);
    configureLog(log, { file, console: true });
    log.info(`console ${FAKE_ADMIN_KEY}`);
    expect(printed.map((message) => message.data)).toEqual([[expect.stringMatching(/console sk-\*\*\*$/)]]);
    expect(log.transports.remote.level).toBe(false);

    configureLog(log, { file, console: false });
    log.info('quiet');
    expect(printed).toHaveLength(1);
    expect(log.hooks).toHaveLength(1);
  });
});
