/**
 * The `/v1` routes: OpenAI's Admin API for costs and completion usage, the legacy credit-grants
 * summary (refused as OpenAI refuses it, except where the scenario lists its grants), the
 * organisation's spend limit, and chat
 * completions that bill the account and fail once its credit is gone.
 */
import { z } from 'zod';
import type { WireCreditGrants, WirePage, WireSpendLimit } from '../openai/wire';
import { completionResults, costResults, type RecordSource } from './buckets';
import {
  COMPLETIONS_RULES,
  COSTS_RULES,
  readBucketQuery,
  type BucketQuery,
  type EndpointRules,
} from './bucket-query';
import { MODELS, PROJECTS, modelIndex, projectIndex } from './catalog';
import type { Reply, Route, SimRequest } from './exchange';
import {
  badRequest,
  insufficientQuota,
  invalidApiKey,
  missingScopes,
  openAiError,
  sessionKeyRequired,
} from './openai-errors';
import { encodeCursor, pageWindows, WIDTH_MS, type BucketWindow } from './pagination';
import type { Simulation } from './simulation';
import { callRecords } from './usage-record';

/** What OpenAI's keys look like: `sk-`, then letters, digits, `-` and `_`. */
const KEY = /^sk-[A-Za-z0-9_-]+$/;

/**
 * The request's key, or the 401/403 to answer. Admin endpoints want an `sk-admin-` key; other
 * well-formed keys are refused with OpenAI's "Missing scopes" (billing-apis.md §1.1).
 */
function authorize(request: SimRequest, admin: boolean): Reply | null {
  const header = request.headers.authorization;
  if (header === undefined) return invalidApiKey(null);
  const match = /^Bearer +(\S+) *$/i.exec(header);
  const key = match?.[1] ?? header.replace(/^Bearer +/i, '').trim();
  if (match === null || !KEY.test(key)) return invalidApiKey(key);
  if (admin && !key.startsWith('sk-admin-')) return missingScopes();
  return null;
}

function bucketPage<R>(
  request: SimRequest,
  sim: Simulation,
  rules: EndpointRules,
  results: (source: RecordSource, window: BucketWindow, query: BucketQuery, now: number) => R[],
): Reply {
  const denied = authorize(request, true);
  if (denied !== null) return denied;
  const query = readBucketQuery(request.query, rules, request.path);
  if ('param' in query) return badRequest(query.message, query.param);
  const now = sim.clock.now();
  const { windows, next } = pageWindows(query.from, query.end, now, WIDTH_MS[query.width], query.limit);
  const source: RecordSource = (from, to, visit) => sim.log.forEachBetween(from, to, visit);
  const page: WirePage<R> = {
    object: 'page',
    data: windows.map((window) => ({
      object: 'bucket',
      start_time: Math.floor(window.start / 1000),
      end_time: Math.floor(window.end / 1000),
      results: results(source, window, query, now),
    })),
    has_more: next !== null,
    next_page: next === null ? null : encodeCursor(next, query.fingerprint),
  };
  return { status: 200, body: page };
}

const seconds = (ms: number): number => Math.floor(ms / 1000);
const dollars = (micros: bigint): number => Number(micros) / 1_000_000;

function creditGrants(request: SimRequest, sim: Simulation): Reply {
  const denied = authorize(request, true);
  if (denied !== null) return denied;
  if (!sim.scenario.listsGrants) return sessionKeyRequired(request.method, request.path);
  const state = sim.account.balanceAt(sim.clock.now());
  const body: WireCreditGrants = {
    object: 'credit_summary',
    total_granted: dollars(state.totals.granted),
    total_used: dollars(state.totals.used),
    total_available: dollars(state.available),
    grants: {
      object: 'list',
      data: state.grants.map((grant) => ({
        object: 'credit_grant',
        id: grant.id,
        grant_amount: dollars(grant.amount),
        used_amount: dollars(grant.used),
        effective_at: seconds(grant.effectiveAt),
        expires_at: seconds(grant.expiresAt),
      })),
    },
  };
  return { status: 200, body };
}

