/**
 * chart.js setup shared by the live dashboard and the dataset chart: the components registered
 * once, and colours read from the theme's CSS variables (chart.js draws on a canvas and cannot
 * use var(--x) itself), so charts follow light and dark.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, BarController, BarElement, CategoryScale, Filler, Legend, Tooltip);

export { Chart };

/** A theme variable as a concrete colour; `fallback` where CSS is not loaded (tests). */
export function themeColor(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export interface ChartTheme {
  text: string;
  grid: string;
  font: { family: string; size: number };
  train: string;
  trainSoft: string;
  validation: string;
  test: string;
  lr: string;
  lrSoft: string;
}

export function chartTheme(): ChartTheme {
  return {
    text: themeColor('--text-3', '#8a93a3'),
    grid: themeColor('--border', '#e3e6ec'),
    font: { family: themeColor('--font-ui', 'sans-serif'), size: 11 },
    train: themeColor('--chart-train', '#4f46e5'),
    trainSoft: themeColor('--chart-train-soft', 'rgba(79, 70, 229, 0.35)'),
    validation: themeColor('--chart-validation', '#e8590c'),
    test: themeColor('--chart-test', '#0e9f6e'),
    lr: themeColor('--chart-lr', '#0891b2'),
    lrSoft: themeColor('--chart-lr-soft', 'rgba(8, 145, 178, 0.14)'),
  };
}

/** A canvas's 2D context, or null where there is none (jsdom): callers then draw no chart. */
export function context2d(canvas: HTMLCanvasElement | null): CanvasRenderingContext2D | null {
  if (!canvas) return null;
  try {
    return canvas.getContext('2d');
  } catch {
    return null;
  }
}
