// Colours and axis styling shared by the charts. CSS variables from app/globals.css, so one chart
// serves light and dark; recharts writes them into SVG attributes, where var() resolves.

export const CHART_THEME = {
  color: {
    p50: 'var(--muted)',
    p95: 'var(--accent)',
    p99: 'var(--warn)',
    baseline: 'var(--accent)',
    rate: 'var(--accent)',
    bad: 'var(--bad)',
    selection: 'var(--accent)',
  },
  /** Event markers (a deployment's start), by how the event went. */
  marker: { bad: 'var(--bad)', ok: 'var(--ok)', muted: 'var(--muted)' },
  margin: { top: 8, right: 12, bottom: 0, left: 0 },
  /** Every time chart's y-axis: the plot starts this far in, so overlays line up with it. */
  yAxisWidth: 56,
  grid: { stroke: 'var(--border)', strokeDasharray: '3 3', vertical: false },
  axis: {
    tick: { fill: 'var(--muted)', fontSize: 11 },
    tickLine: false,
    axisLine: { stroke: 'var(--border)' },
  },
  /** The hover crosshair of line and area charts; bar charts shade the hovered step instead. */
  lineCursor: { stroke: 'var(--muted)', strokeDasharray: '3 3' },
  barCursor: { fill: 'var(--foreground)', fillOpacity: 0.06 },
  /** Band and selection fills, over the grid in both themes. */
  softFillOpacity: 0.14,
} as const
