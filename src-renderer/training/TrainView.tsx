/** The Train workspace: training settings on the left, the live dashboard beside them. */
import type { ReactElement } from 'react';
import { TrainDashboard } from './TrainDashboard.js';
import { TrainingSettingsPanel } from './TrainingSettingsPanel.js';
import { useAutoInspect } from '../datasets/useAutoInspect.js';

export function TrainView(): ReactElement {
  // The output check needs the dataset's classes; inspect it if that has not happened yet.
  useAutoInspect();
  return (
    <div className="train-view">
      <TrainingSettingsPanel />
      <TrainDashboard />
    </div>
  );
}
