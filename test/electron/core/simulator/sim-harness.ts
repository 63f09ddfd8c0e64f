/**
 * Helpers for the simulator's tests: a simulator whose clock stands still (so bodies can be
 * compared with the engine at one instant), and requests read the way the client reads them
 * (lossless-json, then the wire schemas).
 */
import { parse } from 'lossless-json';
import { afterAll, beforeAll } from 'vitest';
import {
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from '../../../../electron/core/simulator/index';

export const ADMIN_KEY = 'sk-admin-TEST0123456789abcdefghijklmnop';
export const PROJECT_KEY = 'sk-proj-TEST0123456789abcdefghijklmnop';

/** A Sunday morning, 10:30 UTC: not midnight, so buckets from "now − N days" start unaligned. */
export const START_AT = Date.parse('2026-03-01T10:30:00Z');
export const DAY_MS = 86_400_000;

/** One simulated microsecond per real second: the clock stays on one millisecond for the whole suite. */
export const FROZEN = 1e-6;

/**
 * Starts a simulator before the file's tests and closes it after them (also when they fail).
 * The getter is only valid inside tests.
 */
export function useSimulator(options: SimulatorOptions = {}): () => RunningSimulator {
  let simulator: RunningSimulator | undefined;
  beforeAll(async () => {
    simulator = await startSimulator({ startAt: START_AT, speed: FROZEN, ...options });
  });
  afterAll(async () => {
    await simulator?.close();
  });
  return () => {
    if (simulator === undefined) throw new Error('the simulator is not running');
    return simulator;
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The body read with lossless-json (numbers as LosslessNumber), or undefined if not JSON. */
  json: unknown;
  /** The body read with JSON.parse (plain numbers), or undefined if not JSON. */
  plain: unknown;
}

export async function request(
  url: string,
  init: { method?: string; key?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key !== undefined && init.key !== null) headers.authorization = `Bearer ${init.key}`;
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  });
  const text = await response.text();
  const read = (reader: (text: string) => unknown): unknown => {
    try {
      return reader(text);
    } catch {
      return undefined;
    }
  };
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: read(parse),
    plain: read(JSON.parse),
  };
}

/** `GET` with the admin key. */
export const adminGet = (url: string): Promise<Answer> => request(url, { key: ADMIN_KEY });

/** Unix seconds. */
export const unix = (ms: number): number => Math.floor(ms / 1000);

/** A page as plain JSON, for walking. */
export interface PlainPage<R> {
  object: string;
  data: { object: string; start_time: number; end_time: number; results: R[] }[];
  has_more: boolean;
  next_page: string | null;
}
