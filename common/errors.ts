/** The small set of error codes that cross the API boundary (DESIGN.md §3). */
export const ERROR_CODES = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAVAILABLE', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  /** Chinese, fit to show a clerk. */
  message: string;
  /** Per-field messages for forms, keyed by the input field's path ("admin.password"). */
  fields?: Record<string, string>;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** Thrown by services; turned into an envelope by the transport. Never carries personal data. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
  toBody(): ApiErrorBody {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

export const GENERIC_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: '填写的内容有误，请检查后重试',
  NOT_FOUND: '未找到相关记录',
  CONFLICT: '记录已存在或已被他人修改',
  FORBIDDEN: '没有权限执行此操作',
  UNAVAILABLE: '服务暂时不可用，请稍后重试',
  INTERNAL: '系统内部错误，请重试；如仍失败请联系管理员',
};
