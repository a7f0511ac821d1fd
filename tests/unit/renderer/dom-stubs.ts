/**
 * Browser APIs jsdom lacks and React Flow needs (ResizeObserver, DOMMatrixReadOnly, layout
 * sizes). They stand in for the browser, not for our code: nodes get a fixed card size so
 * React Flow considers them measured and renders them visible.
 */
export function installDomStubs(): void {
  const g = globalThis as Record<string, unknown>;
  if (!g.ResizeObserver) {
    g.ResizeObserver = class {
      constructor(private readonly cb: (entries: { target: Element }[], obs: unknown) => void) {}
      observe(target: Element) {
        // Report the size once, as a browser does after layout.
        queueMicrotask(() => this.cb([{ target }], this));
      }
      unobserve() {}
      disconnect() {}
    };
  }
  if (!g.DOMMatrixReadOnly) {
    g.DOMMatrixReadOnly = class {
      m22: number;
      constructor(transform?: string) {
        const scale = /scale\(([\d.]+)\)/.exec(transform ?? '');
        this.m22 = scale ? Number(scale[1]) : 1;
      }
    };
  }
  const proto = HTMLElement.prototype as unknown as Record<string, unknown>;
  Object.defineProperty(proto, 'offsetWidth', { configurable: true, get: () => 188 });
  Object.defineProperty(proto, 'offsetHeight', { configurable: true, get: () => 70 });
  if (!g.matchMedia) {
    g.matchMedia = () => ({ matches: false, addEventListener() {}, removeEventListener() {} });
  }
  Element.prototype.scrollIntoView ??= () => {};
  // jsdom has no 2D canvas (and logs "not implemented" for each try): charts see no context and draw nothing.
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
}
