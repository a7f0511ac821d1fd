/** Text lines for `netwright predict`: one line per image, the top classes with percentages. */
import type { ImagePrediction } from '../../export/inference.js';

export function inferenceResults(results: ImagePrediction[]): string[] {
  return results.map((r) => {
    if (r.error) return `${r.file}: cannot read (${r.error})`;
    if (r.top) return `${r.file}: ${r.top.map((t) => `${t.className} ${(100 * t.probability).toFixed(1)}%`).join(', ')}`;
    return `${r.file}: ${(r.values ?? []).map((v) => v.toPrecision(6)).join(', ')}`;
  });
}
