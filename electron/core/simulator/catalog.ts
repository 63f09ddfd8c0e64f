/**
 * The simulated organisation's projects and models, with list prices. Usage is generated as token
 * counts and priced here, so the costs endpoint (dollars) and the usage endpoint (tokens) always
 * agree: every cost is `tokens × price` of one line item.
 */

export interface Project {
  id: string;
  name: string;
}

export const PROJECTS = [
  { id: 'proj_web', name: 'Web app' },
  { id: 'proj_batch', name: 'Nightly batch' },
  { id: 'proj_research', name: 'Research' },
  { id: 'proj_default', name: 'Default project' },
] as const satisfies readonly Project[];

export type ProjectIndex = number;

/** What a usage record is billed as. Embedding models only have `input`. */
export type LineItemKind = 'input' | 'cached' | 'output';

export interface Model {
  id: string;
  /** `chat` models are in `/usage/completions`; `embedding` ones only in costs (as at OpenAI). */
  kind: 'chat' | 'embedding';
  /** List prices in micro-dollars per million tokens ($2.50 / 1M tokens = 2_500_000). */
  price: Record<LineItemKind, number>;
}

// Prices as OpenAI lists them per million tokens (input, cached input, output).
export const MODELS = [
  { id: 'gpt-4o', kind: 'chat', price: { input: 2_500_000, cached: 1_250_000, output: 10_000_000 } },
  { id: 'gpt-4o-mini', kind: 'chat', price: { input: 150_000, cached: 75_000, output: 600_000 } },
  { id: 'o4-mini', kind: 'chat', price: { input: 1_100_000, cached: 275_000, output: 4_400_000 } },
  { id: 'text-embedding-3-small', kind: 'embedding', price: { input: 20_000, cached: 0, output: 0 } },
] as const satisfies readonly Model[];

export type ModelIndex = number;

export function projectIndex(id: string): ProjectIndex | undefined {
  const index = PROJECTS.findIndex((project) => project.id === id);
  return index < 0 ? undefined : index;
}

export function modelIndex(id: string): ModelIndex | undefined {
  const index = MODELS.findIndex((model) => model.id === id);
  return index < 0 ? undefined : index;
}

const ITEM_LABEL: Record<LineItemKind, string> = {
  input: 'input',
  cached: 'cached input',
  output: 'output',
};

/** The costs endpoint's `line_item` as OpenAI writes it: `"<model>, input"`, `"<model>, output"`. */
export function lineItemName(model: ModelIndex, kind: LineItemKind): string {
  return `${MODELS[model]!.id}, ${ITEM_LABEL[kind]}`;
}

/**
 * The cost of `tokens` of one line item in micro-dollars, rounded half up. Integer arithmetic:
 * tokens × price stays below 2^53 for any hour of traffic (10^8 tokens × 10^7).
 */
export function costMicros(model: ModelIndex, kind: LineItemKind, tokens: number): number {
  const scaled = tokens * MODELS[model]!.price[kind];
  const whole = Math.floor(scaled / 1_000_000);
  return scaled - whole * 1_000_000 >= 500_000 ? whole + 1 : whole;
}

/** Micro-dollars per token of a chat call, all its input and output line items together. */
export function blendedMicrosPerInputToken(
  model: ModelIndex,
  cachedShare: number,
  outputRatio: number,
): number {
  const { price } = MODELS[model]!;
  return (
    ((1 - cachedShare) * price.input + cachedShare * price.cached + outputRatio * price.output) / 1_000_000
  );
}
