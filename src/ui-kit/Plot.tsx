import { useEffect, useRef, useState } from 'react';
import type * as PlotlyModule from 'plotly.js-strict-dist-min';
import type { PlotData, PlotLayout } from 'plotly.js-strict-dist-min';
import { chartFileName, downloadBlob } from './download';
import { escapePlotlyText } from '../lib/plotly-text';
import { APP_PLOT_CONFIG } from './plot-config';

/** plotly is large, so it loads the first time a chart is on screen, not with the page. */
let plotly: Promise<typeof PlotlyModule> | null = null;
function loadPlotly() {
  plotly ??= import('plotly.js-strict-dist-min').then((module) => {
    module.setPlotConfig(APP_PLOT_CONFIG);
    return module;
  });
  return plotly;
}

export interface PlotProps {
  data: PlotData[];
  layout?: PlotLayout;
  /** Accessible name of the chart, also used to find it in tests; drawn as plain text. */
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

/**
 * Live charts (training curves, sweeps) redraw at most this often. A plotly redraw takes the main thread
 * tens of milliseconds (more where WebGL is software-rendered); redrawing at the 20 updates a second training
 * sends took CPU that training needs: the quick tour's LSTM cell took 86 s with a redraw per update and 66 s
 * with this limit, in headless Chromium on a 2-core machine (one run each).
 */
const MIN_REDRAW_MS = 250;

/** A plotly chart that redraws when its data or layout objects change identity. */
export function Plot({ data, layout = {}, title, height = 280 }: PlotProps) {
  const root = useRef<HTMLDivElement>(null);
  const lastDrawAt = useRef(-Infinity);
  const [failed, setFailed] = useState<string | null>(null);
  /** Whether plotly has drawn the chart once: before that there is nothing to save. */
  const [drawn, setDrawn] = useState(false);
  const [saving, setSaving] = useState(false);
  const [pngFailed, setPngFailed] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    // A live chart gets new data many times a second; redraw at most every MIN_REDRAW_MS, with the latest.
    const wait = Math.max(0, lastDrawAt.current + MIN_REDRAW_MS - performance.now());
    const timer = setTimeout(() => {
      lastDrawAt.current = performance.now();
      draw();
    }, wait);
    const draw = () =>
      loadPlotly()
        .then((Plotly) => {
          if (cancelled || !root.current) return;
          const full = mergeLayout(themeLayout(), {
            // Titles can hold data (a user id, a file name): plain text, never plotly markup.
            title: { text: escapePlotlyText(title), font: { size: 14 } },
            height,
            ...layout,
          });
          return Plotly.react(root.current, data, full, {
            responsive: true,
            toImageButtonOptions: { format: 'png', filename: chartFileName(title) },
          });
        })
        .then((drawnRoot) => {
          if (drawnRoot && !cancelled) setDrawn(true);
        })
        .catch((error: Error) => setFailed(error.message));
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [data, layout, title, height]);

  useEffect(() => {
    const node = root.current;
    return () => {
      if (node) void loadPlotly().then((Plotly) => Plotly.purge(node));
    };
  }, []);

  const savePng = () => {
    const node = root.current;
    if (!node) return;
    setSaving(true);
    setPngFailed(null);
    loadPlotly()
      .then((Plotly) => chartPng(Plotly, node, height))
      .then((png) => downloadBlob(png, `${chartFileName(title)}.png`))
      .catch((error: Error) => setPngFailed(error.message))
      .finally(() => setSaving(false));
  };

  if (failed)
    return (
      <p className="error">
        The chart “{title}” could not be drawn: {failed}
      </p>
    );
  return (
    <div className="plot-frame">
      <div
        ref={root}
        className="plot"
        role="img"
        aria-label={title}
        data-plot={title}
        style={{ minHeight: height }}
      />
      <div className="plot-actions">
        <button
          type="button"
          className="small"
          onClick={savePng}
          disabled={!drawn || saving}
          aria-label={`Download the chart “${title}” as PNG`}
        >
          Download PNG
        </button>
      </div>
      {pngFailed && (
        <p className="error">
          The PNG of “{title}” could not be made: {pngFailed}
        </p>
      )}
    </div>
  );
}

/**
 * The chart as drawn, at twice its size on screen, as a PNG Blob. plotly's `toImage` draws WebGL traces
 * (scattergl) too; its background is transparent, as on the page, so the image is laid on the page's
 * background colour, and text stays readable wherever the PNG is shown (dark text on a dark viewer, or the
 * dark theme's light text on white, would not be).
 */
async function chartPng(
  Plotly: typeof PlotlyModule,
  node: HTMLElement,
  height: number,
): Promise<Blob> {
  const scale = 2;
  const width = node.clientWidth || 800;
  const url = await Plotly.toImage(node, { format: 'png', width, height, scale });
  const image = new Image();
  image.src = url;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw on a canvas');
  context.fillStyle =
    getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no image'))),
      'image/png',
    ),
  );
}
