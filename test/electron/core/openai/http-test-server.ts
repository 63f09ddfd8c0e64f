/**
 * A real HTTP server on 127.0.0.1 (random port) for the client tests: each request is recorded and
 * answered by the test's handler. Not a mock of fetch — the client's real HTTP stack runs.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** Bytes as they go on the wire (a gzip body with its `content-encoding`). */
  body?: string | Buffer;
  /** Wait this long before answering (timeouts). */
  delayMs?: number;
  /** Drop the connection instead of answering (network errors). */
  destroy?: boolean;
  /** Send the headers and `body`, then neither end nor close (a server hung mid-body). */
  hangAfterBody?: boolean;
  /** Never answer at all (a server hung before its headers). */
  hang?: boolean;
}

export type Handler = (request: RecordedRequest, index: number) => Reply;

export interface TestServer {
  /** `http://127.0.0.1:PORT/v1`, what the client takes as baseUrl. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Requests to paths ending in `suffix`. */
  count(suffix: string): number;
  close(): Promise<void>;
}

export async function startTestServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded = {
      method: req.method ?? '',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
    };
    requests.push(recorded);
    const reply = handler(recorded, requests.length - 1);
    const answer = () => {
      if (reply.destroy) {
        req.socket.destroy();
        return;
      }
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      if (reply.hangAfterBody) res.write(reply.body ?? '');
      else res.end(reply.body ?? '');
    };
    if (reply.hang) return;
    if (reply.delayMs === undefined) answer();
    else setTimeout(answer, reply.delayMs).unref();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    count: (suffix) => requests.filter((request) => request.path.endsWith(suffix)).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers every request with the same reply. */
export const always =
  (reply: Reply): Handler =>
  () =>
    reply;

/** Answers the n-th request with `replies[n]`, and the last reply after that. */
export const inTurn =
  (...replies: Reply[]): Handler =>
  (_request, index) =>
    replies[Math.min(index, replies.length - 1)]!;
