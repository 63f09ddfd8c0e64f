/**
 * The project keeps its own copies of OpenAI's example bodies (test/fixtures/openai), so a checkout
 * alone runs every test. Where the reference they were copied from lies beside the checkout
 * (../shared/reference/fixtures), a copy that drifted from it is caught here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, FIXTURES_DIR } from './openai-test-kit';

const REFERENCE_DIR = path.resolve(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  '..',
  'shared',
  'reference',
  'fixtures',
);
const copies = readdirSync(FIXTURES_DIR).filter((name) => name.endsWith('.json'));

describe('the copies of OpenAI example bodies', () => {
  it('are there', () => {
    expect(copies.length).toBeGreaterThan(0);
  });

  it.each(copies)('%s is JSON, byte for byte the reference where it lies beside the checkout', (name) => {
    const text = fixture(name);
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    if (existsSync(REFERENCE_DIR)) expect(text).toBe(readFileSync(path.join(REFERENCE_DIR, name), 'utf8'));
  });
});
