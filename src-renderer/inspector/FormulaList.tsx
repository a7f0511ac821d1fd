/**
 * "How it is computed": the layer's explanation from the catalog, each formula shown
 * symbolically and worked through with this layer's actual numbers.
 */
import type { ReactElement } from 'react';
import type { Explanation } from '../../src-shared/layers/types.js';

export function FormulaList({ explanation }: { explanation: Explanation }): ReactElement {
  return (
    <section className="formulas" aria-labelledby="formulas-title">
      <h3 id="formulas-title" className="section-title">
        How it is computed
      </h3>
      <p className="formulas__summary">{explanation.summary}</p>
      <dl className="formulas__list">
        {explanation.formulas.map((f, i) => (
          <div key={i} className="formula">
            <dt>{f.label}</dt>
            <dd>
              <code className="formula__symbolic">{f.symbolic}</code>
              {f.worked && <code className="formula__worked">{f.worked}</code>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
