/**
 * "Try it" as state: an image arrives (a chosen file, a dropped file, a dragged picture's data
 * URL), is read into a data URL and sent to `predict:image`. The answer or a plain-words
 * failure becomes the state; a newer image wins over an older one still in flight.
 */
import { useCallback, useRef, useState } from 'react';
import { useServices } from '../app/editor-context.js';
import type { Probability } from './ProbabilityBars.js';

/** The contract accepts data URLs up to 20 MB; base64 adds a third, so the file must be smaller. */
const MAX_FILE_BYTES = 14_000_000;
const TOP = 5;

export type TryItState =
  | { status: 'idle' }
  | { status: 'working'; original: string | null; name: string }
  | { status: 'done'; original: string; name: string; input: string; top: Probability[] }
  | { status: 'error'; title: string; message: string; hint: string };

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

export function useTryIt(runDir: string): {
  state: TryItState;
  tryFile(file: File): Promise<void>;
  tryDataUrl(url: string, name: string): Promise<void>;
} {
  const { host } = useServices();
  const [state, setState] = useState<TryItState>({ status: 'idle' });
  const latest = useRef(0);

  const tryDataUrl = useCallback(
    async (url: string, name: string) => {
      const ticket = ++latest.current;
      setState({ status: 'working', original: url, name });
      const r = await host.call('predict:image', { runDir, image: { dataUrl: url }, top: TOP });
      if (ticket !== latest.current) return;
      if (r.ok) setState({ status: 'done', original: url, name, input: r.value.image, top: r.value.top });
      else
        setState({
          status: 'error',
          title: `Could not predict ${name}`,
          message: r.error.message,
          hint: 'Use an image like the training data (PNG or JPEG; it is resized and converted to the model’s input). If the run folder moved, train the run again.',
        });
    },
    [host, runDir],
  );

  const tryFile = useCallback(
    async (file: File) => {
      if (!file.type.startsWith('image/')) {
        setState({
          status: 'error',
          title: `${file.name} is not an image`,
          message: `type: ${file.type || 'unknown'}`,
          hint: 'Choose a PNG, JPEG, GIF, WebP or SVG file.',
        });
        return;
      }
      if (file.size > MAX_FILE_BYTES) {
        const mb = (file.size / 1e6).toFixed(1);
        setState({
          status: 'error',
          title: `${file.name} is too large (${mb} MB)`,
          message: 'Try it accepts images up to 14 MB.',
          hint: 'Scale the image down first; the model sees it at its input size anyway.',
        });
        return;
      }
      const ticket = ++latest.current;
      setState({ status: 'working', original: null, name: file.name });
      try {
        const url = await readAsDataUrl(file);
        if (ticket === latest.current) await tryDataUrl(url, file.name);
      } catch (e) {
        if (ticket === latest.current)
          setState({
            status: 'error',
            title: `Could not read ${file.name}`,
            message: e instanceof Error ? e.message : String(e),
            hint: 'Check that the file is readable and try again.',
          });
      }
    },
    [tryDataUrl],
  );

  return { state, tryFile, tryDataUrl };
}
