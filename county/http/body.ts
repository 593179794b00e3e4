import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CountyError } from '../store/types';

const gunzipAsync = promisify(gunzip);

function tooLarge(limit: number): CountyError {
  return new CountyError('TOO_LARGE', `请求内容超过 ${Math.floor(limit / 1024)} KB 的上限，请分批发送`);
}

/**
 * The only body parser: application/json (charset utf-8 if named), optionally gzip-encoded.
 * The size limit holds for the bytes on the wire (Fastify's bodyLimit) and again after
 * decompression: maxOutputLength stops inflating at the limit, so a gzip bomb costs at most
 * `limit` bytes of memory before it is refused.
 */
export function installJsonParser(app: FastifyInstance, limit: number): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: limit }, async (req: FastifyRequest, raw: Buffer) => {
    const type = String(req.headers['content-type'] ?? '');
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1];
    if (charset && charset.toLowerCase() !== 'utf-8') throw new CountyError('UNSUPPORTED', '请求内容须为 UTF-8 编码的 JSON');
    const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    let body = raw;
    if (encoding === 'gzip') {
      try {
        body = await gunzipAsync(raw, { maxOutputLength: limit });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw tooLarge(limit);
        throw new CountyError('VALIDATION', '请求内容的 gzip 压缩数据损坏，无法解压');
      }
    } else if (encoding !== 'identity') {
      throw new CountyError('UNSUPPORTED', `不支持的内容编码 ${encoding.slice(0, 20)}，只接受 gzip`);
    }
    if (body.length > limit) throw tooLarge(limit);
    const text = body.toString('utf8');
    if (text.trim() === '') throw new CountyError('VALIDATION', '请求内容为空');
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new CountyError('VALIDATION', '请求内容不是有效的 JSON');
    }
  });
}
