import { Component, type ErrorInfo, type ReactNode } from 'react';

interface CellBoundaryProps {
  title: string;
  children: ReactNode;
}

/**
 * One cell's crash stays in that cell: it shows what failed and a way to draw the cell again, and the rest of
 * the notebook keeps working.
 */
export class CellBoundary extends Component<CellBoundaryProps, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The ${this.props.title} cell failed to draw`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="cell cell-error" data-status="error" role="alert">
        <header className="cell-header">
          <h2>{this.props.title}</h2>
        </header>
        <div className="cell-body">
          <div className="error-box">
            <p>
              This cell could not be drawn: {String(error.message).slice(0, 300)}. The other cells
              are not affected.
            </p>
            <button type="button" onClick={() => this.setState({ error: null })}>
              Draw it again
            </button>
          </div>
        </div>
      </section>
    );
  }
}
