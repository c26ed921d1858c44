import type { Request } from 'express';

/** A request the server cannot read: bad encoding, wrong content type, bad ids, missing fields. Maps to 400. */
export class MalformedRequest extends Error {
  constructor(readonly why: string) {
    super(why);
    this.name = 'MalformedRequest';
  }
}

const MAX_BODY = 256 * 1024;
const MAX_FIELDS = 400;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A parsed urlencoded form: each field name maps to every value sent for it, in order. */
export class Form {
  constructor(readonly fields: ReadonlyMap<string, readonly string[]>) {}

  /** One value or undefined; a field sent twice is malformed. */
  str(name: string): string | undefined {
    const values = this.fields.get(name);
    if (!values || values.length === 0) return undefined;
    if (values.length > 1) throw new MalformedRequest(`repeated field`);
    return values[0];
  }

  /** A value that must be there (an id, a button value): missing is malformed. */
  need(name: string): string {
    const value = this.str(name);
    if (value === undefined) throw new MalformedRequest('missing field');
    return value;
  }

  all(name: string): string[] {
    return [...(this.fields.get(name) ?? [])];
  }

  has(name: string): boolean {
    return this.fields.has(name);
  }
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    throw new MalformedRequest('bad encoding');
  }
}

/** Strict application/x-www-form-urlencoded parsing: ASCII body, valid percent-encoding, valid UTF-8. */
export function parseUrlEncoded(body: Buffer): Form {
  const text = body.toString('latin1');
  if (/[^\x20-\x7e\r\n\t]/.test(text)) throw new MalformedRequest('bad encoding');
  const fields = new Map<string, string[]>();
  if (text.trim() === '') return new Form(fields);
  const parts = text.split('&');
  if (parts.length > MAX_FIELDS) throw new MalformedRequest('too many fields');
  for (const part of parts) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decode(eq === -1 ? part : part.slice(0, eq));
    const value = decode(eq === -1 ? '' : part.slice(eq + 1));
    fields.set(name, [...(fields.get(name) ?? []), value]);
  }
  return new Form(fields);
}

/** Reads and parses the body of a form POST. */
export async function readForm(req: Request): Promise<Form> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') throw new MalformedRequest('content type');
  const charset = /charset=([^;]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.trim().toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') throw new MalformedRequest('charset');
  if (req.readableEnded) return alreadyParsed(req.body);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new MalformedRequest('too large');
    chunks.push(chunk);
  }
  return parseUrlEncoded(Buffer.concat(chunks));
}

/** When a body parser mounted before this router already read the body: accept only strings and lists of strings. */
function alreadyParsed(body: unknown): Form {
  if (typeof body !== 'object' || body === null) throw new MalformedRequest('body already read');
  const fields = new Map<string, string[]>();
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    const values = Array.isArray(value) ? value : [value];
    if (!values.every((v): v is string => typeof v === 'string')) throw new MalformedRequest('bad field');
    fields.set(name, values);
  }
  return new Form(fields);
}

/** Route ids are opaque database ids: anything else is malformed. */
export function id(value: unknown): string {
  if (typeof value !== 'string' || !ID.test(value)) throw new MalformedRequest('bad id');
  return value;
}

/** An optional id from a form field (empty means none). */
export function optionalId(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  return id(value);
}

/** Lines of a textarea, trimmed, empty ones dropped. */
export function lines(value: string | undefined): string[] {
  return (value ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
}
