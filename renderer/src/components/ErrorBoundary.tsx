/** Catches a rendering failure and shows a calm sentence instead of a blank window or a stack trace. */
import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { BOUNDARY_RELOAD, BOUNDARY_RETRY, BOUNDARY_TEXT, BOUNDARY_TITLE } from './strings';

interface Props {
  children: ReactNode;
  /** when this changes (e.g. the area), a failed subtree gets another chance */
  resetKey?: unknown;
  /** the whole window: offer a reload only */
  fullPage?: boolean;
}

interface State {
  failed: boolean;
  resetKey: unknown;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { failed: false, resetKey: props.resetKey };
    return null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Only the kind of failure and where, for whoever opens the developer tools; no data.
    console.error('[StationDesk] 界面错误', error instanceof Error ? error.name : typeof error, info.componentStack?.split('\n')[1]?.trim());
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className={this.props.fullPage ? 'sd-fullpage-center' : 'sd-boundary'} data-testid="error-boundary">
        <Result
          status="warning"
          title={BOUNDARY_TITLE}
          subTitle={BOUNDARY_TEXT}
          extra={[
            !this.props.fullPage && (
              <Button key="retry" onClick={() => this.setState({ failed: false })}>
                {BOUNDARY_RETRY}
              </Button>
            ),
            <Button key="reload" type="primary" onClick={() => window.location.reload()}>
              {BOUNDARY_RELOAD}
            </Button>,
          ]}
        />
      </div>
    );
  }
}
