/** A render failure shows a Chinese sentence and a reload button, never a stack trace. */
import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { S } from './strings';

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Result
        status="error"
        title={S.unexpected}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {S.reload}
          </Button>
        }
      />
    );
  }
}
