/**
 * Keeps the training session (host events → live run → doc.runs) running for the app's
 * lifetime, whatever workspace is shown: a run started in Train keeps updating while the user
 * edits in Design.
 */
import { useEffect } from 'react';
import { useServices } from '../app/editor-context.js';
import { startTrainingSession } from './session.js';

export function useTrainingSession(): void {
  const { store, training, host } = useServices();
  useEffect(() => startTrainingSession({ store, training, host }), [store, training, host]);
}
