import { describe, expect, it } from 'vitest';
import { formatTable } from './support/print-figures';

describe('the proof figures table', () => {
  it('lines up each proof, figure, measurement and target in columns', () => {
    const table = formatTable([
      { proof: 'crash consistency', label: 'lost entries', value: '0 of 400', target: '0' },
      { proof: 'bridge fuzz', label: '5xx answers', value: '0' },
    ]);
    expect(table.split('\n')).toEqual([
      'Proof              Figure        Measured  Target',
      'crash consistency  lost entries  0 of 400  0',
      'bridge fuzz        5xx answers   0',
    ]);
  });
});
