import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/lib/csv';
import { comparisonCsv, type ComparisonRow } from '../../src/stages/compare/compute/comparison';

describe('csvField', () => {
  it('puts a quote mark before text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+cmd')).toBe("'+cmd");
    expect(csvField('-2+3+cmd|calc')).toBe("'-2+3+cmd|calc");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tlead')).toBe("'\tlead");
    expect(csvField('\rlead')).toBe(`"'\rlead"`);
  });

  it('leaves numbers, written as numbers or as text, and ordinary text alone', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField('-3')).toBe('-3');
    expect(csvField('+0.5')).toBe('+0.5');
    expect(csvField('-1e-5')).toBe('-1e-5');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('is what the comparison export writes, so a model label cannot become a formula', () => {
    const row: ComparisonRow = {
      id: 'x',
      model: '=cmd|"/c calc"!A0',
      family: 'rating',
      testRmse: -0.5,
      testMae: 0.7,
      valRmse: null,
      params: 3,
      trainingSeconds: 1,
      backend: '@wasm',
      epochs: 2,
      testRatings: 10,
    };
    const line = comparisonCsv([row]).split('\n')[1];
    expect(line).toBe(`"'=cmd|""/c calc""!A0",rating,-0.5,0.7,,3,1,'@wasm,2,10,0`);
  });
});
