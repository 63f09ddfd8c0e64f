/**
 * Reads a line from a terminal without echoing it, for `saldo key set`: the key must not end up on
 * screen, in the scrollback or in a screen recording. Raw mode sees each key: Enter ends, Ctrl-C
 * cancels, Backspace deletes; a paste arrives as one chunk and is taken whole.
 */
import type { ReadStream } from 'node:tty';

export class PromptCancelled extends Error {
  override readonly name = 'PromptCancelled';
}

export function readHidden(
  input: ReadStream,
  output: NodeJS.WritableStream,
  prompt: string,
): Promise<string> {
  output.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let text = '';
    const finish = (error: Error | null): void => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      if (error === null) resolve(text);
      else reject(error);
    };
    const onData = (chunk: string): void => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish(null);
        if (char === '\u0003') return finish(new PromptCancelled('cancelled at the prompt'));
        if (char === '\u007f' || char === '\b') text = text.slice(0, -1);
        else text += char;
      }
    };
    input.on('data', onData);
  });
}
