import { useEffect, useRef, useState } from 'react';
import type * as PlotlyModule from 'plotly.js-dist-min';
import type { PlotData, PlotLayout } from 'plotly.js-dist-min';

/** plotly is large, so it loads the first time a chart is on screen, not with the page. */
let plotly: Promise<typeof PlotlyModule> | null = null;
function loadPlotly() {
  plotly ??= import('plotly.js-dist-min');
  return plotly;
}

export interface PlotProps {
  data: PlotData[];
  layout?: PlotLayout;
  /** Accessible name of the chart, also used to find it in tests. */
  title: string;
  height?: number;
}

function themeLayout(): PlotLayout {
  const style = getComputedStyle(document.documentElement);
  const text = style.getPropertyValue('--text').trim() || '#222';
  const grid = style.getPropertyValue('--grid').trim() || '#ddd';
  return {
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: { color: text, size: 12 },
    margin: { l: 56, r: 16, t: 36, b: 48 },
    xaxis: { gridcolor: grid, zerolinecolor: grid },
    yaxis: { gridcolor: grid, zerolinecolor: grid },
  };
}

function mergeLayout(base: PlotLayout, extra: PlotLayout): PlotLayout {
  const out: PlotLayout = { ...base, ...extra };
  for (const axis of ['xaxis', 'yaxis']) {
    out[axis] = { ...(base[axis] as object), ...(extra[axis] as object | undefined) };
  }
  return out;
}

/** A plotly chart that redraws when its data or layout objects change identity. */
export function Plot({ data, layout = {}, title, height = 280 }: PlotProps) {
  const root = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    loadPlotly()
      .then((Plotly) => {
        if (cancelled || !root.current) return;
        const full = mergeLayout(themeLayout(), {
          title: { text: title, font: { size: 14 } },
          height,
          ...layout,
        });
        return Plotly.react(root.current, data, full, {
          responsive: true,
          displaylogo: false,
          modeBarButtonsToRemove: ['lasso2d', 'select2d'],
          toImageButtonOptions: {
            format: 'png',
            filename: title.replace(/[^\w-]+/g, '-').toLowerCase(),
          },
        });
      })
      .catch((error: Error) => setFailed(error.message));
    return () => {
      cancelled = true;
    };
  }, [data, layout, title, height]);

  useEffect(() => {
    const node = root.current;
    return () => {
      if (node) void loadPlotly().then((Plotly) => Plotly.purge(node));
    };
  }, []);

  if (failed)
    return (
      <p className="error">
        The chart “{title}” could not be drawn: {failed}
      </p>
    );
  return (
    <div
      ref={root}
      className="plot"
      role="img"
      aria-label={title}
      data-plot={title}
      style={{ minHeight: height }}
    />
  );
}
