import type { IncomingMessage, ServerResponse } from 'node:http';
import { formError } from './errors.ts';

export interface ParsedBody {
  json: unknown;
}

export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw formError([], 'JSON_DECODE', 'The request body contains invalid JSON.');
  }
}

export async function parseBody(req: IncomingMessage): Promise<ParsedBody> {
  const raw = await readRaw(req);
  if (raw.length === 0) return { json: undefined };
  // discord.js sends multipart/form-data only when files are attached; k2-bot attaches none, so
  // uploads are not emulated. Say so instead of storing a message without its files.
  if (/^multipart\//i.test(req.headers['content-type'] ?? ''))
    throw formError([], 'MULTIPART_NOT_EMULATED', 'File uploads are not emulated: k2-bot sends no files.');
  return { json: parseJson(raw.toString('utf8')) };
}

/** Static, generous rate-limit headers so discord.js's bucket logic runs without ever waiting. */
export function rateLimitHeaders(bucket: string): Record<string, string> {
  return {
    'X-RateLimit-Limit': '50',
    'X-RateLimit-Remaining': '49',
    'X-RateLimit-Reset': ((Date.now() + 1000) / 1000).toFixed(3),
    'X-RateLimit-Reset-After': '1.000',
    'X-RateLimit-Bucket': bucket,
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status === 200 ? 204 : status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  // discord.js only parses bodies labelled application/json; anything else becomes an ArrayBuffer.
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text).toString(),
  });
  res.end(text);
}
