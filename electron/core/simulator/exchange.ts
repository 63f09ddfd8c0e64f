/**
 * A request as the routes see it and the reply they give, with no Node HTTP objects in sight:
 * routes stay plain functions, the HTTP edge (http-edge.ts) does the reading and writing.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The body as text ('' when none). */
  body: string;
}

export interface Reply {
  status: number;
  /** Written as JSON (lossless-json, so exact amounts stay exact). */
  body?: unknown;
  /** Written as is, instead of `body`. */
  text?: string;
  headers?: Record<string, string>;
}

export type Handler = (request: SimRequest) => Reply | Promise<Reply>;

/** Handlers of one path by method. */
export type Route = Partial<Record<'GET' | 'POST' | 'PUT' | 'DELETE', Handler>>;
