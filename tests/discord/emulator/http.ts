import type { IncomingMessage, ServerResponse } from 'node:http';
import { formError } from './errors.ts';

export interface UploadedFile {
  /** Form field name, e.g. 'files[0]'. */
  field: string;
  filename: string;
  contentType: string | undefined;
  data: Buffer;
}

export interface ParsedBody {
  json: unknown;
  files: UploadedFile[];
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

/**
 * Minimal multipart/form-data parser: discord.js switches to multipart whenever files are attached,
 * putting the JSON body in a `payload_json` part and files in `files[n]` parts.
 */
function parseMultipart(raw: Buffer, boundary: string): ParsedBody {
  const delimiter = Buffer.from(`--${boundary}`);
  const files: UploadedFile[] = [];
  let json: unknown;
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    // '--' after the delimiter marks the end of the body.
    if (raw.subarray(partStart, partStart + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, partStart);
    if (next === -1) break;
    // Each part: CRLF, headers, CRLF CRLF, data, CRLF.
    const part = raw.subarray(partStart + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const data = part.subarray(headerEnd + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      const contentType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim();
      if (name === 'payload_json') json = parseJson(data.toString('utf8'));
      else if (filename !== undefined)
        files.push({ field: name, filename, contentType, data: Buffer.from(data) });
    }
    start = next;
  }
  return { json, files };
}

export async function parseBody(req: IncomingMessage): Promise<ParsedBody> {
  const raw = await readRaw(req);
  if (raw.length === 0) return { json: undefined, files: [] };
  const type = req.headers['content-type'] ?? '';
  const boundary = /multipart\/form-data;.*boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (boundary) return parseMultipart(raw, boundary);
  return { json: parseJson(raw.toString('utf8')), files: [] };
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
