export interface Stat {
  label: string;
  value: string;
  hint?: string;
}

/** Key figures as labelled tiles; each tile's label names it for tests and screen readers. */
export function StatGrid({ stats, name }: { stats: Stat[]; name: string }) {
  return (
    <dl className="stat-grid" aria-label={name}>
      {stats.map((stat) => (
        <div key={stat.label} className="stat" title={stat.hint}>
          <dt>{stat.label}</dt>
          <dd data-stat={stat.label}>{stat.value}</dd>
        </div>
      ))}
    </dl>
  );
}
