import { describe, expect, it } from 'vitest';
import { escapePlotlyText } from '../../src/lib/plotly-text';
import { movieHoverText } from '../../src/stages/explore/compute/hover-text';

describe('hover text', () => {
  it('escapes what plotly would read as markup', () => {
    expect(escapePlotlyText('<b>Bold</b> & <a href="x">link</a>')).toBe(
      '&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;a href="x"&gt;link&lt;/a&gt;',
    );
    expect(escapePlotlyText('%{x} costs %{y:.2f}')).toBe('%&#123;x&#125; costs %&#123;y:.2f&#125;');
  });

  it('names the movie, its year, ratings and mean', () => {
    const info = {
      titles: ['Tom & Jerry <3', 'Untitled'],
      years: [1999, null],
      counts: Uint32Array.from([1234, 0]),
      means: Float32Array.from([3.456, NaN]),
    };
    expect(movieHoverText(info, 0)).toBe(
      'Tom &amp; Jerry &lt;3 (1999)<br>1,234 ratings, mean 3.46',
    );
    expect(movieHoverText(info, 1)).toBe('Untitled<br>0 ratings');
  });
});
