/** Process entry of `saldo`: real stdio and files around `runCli`. */
import { readFile, writeFile } from 'node:fs/promises';
import type { ReadStream } from 'node:tty';
import { openSecretStore } from '../core/secrets';
import { readHidden } from './hidden-prompt';
import { EXIT_INTERNAL, oneLine } from './io';
import { runCli } from './run';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// A reader that goes away early (`saldo evaluate big.json | head`) is not an error of ours: stop
// quietly, with no stack trace. Any other failure to write is one `error: internal` line.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && stream === process.stdout) {
      process.stderr.write(`error: internal: cannot write output (${oneLine(error.code ?? error.name)})\n`);
    }
    process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : EXIT_INTERNAL);
  });
}

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin,
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: (path, text) => writeFile(path, text, { mode: 0o600 }),
  env: process.env,
  readSecret: (prompt) =>
    process.stdin.isTTY ? readHidden(process.stdin as ReadStream, process.stderr, prompt) : readStdin(),
  openSecrets: () => openSecretStore(process.env),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `error: internal: ${error instanceof Error ? oneLine(error.name) : 'unexpected failure'}\n`,
    );
    process.exitCode = EXIT_INTERNAL;
  },
);
