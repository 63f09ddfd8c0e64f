/**
 * A real HTTP server on 127.0.0.1 (random port) that records every request's Authorization header
 * and answers each with `answer(path)`: a host a key must never reach, or a hostile provider.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Answer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export interface RecordingServer {
  /** `http://<host>:<port>`: `host` as asked (`localhost` is another origin than 127.0.0.1). */
  origin: string;
  /** Every request: its path and Authorization header (null when none was sent). */
  requests: { path: string; authorization: string | null }[];
  close(): Promise<void>;
}

export async function startRecordingServer(
  answer: (path: string) => Answer,
  host: '127.0.0.1' | 'localhost' = '127.0.0.1',
): Promise<RecordingServer> {
  const requests: RecordingServer['requests'] = [];
  const server = http.createServer((request, response) => {
    requests.push({ path: request.url ?? '', authorization: request.headers.authorization ?? null });
    const { status, body, headers } = answer(request.url ?? '');
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
