/**
 * Distinct colours for compared runs, one per position in the comparison, the same in the
 * runs list swatch, the chart lines and the table header. They are CSS variables (results.css)
 * so each theme can pick values that read well on its background; chart.js needs concrete
 * colours, hence `resolveSeriesColors` reading them from the document.
 */

const COUNT = 8;

/** A CSS colour for comparison slot `i` (wraps after eight runs). */
export function seriesColor(i: number): string {
  return `var(--series-${(i % COUNT) + 1})`;
}

/** Fallbacks when CSS is not loaded (tests) or a variable is missing. */
const FALLBACK = ['#4f46e5', '#e8590c', '#0e9f6e', '#db2777', '#0891b2', '#ca8a04', '#7c3aed', '#64748b'];

/** The concrete colours of the first `n` slots in the current theme. */
export function resolveSeriesColors(n: number, root: Element = document.documentElement): string[] {
  const style = getComputedStyle(root);
  return Array.from({ length: n }, (_, i) => {
    const value = style.getPropertyValue(`--series-${(i % COUNT) + 1}`).trim();
    return value || FALLBACK[i % COUNT]!;
  });
}

/** Any theme variable as a concrete colour (chart grid lines, tick labels). */
export function cssVar(name: string, fallback: string, root: Element = document.documentElement): string {
  return getComputedStyle(root).getPropertyValue(name).trim() || fallback;
}
