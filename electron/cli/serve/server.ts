/**
 * Browser mode's server (`saldo serve`): the bridge contract over HTTP and server-sent events, and
 * the built dashboard, on 127.0.0.1 only. Every /api/ request needs the run's bearer token; Host and
 * Origin are checked before anything (guard.ts).
 *
 *   POST /api/call/<channel>   JSON request → 200 with the channel's result (errors are values)
 *   GET  /api/events           text/event-stream: `state:changed` at once, then every event
 *   GET  /, /anything          the dashboard (index.html for paths that name no file)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import { failure } from '../../../shared/bridge/result';
import {
  dispatch,
  openBridgeSession,
  type BridgeSession,
  type BridgeSessionOptions,
} from '../../core/bridge';
import { bearerMatches, HTML_HEADERS, hostAllowed, newToken, originAllowed, SECURITY_HEADERS } from './guard';
import { contentTypeOf, resolveStatic } from '../../core/renderer-files';
import { NOT_BUILT_PAGE, rendererDir } from './static-files';
import { EventStreams, sseMessage, STREAM_LIMITS, type StreamLimits } from './event-streams';

/** A bridge request is a few fields; a year of history never travels this way. */
export const MAX_BODY_BYTES = 64 * 1024;
export const HEARTBEAT_MS = 15_000;

export interface DashboardServerOptions {
  /** `SALDO_HOME`, `SALDO_DEMO`, `OPENAI_ADMIN_KEY`, `OPENAI_BASE_URL`. */
  env: Readonly<Record<string, string | undefined>>;
  /** 0 or absent: a free port. */
  port?: number;
  /** The demo account, whatever key is stored (as SALDO_DEMO=1). */
  demo?: boolean;
  /** The data directory; default from `env`. */
  dir?: string;
  /** Where keys live; default the OS keychain (or OPENAI_ADMIN_KEY). */
  openSecrets?: BridgeSessionOptions['openSecrets'];
  /** The built dashboard; default `dist/renderer` in the package. */
  rendererDir?: string;
  /** Session options for tests: the demo's clock, client retries, a notifier. */
  session?: Pick<BridgeSessionOptions, 'demo' | 'client' | 'notifier' | 'poller' | 'storeClass'>;
  /** Start polling at once (default true). */
  poll?: boolean;
  heartbeatMs?: number;
  /** What an event stream may cost (default STREAM_LIMITS). */
  streamLimits?: Partial<StreamLimits>;
}

export interface DashboardServer {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  port: number;
  /** The run's bearer token. */
  token: string;
  /** What to open in a browser: `${url}/#token=${token}` (a fragment never reaches a server). */
  dashboardUrl: string;
  session: BridgeSession;
  /** Closes the event streams, the server and the session (and the demo's simulator). */
  close(): Promise<void>;
}

export type StartDashboardResult =
  { ok: true; server: DashboardServer } | { ok: false; field: string; message: string };

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'Content-Length': String(Buffer.byteLength(body)),
  });
  res.end(body);
}

function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  send(res, status, JSON.stringify(value), {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
}

type Body = { ok: true; value: unknown } | { ok: false; status: 400 | 413 };

/** The request body as JSON (empty: `{}`), at most MAX_BODY_BYTES. */
function readJson(req: IncomingMessage): Promise<Body> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      resolve({ ok: false, status: 413 });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        done = true;
        resolve({ ok: false, status: 413 });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') {
        resolve({ ok: true, value: {} });
        return;
      }
      try {
        resolve({ ok: true, value: JSON.parse(text) as unknown });
      } catch {
        resolve({ ok: false, status: 400 });
      }
    });
    req.on('error', () => {
      if (!done) resolve({ ok: false, status: 400 });
      done = true;
    });
  });
}

/**
 * Starts the server and the session (polling unless `poll: false`). A store that cannot be opened or
 * a port in use is an error value naming the field (`{ok: false, field, message}`).
 */
