/** The task the model is validated against, from the document's dataset and its inspection. */
import type { TaskInfo } from '../../src-shared/graph/validate.js';
import { useEditor, useTraining } from '../app/editor-context.js';
import { taskFor } from './dataset-task.js';

export function useDatasetTask(): TaskInfo | null {
  const dataset = useEditor((s) => s.doc.dataset);
  const state = useTraining((s) => s.dataset);
  return taskFor(dataset, state);
}
