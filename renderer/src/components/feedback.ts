/**
 * Toasts from anywhere (stores, event handlers) through antd's App context, so
 * they follow the theme and locale. The root mounts <FeedbackBridge/> once.
 */
import { App } from 'antd';
import { useEffect } from 'react';
import { ApiError } from '../api';
import { GENERIC_ERROR } from './strings';

type MessageInstance = ReturnType<typeof App.useApp>['message'];

let messageApi: MessageInstance | null = null;

export function FeedbackBridge(): null {
  const { message } = App.useApp();
  useEffect(() => {
    messageApi = message;
    return () => {
      if (messageApi === message) messageApi = null;
    };
  }, [message]);
  return null;
}

/** The Chinese sentence to show for any failure; never a stack trace. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return GENERIC_ERROR;
}

export function notifyError(err: unknown): void {
  messageApi?.error(errorText(err));
}

export function notifySuccess(text: string): void {
  messageApi?.success(text);
}
