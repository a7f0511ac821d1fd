/**
 * The model summary: Keras's per-layer table (name, type, output shape, params) plus what
 * Keras leaves out and students ask about: multiply-adds and activation memory per sample.
 * The CLI, the editor's summary panel and the tests all read these same numbers.
 */
import { toKerasShape } from '../layers/common.js';
import type { Dim } from '../layers/types.js';
import type { GraphAnalysis } from './analyze.js';
import type { ProjectDocument } from './document.js';

export interface SummaryRow {
  id: string;
  name: string;
  type: string;
  /** As Keras writes it: batch first, `null` for unknown. Null when the shape could not be inferred. */
  outputShape: Dim[] | null;
  params: number;
  trainable: number;
  nonTrainable: number;
  macs: number;
  /** Names of the layers feeding this one, in input order (Keras's "Connected to"). */
  inputs: string[];
}

export interface ModelSummary {
  name: string;
  rows: SummaryRow[];
  totalParams: number;
  trainableParams: number;
  nonTrainableParams: number;
  macs: number;
  /** float32 bytes of every layer output for one sample (unknown dims count as 1). */
  activationBytes: number;
  /** True when the graph is not one chain, so the table shows where each layer's inputs come from. */
  branched: boolean;
}

/** Layer order: the document's own when it is topological (imports keep Keras's order), else topological. */
function rowOrder(doc: ProjectDocument, analysis: GraphAnalysis): string[] {
  const pos = new Map(doc.nodes.map((n, i) => [n.id, i]));
  const docOrderIsTopological = doc.edges.every((e) => (pos.get(e.source) ?? 0) < (pos.get(e.target) ?? 0));
  return docOrderIsTopological && analysis.topology.cyclic.length === 0 ? doc.nodes.map((n) => n.id) : analysis.topology.order;
}

export function summarizeModel(doc: ProjectDocument, analysis: GraphAnalysis): ModelSummary {
  // Keras's Sequential summary has no InputLayer row; Functional models list it.
  const hideInputs = doc.importedFrom?.modelClass === 'Sequential';
  const nameOf = new Map(doc.nodes.map((n) => [n.id, n.name]));
  const rows: SummaryRow[] = [];
  let activationElements = 0;
  for (const id of rowOrder(doc, analysis)) {
    const a = analysis.nodes.get(id)!;
    const out = a.output;
    if (out) activationElements += out.reduce<number>((n, d) => n * (d ?? 1), 1);
    if (hideInputs && a.node.type === 'Input') continue;
    const trainable = a.params?.trainable ?? 0;
    const nonTrainable = a.params?.nonTrainable ?? 0;
    rows.push({
      id,
      name: a.node.name,
      type: a.node.type === 'Input' ? 'InputLayer' : a.node.type,
      outputShape: out ? toKerasShape(out) : null,
      params: trainable + nonTrainable,
      trainable,
      nonTrainable,
      macs: a.macs,
      inputs: (analysis.topology.incoming.get(id) ?? []).map((e) => nameOf.get(e.source) ?? e.source),
    });
  }
  const sum = (f: (r: SummaryRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  return {
    name: doc.name,
    rows,
    totalParams: sum((r) => r.params),
    trainableParams: sum((r) => r.trainable),
    nonTrainableParams: sum((r) => r.nonTrainable),
    macs: sum((r) => r.macs),
    activationBytes: activationElements * 4,
    branched: rows.some((r) => r.inputs.length > 1) || doc.edges.length !== new Set(doc.edges.map((e) => e.source)).size,
  };
}

/** `1,234,567` */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** `3.1 MB`, `512 B`: binary multiples spelled KB/MB, as Keras prints sizes. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${i === 0 ? v : v.toFixed(v < 10 ? 2 : 1)} ${units[i]}`;
}

/** Keras spells shapes as Python tuples: `(None, 26, 26, 32)`, `(None, 10)`. */
export function formatKerasShape(shape: Dim[] | null): string {
  if (!shape) return '?';
  const parts = shape.map((d) => (d === null ? 'None' : String(d)));
  return `(${parts.join(', ')}${parts.length === 1 ? ',' : ''})`;
}

/** The Keras-style text table, with MACs and activation memory added. */
export function formatSummaryTable(s: ModelSummary): string {
  const cols = [
    { title: 'Layer (type)', get: (r: SummaryRow) => `${r.name} (${r.type})` },
    { title: 'Output Shape', get: (r: SummaryRow) => formatKerasShape(r.outputShape) },
    { title: 'Param #', get: (r: SummaryRow) => formatCount(r.params) },
    { title: 'MACs', get: (r: SummaryRow) => formatCount(r.macs) },
    ...(s.branched ? [{ title: 'Connected to', get: (r: SummaryRow) => r.inputs.join(', ') }] : []),
  ];
  const cells = s.rows.map((r) => cols.map((c) => c.get(r)));
  const widths = cols.map((c, i) => Math.max(c.title.length, ...cells.map((row) => row[i]!.length)) + 2);
  const line = (values: string[]) => ` ${values.map((v, i) => v.padEnd(widths[i]!)).join('')}`.trimEnd();
  const total = widths.reduce((a, b) => a + b, 1);
  const out = [`Model: "${s.name}"`, '_'.repeat(total), line(cols.map((c) => c.title)), '='.repeat(total)];
  cells.forEach((row, i) => {
    out.push(line(row));
    out.push(i === cells.length - 1 ? '='.repeat(total) : '');
  });
  if (cells.length === 0) out.push('='.repeat(total));
  out.push(`Total params: ${formatCount(s.totalParams)} (${formatBytes(s.totalParams * 4)})`);
  out.push(`Trainable params: ${formatCount(s.trainableParams)} (${formatBytes(s.trainableParams * 4)})`);
  out.push(`Non-trainable params: ${formatCount(s.nonTrainableParams)} (${formatBytes(s.nonTrainableParams * 4)})`);
  out.push(`Multiply-adds per sample: ${formatCount(s.macs)}`);
  out.push(`Activation memory per sample: ${formatBytes(s.activationBytes)} (float32)`);
  out.push('_'.repeat(total));
  return out.join('\n');
}
