/**
 * Runs `saldo` two ways: as a real child process (`node bin/saldo.cjs …`, tsx and all) and
 * in-process through `runCli` with an in-memory io. Both give `{ code, stdout, stderr }`. Commands
 * that run until stopped (serve, simulator) have their own pair: `whileSaldoRuns`, `startInProcess`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { CliIo } from '../../../electron/cli/io';
import { runCli } from '../../../electron/cli/run';
import { MemorySecretStore, type SecretStore } from '../../../electron/core/secrets';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const BIN = path.join(REPO_ROOT, 'bin', 'saldo.cjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `node bin/saldo.cjs …args` in the checkout, with `stdin` piped in (closed at once if absent);
 * stdout is closed once `stopReadingAfter` characters have come.
 */
export function spawnSaldo(
  args: readonly string[],
  stdin = '',
  stopReadingAfter = Infinity,
  env: Record<string, string | undefined> = process.env,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, stdio: 'pipe', env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      // A reader that goes away early, as `saldo … | head -c 10` does.
      if (stdout.length >= stopReadingAfter) child.stdout.destroy();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** How a long-running `saldo …` child ended (see `whileSaldoRuns`). */
export interface SaldoEnded {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * `node bin/saldo.cjs …args` for a command that runs until stopped (serve, simulator): `use` gets
 * its stdout once it has printed two lines (and the child's pid); then it gets SIGTERM, also when
 * `use` throws.
 */
export async function whileSaldoRuns(
  args: readonly string[],
  use: (stdout: string, pid: number) => Promise<void>,
  env: Record<string, string | undefined> = process.env,
): Promise<SaldoEnded> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.split('\n').length > 2) resolve();
      });
      child.on('exit', () => reject(new Error(`exited early: ${stderr}`)));
    });
    await use(stdout, child.pid!);
  } finally {
    child.kill('SIGTERM');
  }
  return { ...(await exited), stderr };
}

/** A command that runs until told to stop (serve, simulator), as `startInProcess` started it. */
export interface InProcessRun {
  /** Resolves with all it printed once that holds `text`. */
  printed(text: string): Promise<string>;
  /** Tells it to stop; resolves with its exit code. */
  stop(): Promise<number>;
}

/** Starts such a command in-process with an in-memory io that records stdout. */
export function startInProcess(
  command: (args: readonly string[], io: CliIo, stopped: () => Promise<void>) => Promise<number>,
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): InProcessRun {
  let stdout = '';
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const running = command(
    args,
    {
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
      readStdin: async () => '',
      readFile: async () => '',
      writeFile: async () => undefined,
      env,
      readSecret: async () => '',
      openSecrets: async () => new MemorySecretStore(),
    },
    () => stopped,
  );
  return {
    async printed(text) {
      while (!stdout.includes(text)) await new Promise((resolve) => setTimeout(resolve, 10));
      return stdout;
    },
    stop() {
      stop();
      return running;
    },
  };
}

export interface InProcessInput {
  stdin?: string;
  files?: Record<string, string>;
  env?: Record<string, string | undefined>;
  secrets?: SecretStore;
  /** Replaces parts of the in-memory io (e.g. a `readFile` that fails). */
  io?: Partial<CliIo>;
}

/** `runCli(args)` with stdin and files from memory; a file not given reads as ENOENT. */
export async function runInProcess(args: readonly string[], input: InProcessInput = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: async () => input.stdin ?? '',
    readFile: async (file) => {
      const text = input.files?.[file];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
      return text;
    },
    writeFile: (file, text) => fs.promises.writeFile(file, text, { mode: 0o600 }),
    env: input.env ?? {},
    readSecret: async () => input.stdin ?? '',
    // The in-memory store (secrets/memory-store.ts); the keychain suites pass the real one.
    openSecrets: async () => input.secrets ?? new MemorySecretStore(),
    ...input.io,
  });
  return { code, stdout, stderr };
}

/** Exactly one line `error: <field>: <what is wrong>`; the field may not hold `:` or a newline. */
export const ERROR_LINE = /^error: ([^:\n]+): [^\n]+\n$/;

/** The field an error line names, or undefined when `stderr` is not exactly one such line. */
export function errorField(stderr: string): string | undefined {
  return ERROR_LINE.exec(stderr)?.[1];
}

/** A stack trace shows as `    at …` lines. */
export function expectNoStackTrace(run: CliRun): void {
  expect(run.stdout).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

/** Exit 2, nothing on stdout, one error line naming `field` (any field when undefined). */
export function expectUsageError(run: CliRun, field?: string): void {
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(ERROR_LINE);
  if (field !== undefined) expect(errorField(run.stderr)).toBe(field);
  expect(run.code).toBe(2);
  expectNoStackTrace(run);
}

/** Every file under `dir`, as text: where a leaked key would be found. */
export function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => fs.statSync(file).isFile())
    .map((file) => fs.readFileSync(file, 'utf8'));
}
