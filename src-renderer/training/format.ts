/** Number formats of the Train and Data workspaces: metrics, durations, rates and sizes. */
export { formatBytes, formatCount } from '../../src-shared/graph/summary.js';
export { formatCompact } from '../inspector/SummaryPanel.js';

/** A metric the way its chart shows it: accuracy in percent, a learning rate in scientific form. */
export function formatMetric(kind: 'loss' | 'accuracy' | 'mae' | 'lr', value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (kind === 'accuracy') return `${(value * 100).toFixed(2)}%`;
  if (kind === 'lr') return formatRate(value);
  return value >= 100 ? value.toFixed(1) : value.toPrecision(4);
}

/** A learning rate: 0.001 → "1e-3", 0.0025 → "2.5e-3", 0.1 → "0.1". */
export function formatRate(value: number): string {
  if (value === 0) return '0';
  if (value >= 0.01) return String(Number(value.toPrecision(3)));
  const [mantissa, exponent] = value.toExponential(2).split('e');
  return `${Number(mantissa)}e${Number(exponent)}`;
}

/** Seconds as "42 s", "3 min 05 s", "1 h 12 min". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** Throughput: "1,234 samples/s", "12.3 samples/s". */
export function formatThroughput(samplesPerSecond: number | null): string {
  if (samplesPerSecond === null || !Number.isFinite(samplesPerSecond)) return '—';
  return samplesPerSecond >= 100 ? Math.round(samplesPerSecond).toLocaleString('en-US') : samplesPerSecond.toFixed(1);
}

export const percent = (f: number): string => `${Math.round(f * 100)}%`;
