/**
 * Renderer entry: picks the transport, creates the store and the file commands, renders the
 * editor, then loads the first document (the MLP template) and checks for recoverable work.
 */
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/theme.css';
import './styles/app.css';
import './styles/canvas.css';
import './styles/panels.css';
import './styles/dialogs.css';
import './styles/workspaces.css';
import './styles/cards.css';
import './styles/training.css';
import './styles/run-details.css';
import './styles/data.css';
import './styles/results.css';
import './styles/results-compare.css';
import './styles/results-eval.css';
import './styles/export.css';
import { App } from './app/App.js';
import { createCommands } from './app/commands.js';
import { initialTheme } from './app/useDocumentStatus.js';
import { pickHost } from './host/pick-host.js';
import { createEditorStore } from './state/store.js';
import { createTrainingStore } from './state/training-store.js';

const host = pickHost();
const store = createEditorStore({ theme: initialTheme() });
document.documentElement.dataset.theme = store.getState().theme;
const commands = createCommands(store, host);
const training = createTrainingStore();

createRoot(document.getElementById('root')!).render(<App services={{ store, host, commands, training }} />);
void commands.startup();
