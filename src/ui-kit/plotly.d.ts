// The slice of plotly.js this app uses. plotly.js-strict-dist-min ships no types, and @types/plotly.js describes the
// full package with many loose `any`s; these few declarations are what the Plot component relies on.
declare module 'plotly.js-strict-dist-min' {
  export type PlotData = Record<string, unknown>;
  export type PlotLayout = Record<string, unknown>;
  export interface PlotConfig {
    responsive?: boolean;
    displaylogo?: boolean;
    displayModeBar?: boolean | 'hover';
    modeBarButtonsToRemove?: string[];
    modeBarButtons?: string[][];
    showSendToCloud?: boolean;
    plotlyServerURL?: string;
    toImageButtonOptions?: Record<string, unknown>;
  }
  export function react(
    root: HTMLElement,
    data: PlotData[],
    layout?: PlotLayout,
    config?: PlotConfig,
  ): Promise<HTMLElement>;
  export function purge(root: HTMLElement): void;
  /** Defaults for every chart drawn after the call. */
  export function setPlotConfig(config: PlotConfig): void;
  export function toImage(
    root: HTMLElement,
    options: { format: 'png' | 'svg'; width?: number; height?: number; scale?: number },
  ): Promise<string>;
  const Plotly: {
    react: typeof react;
    purge: typeof purge;
    toImage: typeof toImage;
    setPlotConfig: typeof setPlotConfig;
  };
  export default Plotly;
}
