import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** scikit-learn's numbers for small inputs, made by scripts/fixtures/cluster_fixture.py. */
export interface SklearnFixture {
  sklearn: string;
  pca: {
    matrix: number[][];
    components: number;
    explainedVariance: number[];
    explainedVarianceRatio: number[];
    /** components × columns, as scikit-learn's components_. */
    axes: number[][];
    scores: number[][];
  };
  blobs: {
    points: number[][];
    planted: number[];
    kmeansInertia: number;
    imperfectLabels: number[];
    imperfectSilhouette: number;
  };
  agreement: {
    a: number[];
    b: number[];
    adjustedRand: number;
    normalizedMutualInformation: number;
  };
}

export const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/cluster-sklearn.json'), 'utf8'),
) as SklearnFixture;
