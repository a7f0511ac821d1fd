/**
 * The inspector for one selected layer: what it is, its problems with repairs, the shapes going
 * in and out with parameter and multiply-add counts, every parameter with the right control,
 * and the formulas worked through with this layer's numbers.
 */
import type { CSSProperties, ReactElement } from 'react';
import { formatCount, formatKerasShape } from '../../src-shared/graph/summary.js';
import { getSpec } from '../../src-shared/layers/catalog.js';
import { toKerasShape } from '../../src-shared/layers/common.js';
import type { NodeAnalysis } from '../../src-shared/graph/analyze.js';
import { useAction, useEditor } from '../app/editor-context.js';
import { Icon } from '../app/Icon.js';
import { CATEGORIES, categoryColor } from '../editor/categories.js';
import { formatDims } from '../editor/node-summary.js';
import { useDatasetTask } from '../datasets/useDatasetTask.js';
import { findingsOf, getValidation } from '../state/derived.js';
import { FindingsList } from './FindingsList.js';
import { FormulaList } from './FormulaList.js';
import { NameField } from './NameField.js';
import { ParamField } from './ParamField.js';

/** Settings that rarely change a course network: folded away so shapes and formulas stay in view. */
const ADVANCED = new Set(['useBias', 'kernelInitializer', 'l2', 'recurrentActivation', 'goBackwards', 'recurrentDropout', 'maskZero']);

export function NodeInspector({ nodeId }: { nodeId: string }): ReactElement | null {
  const doc = useEditor((s) => s.doc);
  const task = useDatasetTask();
  const duplicate = useAction('edit.duplicate');
  const remove = useAction('edit.delete');
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (!node) return null;
  const validation = getValidation(doc, task);
  const analysis = validation.analysis.nodes.get(nodeId);
  const spec = getSpec(node.type);
  const findings = findingsOf(validation, nodeId);
  const output = analysis?.output ?? null;
  const explanation = output ? spec.explain({ nodeId, name: node.name, inputs: analysis!.inputs, params: node.params, output }) : null;
  const entries = Object.entries(spec.params);
  const main = entries.filter(([key]) => !ADVANCED.has(key));
  const advanced = entries.filter(([key]) => ADVANCED.has(key));
  const category = CATEGORIES.find((c) => c.category === spec.category)?.title ?? spec.category;

  return (
    <div className="node-inspector" style={{ '--cat': categoryColor(spec.category) } as CSSProperties}>
      <header className="inspector-head">
        <span className="cat-chip">{category}</span>
        <h2 className="inspector-head__title">
          {spec.label} <span className="inspector-head__type mono">{node.type}</span>
        </h2>
        <p className="inspector-head__help">{spec.help}</p>
      </header>

      <FindingsList findings={findings} showLocate={false} />
      {analysis && <ShapeStats analysis={analysis} />}

      <section className="params" aria-labelledby="params-title">
        <h3 id="params-title" className="section-title">
          Parameters
        </h3>
        <NameField nodeId={node.id} name={node.name} />
        {main.map(([key, p]) => (
          <ParamField key={key} nodeId={node.id} paramKey={key} spec={p} value={node.params[key]} />
        ))}
        {advanced.length > 0 && (
          <details className="advanced" aria-label="Advanced settings">
            <summary>Advanced ({advanced.length})</summary>
            {advanced.map(([key, p]) => (
              <ParamField key={key} nodeId={node.id} paramKey={key} spec={p} value={node.params[key]} />
            ))}
          </details>
        )}
        {Object.keys(spec.params).length === 0 && <p className="muted">{spec.label} has no settings.</p>}
      </section>

      {explanation && <FormulaList explanation={explanation} />}

      <div className="inspector-actions">
        <button type="button" className="btn" onClick={duplicate.run} disabled={!duplicate.enabled} title={duplicate.title}>
          <Icon name="duplicate" /> Duplicate
        </button>
        <button type="button" className="btn btn--danger" onClick={remove.run} disabled={!remove.enabled} title={remove.title}>
          <Icon name="trash" /> Delete
        </button>
      </div>
    </div>
  );
}

function ShapeStats({ analysis }: { analysis: NodeAnalysis }): ReactElement {
  const p = analysis.params;
  const total = p ? p.trainable + p.nonTrainable : null;
  return (
    <section className="shape-stats" aria-label="Shapes and counts">
      <div className="shape-flow">
        <div className="shape-flow__item">
          <span className="shape-flow__label">{analysis.inputs.length > 1 ? 'Inputs' : 'Input'}</span>
          {analysis.inputs.length === 0 ? (
            <span className="shape-flow__value muted">—</span>
          ) : (
            analysis.inputs.map((s, i) => (
              <span key={i} className="shape-flow__value mono" title={formatKerasShape(toKerasShape(s))}>
                {formatDims(s)}
              </span>
            ))
          )}
        </div>
        <Icon name="arrowRight" className="shape-flow__arrow" />
        <div className="shape-flow__item">
          <span className="shape-flow__label">Output</span>
          <span
            className="shape-flow__value mono shape-flow__value--out"
            title={analysis.output ? formatKerasShape(toKerasShape(analysis.output)) : undefined}
          >
            {analysis.output ? formatDims(analysis.output) : '?'}
          </span>
        </div>
      </div>
      <dl className="mini-stats">
        <div>
          <dt>Parameters</dt>
          <dd className="mono">{total === null ? '?' : formatCount(total)}</dd>
        </div>
        {p && p.nonTrainable > 0 && (
          <div>
            <dt>Non-trainable</dt>
            <dd className="mono">{formatCount(p.nonTrainable)}</dd>
          </div>
        )}
        <div>
          <dt>Multiply-adds</dt>
          <dd className="mono">{formatCount(analysis.macs)}</dd>
        </div>
      </dl>
    </section>
  );
}
