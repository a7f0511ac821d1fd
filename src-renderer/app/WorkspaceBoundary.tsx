/**
 * Catches a render error inside one workspace and shows what happened with a way back, so a
 * bug in one view never blanks the window (the project, the run and the other tabs live on).
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  name: string;
  children: ReactNode;
}

export class WorkspaceBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The ${this.props.name} view failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="workspace-failed" role="alert">
        <h2>The {this.props.name} view hit a problem</h2>
        <p>Your project and any running training are not affected. The message was:</p>
        <pre>{error.message}</pre>
        <button type="button" className="btn" onClick={() => this.setState({ error: null })}>
          Show the view again
        </button>
      </div>
    );
  }
}
