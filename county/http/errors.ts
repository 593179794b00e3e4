import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import type { ErrorBody, ProtocolErrorCode } from '../../common/county/protocol';
import { CountyError, STATUS_OF } from '../store/types';

export function errorBody(code: ProtocolErrorCode, message: string): ErrorBody {
  return { error: { code, message: message.slice(0, 500) } };
}

const BUSY_SQLSTATES = new Set(['40001', '40P01', '55P03', '57014', '53300']);

const CJK = /[\u4e00-\u9fff]/;

/** A zod failure in words for the station's log and the 同步 area: where, and the schema's own Chinese message if it has one. */
export function describeZod(err: ZodError): string {
  const issue = err.issues[0];
  if (!issue) return '请求内容不符合格式';
  const where = issue.path.length > 0 ? `（${issue.path.map(String).join('.')}）` : '';
  return CJK.test(issue.message) ? `请求内容不符合格式${where}：${issue.message}` : `请求内容不符合格式${where}`;
}

/** Every refusal leaves as an ErrorBody with a Chinese message; nothing else (no stack) ever reaches the client. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | CountyError | ZodError, req, reply) => {
    if (err instanceof CountyError) return reply.code(err.status).send(errorBody(err.code, err.message));
    if (err instanceof ZodError) return reply.code(400).send(errorBody('VALIDATION', describeZod(err)));
    const fe = err as FastifyError;
    switch (fe.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.code(413).send(errorBody('TOO_LARGE', '请求内容超过上限，请分批发送'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.code(415).send(errorBody('UNSUPPORTED', '请求内容须为 application/json'));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return reply.code(400).send(errorBody('VALIDATION', '请求内容不是有效的 JSON'));
    }
    // PostgreSQL too busy for this request (deadlock victim, lock or statement timeout, serialisation): the station retries it.
    if (typeof fe.code === 'string' && BUSY_SQLSTATES.has(fe.code)) {
      req.log.warn({ sqlstate: fe.code }, 'county database busy');
      return reply.code(503).send(errorBody('UNAVAILABLE', '县级服务器繁忙，请稍后再试'));
    }
    const status = fe.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code: ProtocolErrorCode = status === 401 ? 'UNAUTHORIZED' : status === 404 ? 'NOT_FOUND' : status === 413 ? 'TOO_LARGE' : status === 415 ? 'UNSUPPORTED' : status === 429 ? 'RATE_LIMITED' : 'VALIDATION';
      return reply.code(STATUS_OF[code] === status ? status : 400).send(errorBody(code, '请求不符合要求'));
    }
    req.log.error({ err }, 'county request failed');
    return reply.code(500).send(errorBody('INTERNAL', '县级服务器内部错误，请稍后再试'));
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send(errorBody('NOT_FOUND', '没有这个接口')));
}
