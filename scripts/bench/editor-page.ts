/**
 * What the editor benchmark runs inside the page (passed to page.evaluate, so each function is
 * self-contained). Timing happens in the page with performance.now(), so Playwright's round
 * trips never count.
 */
import { build } from 'vite';
import type { Page } from 'playwright-core';

/** tsx compiles with keepNames, which wraps inner functions in `__name(…)`; the page has no such helper. */
export async function installNameShim(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name = (fn) => fn');
}

export interface EditTiming {
  /** Dispatch of Enter → the React commit's microtasks are done (a task queued right after runs). */
  js: number;
  /** → the next animation frame starts (layout and paint of the commit come next). */
  frame: number;
  /** → a task queued from that frame runs: the frame has been painted. */
  painted: number;
}

/**
 * Commits `values` one by one into the inspector field labelled `label`, the way typing and
 * Enter do (input event, then keydown Enter), timing each commit to the painted frame.
 */
export function measureInspectorEdits(args: { label: string; values: string[] }): Promise<EditTiming[]> {
  const nextTask = () =>
    new Promise<number>((r) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => r(performance.now());
      ch.port2.postMessage(0);
    });
  const nextFrame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
  const field = (): HTMLInputElement => {
    const label = Array.from(document.querySelectorAll<HTMLLabelElement>('.inspector label')).find((l) => l.textContent === args.label);
    const input = label ? document.getElementById(label.htmlFor) : null;
    if (!(input instanceof HTMLInputElement)) throw new Error(`no inspector field "${args.label}"`);
    return input;
  };
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  async function run(): Promise<EditTiming[]> {
    const out: EditTiming[] = [];
    for (const value of args.values) {
      const input = field();
      setValue.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await nextFrame(); // the field's draft re-renders; the commit below reads it
      await nextFrame();
      const t0 = performance.now();
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      const [js, frame] = await Promise.all([nextTask(), nextFrame()]);
      const painted = await nextTask();
      out.push({ js: js - t0, frame: frame - t0, painted: painted - t0 });
    }
    return out;
  }
  return run();
}

/** Starts recording animation-frame timestamps and long tasks (PerformanceObserver 'longtask'). */
export function startFrameRecorder(): void {
  const w = window as unknown as { __nwFrames?: { frames: number[]; longTasks: number[]; stop: () => void } };
  const frames: number[] = [];
  const longTasks: number[] = [];
  let on = true;
  const tick = (t: number) => {
    frames.push(t);
    if (on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  observer.observe({ type: 'longtask' });
  w.__nwFrames = {
    frames,
    longTasks,
    stop: () => {
      on = false;
      observer.disconnect();
    },
  };
}

export function stopFrameRecorder(): { frames: number[]; longTasks: number[] } {
  const w = window as unknown as { __nwFrames: { frames: number[]; longTasks: number[]; stop: () => void } };
  w.__nwFrames.stop();
  return { frames: w.__nwFrames.frames, longTasks: w.__nwFrames.longTasks };
}

/** validateDocument and summarizeModel alone, in the page's V8, `runs` times each. */
export function timeCore(args: { docJson: string; runs: number }): { validate: number[]; summary: number[]; totalParams: number } {
  type Core = {
    validateDocument(doc: unknown): { analysis: unknown; errors: number };
    summarizeModel(doc: unknown, analysis: unknown): { totalParams: number };
  };
  const core = (globalThis as unknown as { __nwBenchCore: Core }).__nwBenchCore;
  const validate: number[] = [];
  const summary: number[] = [];
  let totalParams = 0;
  for (let i = 0; i < args.runs; i++) {
    const doc = JSON.parse(args.docJson); // a fresh object each run: nothing memoized by identity
    const t0 = performance.now();
    const v = core.validateDocument(doc);
    const t1 = performance.now();
    totalParams = core.summarizeModel(doc, v.analysis).totalParams;
    const t2 = performance.now();
    validate.push(t1 - t0);
    summary.push(t2 - t1);
  }
  return { validate, summary, totalParams };
}

/** The core (validate + summary) as one IIFE script defining `__nwBenchCore`, built with Vite. */
export async function buildCoreBundle(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry: new URL('./editor-core-entry.ts', import.meta.url).pathname, formats: ['iife'], name: '__nwBenchCore' },
      rollupOptions: { onwarn: () => undefined },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const out of outputs) {
    if (!('output' in out)) continue;
    const chunk = out.output.find((o) => o.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('the core bundle produced no code');
}
