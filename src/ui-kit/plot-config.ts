import type { PlotConfig } from 'plotly.js-strict-dist-min';

/**
 * plotly's settings for every chart of the app, set once when plotly loads (`Plotly.setPlotConfig`). The data
 * never leaves the tab: plotly 4 shows a "Share chart…" button by default that uploads the chart and its data
 * to Plotly Cloud (`showSendToCloud`, `plotlyServerURL`), so both are off, and the mode bar holds only what a
 * person needs here: zoom, pan, reset the axes and save a PNG. No plotly logo.
 */
export const APP_PLOT_CONFIG: PlotConfig = {
  displaylogo: false,
  showSendToCloud: false,
  plotlyServerURL: '',
  modeBarButtons: [['zoom2d', 'pan2d', 'resetScale2d', 'toImage']],
};