export async function startDashboardServer(options: DashboardServerOptions): Promise<StartDashboardResult> {
  const env = options.demo === true ? { ...options.env, SALDO_DEMO: '1' } : options.env;
  const opened = await openBridgeSession({
    ...options.session,
    env,
    dir: options.dir,
    openSecrets: options.openSecrets,
  });
  if (!opened.ok) return opened;
  const { session } = opened;
  const token = newToken();
  const root = options.rendererDir ?? rendererDir();
  const streams = new EventStreams(
    (listener) => session.subscribe(listener),
    { ...STREAM_LIMITS, ...options.streamLimits },
    options.heartbeatMs ?? HEARTBEAT_MS,
  );
  let port = 0;

  async function call(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') {
      sendJson(res, 405, { error: 'method not allowed' }, { Allow: 'POST' });
      return;
    }
    const body = await readJson(req);
    if (!body.ok) {
      const error =
        body.status === 413
          ? failure('request', `is larger than ${MAX_BODY_BYTES / 1024} KB`)
          : failure('request', 'must be JSON');
      // A body too large is not read to its end: the connection goes with the answer.
      sendJson(res, body.status, error, body.status === 413 ? { Connection: 'close' } : {});
      return;
    }
    sendJson(res, 200, await dispatch(session.handlers, channel, body.value));
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') {
      sendJson(res, 405, { error: 'method not allowed' }, { Allow: 'GET' });
      return;
    }
    if (streams.full) {
      // A minute: long enough for a closed tab's stream to be noticed gone.
      sendJson(res, 503, { error: 'too many event streams' }, { 'Retry-After': '60' });
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // Proxies and some dev servers buffer a stream unless told not to.
      'X-Accel-Buffering': 'no',
    });
    const stream = streams.add(res);
    // The state as it is once any change in progress (a re-open on a new key) is done; an event
    // heard meanwhile is a whole snapshot too, so the order does not matter.
    void session.snapshotWhenReady().then((snapshot) => {
      if (snapshot !== null) stream.send(sseMessage({ name: 'state:changed', payload: snapshot }));
    });
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'method not allowed\n', {
        Allow: 'GET, HEAD',
        'Content-Type': 'text/plain; charset=utf-8',
      });
      return;
    }
    if (pathname === '/favicon.ico') {
      res.writeHead(204, SECURITY_HEADERS);
      res.end();
      return;
    }
    const target = resolveStatic(root, pathname);
    if (target.kind === 'bad-path') {
      send(res, 400, 'bad path\n', { 'Content-Type': 'text/plain; charset=utf-8' });
      return;
    }
    if (target.kind === 'not-built') {
      send(res, 200, NOT_BUILT_PAGE, { ...HTML_HEADERS, 'Content-Type': 'text/html; charset=utf-8' });
      return;
    }
    let content: Buffer;
    try {
      content = fs.readFileSync(target.file);
    } catch {
      send(res, 404, 'not found\n', { 'Content-Type': 'text/plain; charset=utf-8' });
      return;
    }
    const type = contentTypeOf(target.file);
    const headers: Record<string, string> = type.startsWith('text/html')
      ? { ...HTML_HEADERS, 'Content-Type': type }
      : { 'Content-Type': type, 'Cache-Control': 'no-cache' };
    res.writeHead(200, { ...SECURITY_HEADERS, ...headers, 'Content-Length': String(content.length) });
    res.end(req.method === 'HEAD' ? undefined : content);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host;
    if (!hostAllowed(host, port)) {
      sendJson(res, 403, { error: 'forbidden host' });
      return;
    }
    if (!originAllowed(req.headers.origin, host!)) {
      sendJson(res, 403, { error: 'forbidden origin' });
      return;
    }
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    } catch {
      send(res, 400, 'bad request\n', { 'Content-Type': 'text/plain; charset=utf-8' });
      return;
    }
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      // Before any routing: without the token, nothing about /api/ is told, not even what exists.
      if (!bearerMatches(req.headers, token)) {
        sendJson(res, 401, { error: 'unauthorized' }, { 'WWW-Authenticate': 'Bearer' });
        return;
      }
      if (pathname.startsWith('/api/call/'))
        return call(req, res, decodeChannel(pathname.slice('/api/call/'.length)));
      if (pathname === '/api/events') return events(req, res);
      sendJson(res, 404, { error: 'not found' });
      return;
    }
    serveStatic(req, res, pathname);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // A bug must not leave the request hanging, nor say more than that it failed.
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await session.close();
    const code = (error as NodeJS.ErrnoException | null)?.code ?? 'unknown error';
    return { ok: false, field: 'port', message: `cannot listen on 127.0.0.1:${options.port ?? 0} (${code})` };
  }
  port = (server.address() as AddressInfo).port;
  if (options.poll !== false) session.start();

  const url = `http://127.0.0.1:${port}`;
  let closing: Promise<void> | null = null;
  return {
    ok: true,
    server: {
      url,
      port,
      token,
      dashboardUrl: `${url}/#token=${token}`,
      session,
      close() {
        closing ??= (async () => {
          streams.endAll();
          server.closeAllConnections();
          await new Promise<void>((resolve) => server.close(() => resolve()));
          await session.close();
        })();
        return closing;
      },
    },
  };
}

/** The channel part of the path, decoded; a malformed escape becomes a name no channel has. */
function decodeChannel(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}
