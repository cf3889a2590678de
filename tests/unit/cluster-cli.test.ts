import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args';
import { clusterCommand } from '../../src/cli/commands/cluster';

interface ClusterOutput {
  sweep: { k: number; inertia: number; silhouette: number | null }[];
  chosenK: number | null;
}

const run = (argv: string[]) => clusterCommand(parseArgs(argv)) as Promise<ClusterOutput>;

describe('the cluster command', () => {
  it('prints the sweep and the suggested k, the same for the same seed', async () => {
    const argv = ['public/sample/sample_ratings.txt.gz', '--users', '1000', '--movies', '200'];
    const options = ['--kmin', '7', '--kmax', '12', '--seed', '3', '--ninit', '3'];
    const output = await run([...argv, ...options]);
    expect(Object.keys(output)).toEqual(['sweep', 'chosenK']);
    expect(output.sweep.map((p) => p.k)).toEqual([7, 8, 9, 10, 11, 12]);
    for (const point of output.sweep) {
      expect(Object.keys(point)).toEqual(['k', 'inertia', 'silhouette']);
      expect(point.inertia).toBeGreaterThan(0);
      expect(point.silhouette).toBeGreaterThan(-1);
    }
    const best = output.sweep.reduce((a, b) =>
      (b.silhouette ?? -2) > (a.silhouette ?? -2) ? b : a,
    );
    expect(output.chosenK).toBe(best.k);
    expect(await run([...argv, ...options])).toEqual(output);
  });

  it('explains bad options', async () => {
    const file = 'public/sample/sample_ratings.txt.gz';
    await expect(run([file, '--kmin', '9', '--kmax', '7'])).rejects.toThrow(UsageError);
    await expect(run([file, '--movies', '10', '--kmin', '7', '--kmax', '30'])).rejects.toThrow(
      /larger than the number of movies/,
    );
  });

  const movielens = '../shared/data/movielens/ml-latest-small/ratings.csv';
  it.runIf(existsSync(movielens))('clusters real MovieLens ratings', async () => {
    const output = await run([movielens, '--kmin', '7', '--kmax', '9', '--ninit', '2']);
    expect(output.sweep.map((p) => p.k)).toEqual([7, 8, 9]);
    expect(output.sweep.every((p) => Number.isFinite(p.inertia) && p.silhouette !== null)).toBe(
      true,
    );
  });
  if (!existsSync(movielens))
    console.warn(
      `skipping the MovieLens cluster test: ${movielens} is absent (the data is not in CI)`,
    );
});
