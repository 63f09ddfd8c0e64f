/**
 * Store child processes, bundled once per test file. Through tsx a child needs ~0.9 s to load;
 * bundled with esbuild (the one tsx and vite already bring) into plain CommonJS, packages left
 * external so the real installed conf and zod run, it needs half that.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export interface ChildBundle {
  /** Starts the bundled script with `args`, stdout and stderr piped. */
  spawn(args: readonly string[]): ChildProcessWithoutNullStreams;
  /** Removes the bundle's temp dir. */
  remove(): void;
}

export async function bundleChild(source: string): Promise<ChildBundle> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-child-'));
  const outfile = path.join(dir, `${path.basename(source, '.ts')}.cjs`);
  await build({
    entryPoints: [source],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
  });
  // NODE_PATH: the bundle sits in a temp dir and requires conf and zod from the checkout.
  const env = { ...process.env, NODE_PATH: path.join(REPO_ROOT, 'node_modules') };
  return {
    spawn: (args) => spawn(process.execPath, [outfile, ...args], { cwd: REPO_ROOT, env, stdio: 'pipe' }),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Collects a child's output until it ends. */
export function ended(child: ChildProcessWithoutNullStreams): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** The ids an add-loop.ts child acknowledged (`ok <id>` lines). */
export function acknowledged(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('ok '))
    .map((line) => line.slice(3));
}
