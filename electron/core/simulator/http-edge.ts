/**
 * The HTTP edge: Node's server on 127.0.0.1, routing, body reading, faults, request counting.
 * Routes are plain functions of a `SimRequest` (exchange.ts); everything here is I/O.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stringify } from 'lossless-json';
import { controlRoutes } from './control-routes';
import type { Reply, Route, SimRequest } from './exchange';
import { malformedBody, type Fault } from './faults';
import { defaultErrorFor, invalidUrl, methodNotAllowed, openAiError } from './openai-errors';
import { openAiRoutes } from './openai-routes';
import type { Simulation } from './simulation';

const MAX_BODY_BYTES = 1_000_000;

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function serialize(reply: Reply): { text: string; type: string } {
  if (reply.text !== undefined) return { text: reply.text, type: 'text/plain; charset=utf-8' };
  return { text: stringify(reply.body) ?? 'null', type: 'application/json' };
}

export interface SimulatorServer {
  server: Server;
  /** Stops answering: pending fault delays end at once, connections are closed. */
  close(): Promise<void>;
}

export function createSimulatorServer(sim: Simulation): SimulatorServer {
  const routes: Record<string, Route> = { ...openAiRoutes(sim), ...controlRoutes(sim) };
  const sleepers = new Map<NodeJS.Timeout, () => void>();
  let closed = false;
  let requestCount = 0;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        sleepers.delete(timer);
        resolve();
      }, ms);
      sleepers.set(timer, resolve);
    });

  /**
   * The control API changes the simulation: only for clients on this machine that name it as
   * 127.0.0.1 or localhost (no DNS-rebinding), and not for a web page's cross-site request.
   */
  const isLocalCaller = (request: IncomingMessage): boolean => {
    const port = (server.address() as AddressInfo | null)?.port;
    const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    const origin = request.headers.origin;
    return (
      hosts.includes(request.headers.host ?? '') &&
      (origin === undefined || hosts.some((host) => origin === `http://${host}`))
    );
  };

  const route = async (request: SimRequest): Promise<Reply> => {
    const handlers = Object.hasOwn(routes, request.path) ? routes[request.path]! : undefined;
    if (handlers === undefined) return invalidUrl(request.method, request.path);
    const handler = handlers[request.method as keyof Route];
    if (handler === undefined) return methodNotAllowed(request.method, request.path, Object.keys(handlers));
    return handler(request);
  };

  const answer = async (request: SimRequest, fault: Fault | null): Promise<Reply> => {
    if (fault?.malformed) return { status: 200, body: malformedBody(request.path) };
    if (fault !== null && fault.status !== null) {
      const reply =
        fault.body === undefined ? defaultErrorFor(fault.status) : { status: fault.status, body: fault.body };
      return typeof reply.body === 'string'
        ? { status: fault.status, text: reply.body }
        : { ...reply, status: fault.status };
    }
    return route(request);
  };

  const handle = async (incoming: IncomingMessage, response: ServerResponse): Promise<void> => {
    const started = performance.now();
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const request: SimRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: incoming.headers,
      body: '',
    };
    let reply: Reply;
    let fault: Fault | null = null;
    try {
      request.body = await readBody(incoming);
      if (request.path.startsWith('/sim/') && !isLocalCaller(incoming)) {
        reply = openAiError(
          403,
          'The control API only answers 127.0.0.1 and localhost.',
          'invalid_request_error',
          null,
        );
      } else {
        // The fault queue itself is never faulted, or a queued fault could not be cleared.
        fault = request.path === '/sim/faults' ? null : sim.faults.take(request.path);
        if (fault !== null && fault.delayMs > 0) await sleep(fault.delayMs);
        reply = await answer(request, fault);
      }
    } catch (error) {
      reply =
        error instanceof BodyTooLarge
          ? openAiError(413, 'The request body is too large.', 'invalid_request_error', null)
          : openAiError(500, 'The simulator failed on this request.', 'server_error', null);
    }
    if (closed) {
      response.destroy();
      return;
    }
    const { text: whole, type } = serialize(reply);
    // A body cut off mid-way, as a dropped connection leaves it: the first half of valid JSON.
    const text = fault?.truncate ? whole.slice(0, Math.floor(whole.length / 2)) : whole;
    const bytes = Buffer.byteLength(text);
    response.writeHead(reply.status, {
      ...reply.headers,
      ...fault?.headers,
      'content-type': type,
      'content-length': bytes,
      'x-request-id': `req_sim${(++requestCount).toString(16).padStart(8, '0')}`,
      'openai-processing-ms': String(Math.round(performance.now() - started)),
    });
    response.end(text);
    if (request.path.startsWith('/v1/')) sim.stats.record(request.path, bytes);
  };

  const server = createServer((incoming, response) => {
    void handle(incoming, response);
  });

  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        for (const [timer, wake] of sleepers) {
          clearTimeout(timer);
          wake();
        }
        sleepers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
