// A loopback stand-in for Slack's Socket Mode endpoint: the smallest WebSocket server (RFC 6455 text
// frames, ping/pong, close) on the Web API stand-in's server. apps.connections.open hands out its URL;
// the test pushes envelopes the way Slack does and reads the acknowledgements the app sends back.
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { SlackApiStandIn } from './slack-api.js';

function frame(opcode: number, payload: Buffer): Buffer {
  const head = payload.length < 126 ? Buffer.from([0x80 | opcode, payload.length]) : payload.length < 65536 ? Buffer.from([0x80 | opcode, 126, payload.length >> 8, payload.length & 255]) : null;
  if (!head) {
    const big = Buffer.alloc(10);
    big[0] = 0x80 | opcode;
    big[1] = 127;
    big.writeBigUInt64BE(BigInt(payload.length), 2);
    return Buffer.concat([big, payload]);
  }
  return Buffer.concat([head, payload]);
}

export class SocketModeStandIn {
  #socket: Duplex | null = null;
  #buffer = Buffer.alloc(0);
  #waiters = new Map<string, (payload: unknown) => void>();
  readonly acks = new Map<string, unknown>();
  #connected: Promise<void>;
  #resolveConnected!: () => void;

  constructor(api: SlackApiStandIn) {
    this.#connected = new Promise((resolve) => (this.#resolveConnected = resolve));
    api.socketUrl = `${api.url.replace('http:', 'ws:')}/socket`;
    api.server.on('upgrade', (req: IncomingMessage, socket: Duplex) => this.#upgrade(req, socket));
  }

  /** Resolves once the app connected and was greeted with `hello`. */
  connected(): Promise<void> {
    return this.#connected;
  }

  #upgrade(req: IncomingMessage, socket: Duplex): void {
    const key = String(req.headers['sec-websocket-key'] ?? '');
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => this.#read(chunk));
    socket.on('error', () => undefined);
    this.#send({ type: 'hello', num_connections: 1, debug_info: { host: 'stand-in' }, connection_info: { app_id: 'A0TEST' } });
    this.#resolveConnected();
  }

  #send(message: unknown): void {
    this.#socket?.write(frame(0x1, Buffer.from(JSON.stringify(message), 'utf8')));
  }

  #read(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const b = this.#buffer;
      if (b.length < 2) return;
      const opcode = b[0]! & 0x0f;
      let length = b[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (b.length < 4) return;
        length = b.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (b.length < 10) return;
        length = Number(b.readBigUInt64BE(2));
        offset = 10;
      }
      const masked = (b[1]! & 0x80) !== 0;
      const total = offset + (masked ? 4 : 0) + length;
      if (b.length < total) return;
      const mask = masked ? b.subarray(offset, offset + 4) : null;
      const payload = Buffer.from(b.subarray(offset + (masked ? 4 : 0), total));
      if (mask) for (let i = 0; i < payload.length; i += 1) payload[i] = payload[i]! ^ mask[i % 4]!;
      this.#buffer = b.subarray(total);
      if (opcode === 0x9) this.#socket?.write(frame(0xa, payload)); // ping -> pong
      else if (opcode === 0x8) {
        this.#socket?.write(frame(0x8, payload));
        this.#socket?.end();
      } else if (opcode === 0x1) this.#message(JSON.parse(payload.toString('utf8')) as { envelope_id?: string; payload?: unknown });
    }
  }

  #message(message: { envelope_id?: string; payload?: unknown }): void {
    if (!message.envelope_id) return;
    this.acks.set(message.envelope_id, message.payload ?? {});
    this.#waiters.get(message.envelope_id)?.(message.payload ?? {});
  }

  /**
   * Sends one envelope (events_api, slash_commands or interactive) and resolves with the app's
   * acknowledgement payload. Pass the same envelope id again to play a redelivery.
   */
  deliver(type: 'events_api' | 'slash_commands' | 'interactive', payload: unknown, opts: { envelopeId?: string; retryAttempt?: number } = {}): Promise<unknown> {
    const envelopeId = opts.envelopeId ?? randomUUID();
    const acked = new Promise<unknown>((resolve) => this.#waiters.set(envelopeId, resolve));
    this.#send({
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: type !== 'events_api',
      ...(type === 'events_api' ? { retry_attempt: opts.retryAttempt ?? 0, retry_reason: opts.retryAttempt ? 'timeout' : '' } : {}),
    });
    return acked;
  }

  close(): void {
    this.#socket?.destroy();
  }
}
