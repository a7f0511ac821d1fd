/**
 * Inspects the document's dataset when a workspace that needs it (Data, Train) is shown and the
 * inspection is missing or describes an earlier choice. Not on Design: opening the app must not
 * start importing a large image folder.
 */
import { useEffect } from 'react';
import { useEditor, useServices } from '../app/editor-context.js';
import { datasetKey } from './dataset-task.js';
import { inspectDataset } from './dataset-commands.js';

export function useAutoInspect(): void {
  const services = useServices();
  const key = useEditor((s) => datasetKey(s.doc.dataset));
  useEffect(() => {
    void inspectDataset(services);
  }, [services, key]);
}