/** The scenario's spend limit; a 404 when it has none (what OpenAI answers then is unverified, §8.5). */
function spendLimit(request: SimRequest, sim: Simulation): Reply {
  const denied = authorize(request, true);
  if (denied !== null) return denied;
  const cents = sim.scenario.spendLimitCents;
  if (cents === null) {
    return openAiError(404, 'No spend limit is set for this organization.', 'invalid_request_error', null);
  }
  const body: WireSpendLimit = {
    object: 'organization.spend_limit',
    threshold_amount: cents,
    currency: 'USD',
    interval: 'month',
    enforcement: { status: 'enforcing' },
  };
  return { status: 200, body };
}

const chatBody = z.looseObject({
  model: z.string({ error: 'you must provide a model parameter' }),
  messages: z.array(z.unknown(), { error: "Missing required parameter: 'messages'." }).min(1, {
    error: "Invalid 'messages': empty array. Expected an array with minimum length 1.",
  }),
  stream: z.boolean().optional(),
});

const CANNED_REPLY = 'Hello from the Saldo billing simulator.';
const CANNED_REPLY_TOKENS = 9;

function chatCompletions(request: SimRequest, sim: Simulation): Reply {
  const denied = authorize(request, false);
  if (denied !== null) return denied;
  let json: unknown;
  try {
    json = JSON.parse(request.body);
  } catch {
    return badRequest(
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP " +
        'library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)',
      null,
    );
  }
  const parsed = chatBody.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return badRequest(issue.message, issue.path.map(String).join('.') || null);
  }
  const { model: modelId, messages, stream } = parsed.data;
  if (stream === true) return badRequest('The simulator does not stream; send stream: false.', 'stream');
  const model = modelIndex(modelId);
  if (model === undefined || MODELS[model]!.kind !== 'chat') {
    return openAiError(
      404,
      `The model \`${modelId.slice(0, 80)}\` does not exist or you do not have access to it.`,
      'invalid_request_error',
      'model_not_found',
    );
  }
  const now = sim.clock.now();
  if (sim.account.balanceAt(now).quotaExhausted) return insufficientQuota();

  const header = request.headers['openai-project'];
  const named = typeof header === 'string' ? projectIndex(header) : undefined;
  const project = named ?? sim.scenario.projects[0]!;
  // About four characters a token: enough for a bill that grows with what was sent.
  const promptTokens = Math.max(1, Math.ceil(JSON.stringify(messages).length / 4));
  sim.log.addCall(
    callRecords(now, project, model, {
      input: promptTokens,
      cached: 0,
      output: CANNED_REPLY_TOKENS,
      requests: 1,
    }),
  );
  return {
    status: 200,
    headers: { 'openai-project': PROJECTS[project]!.id },
    body: {
      id: `chatcmpl-sim${now.toString(36)}`,
      object: 'chat.completion',
      created: seconds(now),
      model: modelId,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: CANNED_REPLY, refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: CANNED_REPLY_TOKENS,
        total_tokens: promptTokens + CANNED_REPLY_TOKENS,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0 },
      },
      service_tier: 'default',
      system_fingerprint: null,
    },
  };
}

export function openAiRoutes(sim: Simulation): Record<string, Route> {
  return {
    '/v1/organization/costs': { GET: (request) => bucketPage(request, sim, COSTS_RULES, costResults) },
    '/v1/organization/usage/completions': {
      GET: (request) => bucketPage(request, sim, COMPLETIONS_RULES, completionResults),
    },
    '/v1/dashboard/billing/credit_grants': { GET: (request) => creditGrants(request, sim) },
    '/v1/organization/spend_limit': { GET: (request) => spendLimit(request, sim) },
    '/v1/chat/completions': { POST: (request) => chatCompletions(request, sim) },
  };
}
