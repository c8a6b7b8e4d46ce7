/** Keeps a rendering error from taking the window down: shows what happened; the text stays in the store. */
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

interface Props {
  readonly children: ReactNode;
  /** The heading of the crash panel. */
  readonly title?: string;
  /** What the panel says of the user's text. */
  readonly note?: string;
  /** What the user can do from here besides trying again, e.g. switch to the raw view. */
  readonly action?: ReactNode;
  /** Replaces the crash panel altogether. */
  readonly fallback?: (error: Error, retry: () => void) => ReactNode;
  /** Changing this resets the boundary (e.g. the open document). */
  readonly resetKey?: unknown;
}

interface State {
  readonly error: Error | null;
  readonly key: unknown;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('The editor hit an error while rendering:', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const retry = () => this.setState({ error: null });
    return this.props.fallback ? (
      this.props.fallback(error, retry)
    ) : (
      <div className="crash" role="alert">
        <h2>{this.props.title ?? 'Something went wrong while showing this.'}</h2>
        <p>{this.props.note ?? 'Your text is safe: nothing was lost or written.'}</p>
        <pre>{error.message}</pre>
        {this.props.action ? <>{this.props.action} </> : null}
        <button type="button" className="btn" onClick={retry}>Try again</button>
      </div>
    );
  }
}
