/**
 * Colours for up to 30 clusters (the sweep's largest k): a categorical palette, repeated with a darker
 * shade past its length, so that neighbouring cluster numbers look different.
 */
const PALETTE = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
  '#393b79',
  '#e6550d',
  '#31a354',
  '#843c39',
  '#7b4173',
];

export function clusterColour(cluster: number): string {
  const base = PALETTE[cluster % PALETTE.length];
  if (cluster < PALETTE.length) return base;
  // A darker variant: each RGB channel at 60%.
  const [r, g, b] = [1, 3, 5].map((i) => Math.round(parseInt(base.slice(i, i + 2), 16) * 0.6));
  return `rgb(${r}, ${g}, ${b})`;
}
