import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Component, useState, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ErrorFallback } from './ErrorFallback.tsx';

/** Minimal boundary like the apps' (Sentry's ErrorBoundary has the same reset contract). */
class Boundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    if (this.state.error) {
      return (
        <ErrorFallback error={this.state.error} onRetry={() => this.setState({ error: null })} />
      );
    }
    return this.props.children;
  }
}

let backendDown = true;
function Workouts() {
  const [value] = useState(() => {
    if (backendDown) throw new Error('Could not load your workouts.');
    return 'Workouts loaded';
  });
  return <p>{value}</p>;
}

describe('ErrorFallback', () => {
  it('shows the error message in an alert, focuses its heading and recovers on retry', async () => {
    backendDown = true;
    const consoleError = console.error;
    console.error = () => {}; // React logs caught render errors; expected here.
    try {
      render(
        <Boundary>
          <Workouts />
        </Boundary>,
      );
    } finally {
      console.error = consoleError;
    }
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load your workouts.');
    expect(screen.getByRole('heading', { name: 'Something went wrong' })).toHaveFocus();

    backendDown = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Workouts loaded')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('falls back to a generic message for values that are not errors', () => {
    render(<ErrorFallback error={42} onRetry={() => {}} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong. Please try again.');
  });
});
