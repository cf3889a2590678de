import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser/harness';
import { waitForCell } from '../helpers/browser/notebook-pages';
import { browserSession } from '../helpers/browser/session';

const session = browserSession();

describe('Export as Python', () => {
  it('downloads a project with this notebook’s seed and parameters, generated in the page', async () => {
    const { page, errors } = await openPage(
      await session.browser.newContext({ acceptDownloads: true }),
      `${session.server.url}#v=1&seed=17&data=sample&subset.users=300&subset.movies=90&lstm.units=32&sequences.cap=7`,
    );
    await waitForCell(page, 'subset');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export as Python' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('prize-lab-python.zip');
    const zip = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    const names = Object.keys(zip);
    for (const file of ['README.md', 'requirements.txt', 'config.json', 'notebook.ipynb', 'run.py'])
      expect(names).toContain(`prize-lab/${file}`);
    const config = JSON.parse(strFromU8(zip['prize-lab/config.json'])) as Record<string, unknown>;
    const text = JSON.stringify(config);
    expect(text).toContain('"seed":17');
    expect(text).toContain('sample_ratings.txt.gz');
    // The catalog values travel under the page's own keys.
    expect(text).toMatch(/"lstm\.units":\s*"?32/);
    expect(text).toMatch(/"subset\.users":\s*"?300/);
    expect(text).toMatch(/"sequences\.cap":\s*"?7/);
    expect(errors).toEqual([]);
  });
});
