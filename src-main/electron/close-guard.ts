/**
 * The unsaved-changes handshake when the window closes. The renderer reports whether the
 * document is dirty (`app:setDirty`); a clean window closes at once. A dirty one stays open
 * while main sends `app:closeRequested`; the renderer asks Save / Don't Save / Cancel and
 * answers `app:confirmClose { proceed }`. A crashed or hung renderer cannot keep a window open.
 */

export interface CloseGuardHooks {
  /** Sends `app:closeRequested` to the renderer. */
  askRenderer(): void;
  /** Closes the window for real (the guard lets that close through). */
  closeWindow(): void;
  /** The user chose Cancel: an app quit in progress must stop too. */
  onCancelled?(): void;
}

export interface CloseGuard {
  setDirty(dirty: boolean): void;
  /** From the window's 'close' event: true lets it close; false means preventDefault. */
  shouldClose(): boolean;
  /** The renderer's answer (ignored when nothing was asked). */
  confirm(proceed: boolean): void;
  /** The renderer crashed or hangs: closing must not depend on it any more. */
  releaseRenderer(): void;
  /** A new page loaded: it has not said anything about dirtiness yet. */
  reset(): void;
}

/** Creates the guard for one window. */
export function createCloseGuard(hooks: CloseGuardHooks): CloseGuard {
  let dirty = false;
  let asking = false;
  let released = false;
  return {
    setDirty(value) {
      dirty = value;
    },
    shouldClose() {
      if (released || !dirty) return true;
      // Asked again while a prompt is open: the renderer shows one prompt, so re-asking is safe
      // and recovers from a lost message.
      asking = true;
      hooks.askRenderer();
      return false;
    },
    confirm(proceed) {
      if (!asking) return;
      asking = false;
      if (proceed) {
        released = true;
        hooks.closeWindow();
      } else {
        hooks.onCancelled?.();
      }
    },
    releaseRenderer() {
      released = true;
    },
    reset() {
      dirty = false;
      asking = false;
    },
  };
}
