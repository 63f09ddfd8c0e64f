/**
 * Requests as bytes on a socket, for the bridge fuzz proof: anything a client can send, including
 * what no HTTP library would (garbled request lines, two lengths, bad chunks, huge headers). The
 * answer is every status line that came back and all the text, read until the server closes or a
 * time passes; an event stream is closed once its headers came.
 */
import net from 'node:net';

export interface RawExchange {
  /** Every status code in the answer (two for a pipelined pair); empty: no answer at all. */
  statuses: number[];
  /** Headers and body as text (latin1: bytes as they came). */
  text: string;
}

export function exchange(port: number, request: Buffer | string, timeoutMs = 2000): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let text = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      const statuses = [...text.matchAll(/HTTP\/1\.[01] (\d{3}) /g)].map((match) => Number(match[1]));
      resolve({ statuses, text });
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (/content-type: text\/event-stream/i.test(text) && text.includes('\r\n\r\n')) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    // Not end(): a half-closed socket makes Node's server drop the request before it answers.
    socket.write(request);
  });
}

export interface RequestParts {
  method: string;
  path: string;
  /** Header lines as sent, in order; `Host` is not added. */
  headers: readonly [string, string][];
  body: Buffer;
}

/** HTTP/1.1 with `Content-Length` for the body and `Connection: close`. */
export function requestBytes(parts: RequestParts): Buffer {
  const lines = [
    `${parts.method} ${parts.path} HTTP/1.1`,
    ...parts.headers.map(([name, value]) => `${name}: ${value}`),
    `Content-Length: ${parts.body.length}`,
    'Connection: close',
  ];
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), parts.body]);
}
