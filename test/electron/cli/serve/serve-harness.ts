/**
 * Talking to the dashboard server as a browser (or an attacker) would: raw HTTP requests with any
 * Host, Origin and Authorization headers (fetch will not forge Host), and a server-sent-events
 * reader over fetch, as renderer/transport does it.
 */
import http from 'node:http';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One request to 127.0.0.1:`port`, headers exactly as given (Host defaults to the right one). */
export function raw(port: number, request: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: request.method ?? 'GET',
        path: request.path,
        headers: { Host: `127.0.0.1:${port}`, ...request.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

export interface SseMessage {
  event: string;
  data: string;
}

export interface EventStream {
  status: number;
  headers: Headers;
  /** Every message so far (comments as event `comment`). */
  messages: SseMessage[];
  /** Everything received, as text. */
  text(): string;
  /** Resolves with the first message (from now on, or already received) that `match` accepts. */
  next(match: (message: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage>;
  close(): void;
}

/** `GET /api/events` with the bearer header, read as the renderer reads it. */
export async function openEvents(url: string, token: string): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(`${url}/api/events`, {
    headers: { Authorization: `Bearer ${token}` },
    signal: abort.signal,
  });
  const messages: SseMessage[] = [];
  let all = '';
  let buffer = '';
  const waiters = new Set<() => void>();
  void (async () => {
    if (response.body === null) return;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body) {
        const text = decoder.decode(chunk as Uint8Array, { stream: true });
        all += text;
        buffer += text;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith(':')) messages.push({ event: 'comment', data: block.slice(1).trim() });
          else {
            const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
            const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
            messages.push({ event, data });
          }
          end = buffer.indexOf('\n\n');
        }
        for (const wake of [...waiters]) wake();
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    status: response.status,
    headers: response.headers,
    messages,
    text: () => all,
    next(match, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (found === undefined) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no matching event within ${timeoutMs} ms; got ${messages.map((m) => m.event).join(', ')}`,
            ),
          );
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close: () => abort.abort(),
  };
}

/** A built dashboard of our own: index.html, a script, a style, and a secret beside the folder. */
export function fakeRendererBuild(): { root: string; dir: string; secret: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-serve-'));
  const dir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head><body>INDEX</body></html>',
  );
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log("app");');
  fs.writeFileSync(path.join(dir, 'assets', 'app.css'), 'body{}');
  fs.writeFileSync(path.join(dir, '.env'), 'HIDDEN');
  const secret = path.join(root, 'secret.txt');
  fs.writeFileSync(secret, 'SECRET OUTSIDE');
  fs.symlinkSync(secret, path.join(dir, 'assets', 'link.txt'));
  return { root, dir, secret };
}

export interface StalledStream {
  /** The status line's code, once the headers came (0 before, or if the connection failed). */
  status(): Promise<number>;
  /**
   * Starts reading at last: everything the server had sent, and whether it had ended the stream
   * (read until the connection closes, `quietMs` passes with nothing more, or `maxMs` in all).
   */
  readRest(quietMs?: number, maxMs?: number): Promise<{ text: string; ended: boolean }>;
  close(): void;
}

/**
 * `GET /api/events` from a client that reads the status line and then stops reading, as a frozen tab
 * or a hostile client does: the socket is paused, so the server's writes pile up once the kernel's
 * buffers are full.
 */
export function openStalledEvents(port: number, token: string): StalledStream {
  const socket = net.connect({ host: '127.0.0.1', port });
  socket.on('error', () => undefined);
  socket.write(
    `GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\n\r\n`,
  );
  let text = '';
  const status = new Promise<number>((resolve) => {
    socket.once('data', (chunk: Buffer) => {
      socket.pause();
      text = chunk.toString('latin1');
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0));
    });
    socket.once('close', () => resolve(0));
  });
  return {
    status: () => status,
    readRest(quietMs = 1000, maxMs = 10_000) {
      return new Promise((resolve) => {
        let quiet: NodeJS.Timeout;
        const deadline = setTimeout(() => finish(false), maxMs);
        const finish = (ended: boolean) => {
          clearTimeout(quiet);
          clearTimeout(deadline);
          socket.removeAllListeners('data');
          resolve({ text, ended });
        };
        const wait = () => {
          clearTimeout(quiet);
          quiet = setTimeout(() => finish(false), quietMs);
        };
        socket.on('data', (chunk: Buffer) => {
          text += chunk.toString('latin1');
          wait();
        });
        socket.once('close', () => finish(true));
        wait();
        socket.resume();
      });
    },
    close: () => socket.destroy(),
  };
}
