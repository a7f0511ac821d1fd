/**
 * Results of a regression run: there is no confusion matrix for continuous targets, so the
 * errors are given as numbers in the target's own units, with what they mean.
 */
import type { ReactElement } from 'react';
import type { RunResults } from '../../src-shared/ipc/contract-training.js';
import { num } from './format.js';

export function RegressionSummary({ results }: { results: RunResults }): ReactElement {
  const rmse = results.mse !== undefined ? Math.sqrt(results.mse) : undefined;
  return (
    <section className="card" aria-labelledby="regression-title">
      <h3 id="regression-title" className="card__title">
        Prediction error on the test split
      </h3>
      <dl className="tiles tiles--inline">
        <div className="tile">
          <dt>Mean absolute error</dt>
          <dd>{num(results.mae)}</dd>
        </div>
        <div className="tile">
          <dt>Mean squared error</dt>
          <dd>{num(results.mse)}</dd>
        </div>
        <div className="tile">
          <dt>Root mean squared error</dt>
          <dd>{num(rmse)}</dd>
        </div>
      </dl>
      <p className="card__note">
        A regression model predicts a number, so there is no confusion matrix. MAE is the typical distance between the predicted and the
        actual value, in the target’s units; RMSE weighs large misses more. Plotted as predicted against actual, a good model’s points lie
        close to the diagonal; points far from it are the samples to inspect in the CSV.
      </p>
    </section>
  );
}
