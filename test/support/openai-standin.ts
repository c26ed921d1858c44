import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for an OpenAI-compatible server, so tests and the eval go through the real `openai`
 * SDK over HTTP. It answers POST .../chat/completions (OpenAI paths and Azure deployment paths) with
 * whatever the current `reply` function returns, and keeps every request it saw.
 */
export interface StandInRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: ChatBody;
}

export interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  max_completion_tokens?: number;
}

export interface StandInReply {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  /** Wait this long before answering (to trigger client timeouts). */
  delayMs?: number;
}

export type ReplyFn = (request: StandInRequest, index: number) => StandInReply | Promise<StandInReply>;

export interface StandIn {
  url: string;
  requests: StandInRequest[];
  reply: ReplyFn;
  close(): Promise<void>;
}

export async function startStandIn(reply: ReplyFn): Promise<StandIn> {
  const state: StandIn = { url: '', requests: [], reply, close: async () => undefined };
  const server: Server = createServer((req, res) => void handle(state, req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

async function handle(state: StandIn, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (req.method !== 'POST' || !/\/chat\/completions$/.test(new URL(req.url ?? '/', 'http://x').pathname)) {
    send(res, { status: 404, json: { error: { message: 'not found', type: 'invalid_request_error' } } });
    return;
  }
  const request: StandInRequest = { path: req.url ?? '', headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatBody };
  state.requests.push(request);
  try {
    const reply = await state.reply(request, state.requests.length - 1);
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (!res.destroyed) send(res, reply);
  } catch (error) {
    send(res, { status: 500, json: { error: { message: String(error), type: 'server_error' } } });
  }
}

function send(res: ServerResponse, reply: StandInReply): void {
  const body = JSON.stringify(reply.json ?? {});
  res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
  res.end(body);
}

/** A chat completion answer in the provider's wire format. */
export function completion(
  content: string | null,
  opts: { finishReason?: 'stop' | 'length' | 'content_filter'; refusal?: string; promptTokens?: number; completionTokens?: number; model?: string } = {},
): StandInReply {
  return {
    json: {
      id: 'chatcmpl-standin',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: opts.model ?? 'standin',
      choices: [{ index: 0, finish_reason: opts.finishReason ?? 'stop', logprobs: null, message: { role: 'assistant', content, refusal: opts.refusal ?? null } }],
      usage: {
        prompt_tokens: opts.promptTokens ?? 100,
        completion_tokens: opts.completionTokens ?? 50,
        total_tokens: (opts.promptTokens ?? 100) + (opts.completionTokens ?? 50),
      },
    },
  };
}

export function apiError(status: number, message: string, headers: Record<string, string> = {}, code: string | null = null): StandInReply {
  return { status, headers, json: { error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'server_error', code } } };
}
