import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../../../src-shared/graph/project-file.js';
import { summarizeModel } from '../../../../src-shared/graph/summary.js';
import { validateDocument } from '../../../../src-shared/graph/validate.js';
import { renderRegressionCsv, renderTemplates } from '../../../../scripts/make-templates.js';

const templates = renderTemplates();
const read = (rel: string) => readFileSync(new URL(`../../../../${rel}`, import.meta.url), 'utf8');

describe('bundled templates', () => {
  it.each(templates.map((t) => [t.file, t] as const))('%s is up to date with scripts/make-templates.ts', (_f, t) => {
    expect(read(`assets/templates/${t.file}`)).toBe(t.text);
  });

  it('the regression CSV is up to date', () => {
    expect(read('assets/datasets/synthetic-regression.csv')).toBe(renderRegressionCsv());
  });

  it.each(templates.map((t) => [t.file, t] as const))('%s loads and validates with no errors or warnings', (_f, t) => {
    const loaded = parseProject(t.text);
    if (!loaded.ok) throw new Error(loaded.error);
    const task = loaded.doc.dataset?.kind === 'csv' ? ({ task: 'regression', outputs: 1 } as const) : undefined;
    const { findings } = validateDocument(loaded.doc, task);
    expect(findings).toEqual([]);
  });

  it('covers what the course teaches: 1×1 convolutions, an LSTM, a linear regression output', () => {
    const docs = templates.map((t) => {
      const r = parseProject(t.text);
      if (!r.ok) throw new Error(r.error);
      return r.doc;
    });
    const all = docs.flatMap((d) => d.nodes);
    expect(all.some((n) => n.type === 'Conv2D' && JSON.stringify(n.params.kernelSize) === '[1,1]')).toBe(true);
    expect(all.some((n) => n.type === 'LSTM')).toBe(true);
    const regression = docs.find((d) => d.dataset?.kind === 'csv')!;
    expect(regression.nodes.at(-1)!.params.activation).toBe('linear');
    const lstm = docs.find((d) => d.nodes.some((n) => n.type === 'LSTM'))!;
    const summary = summarizeModel(lstm, validateDocument(lstm, null).analysis);
    // 4 gates × 64 units × (28 inputs + 64 recurrent + 1 bias)
    expect(summary.rows.find((r) => r.type === 'LSTM')!.params).toBe(4 * 64 * (28 + 64 + 1));
  });
});
