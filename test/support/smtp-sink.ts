import type { AddressInfo, Socket } from 'node:net';

import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

import { EndOfDataGate } from './end-of-data-gate.js';

export interface SunkMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** The sending side's TCP port, to tell which process sent it. */
  clientPort: number;
  parsed: ParsedMail;
}

/**
 * A real SMTP server on a loopback port that keeps every message it accepted, as an MTA delivers: the message
 * arrived in full and the 250 reply went to a client still connected. A message cut off mid-DATA is counted in
 * `cutOff`, never kept.
 */
export class SmtpSink {
  readonly mails: SunkMail[] = [];
  /** Messages whose connection dropped before their end of data arrived. */
  cutOff = 0;
  /** While set, recipients it matches are refused with its reply code (451: try later; 550: no such mailbox). */
  refuse: { code: 451 | 550; matches: (address: string) => boolean } | null = null;
  /** Recipients refused so far. */
  refused: string[] = [];
  private readonly server: SMTPServer;
  private readonly clients = new Map<number, Socket>();
  private gate: EndOfDataGate | undefined;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (!this.refuse?.matches(address.address)) return callback();
        this.refused.push(address.address);
        // As real MTAs do, the reply quotes the recipient: what the worker must not pass on.
        const words =
          this.refuse.code === 451
            ? `Mailbox <${address.address}> busy, try again later`
            : `No such mailbox here: <${address.address}>`;
        callback(Object.assign(new Error(words), { responseCode: this.refuse.code }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        let ended = false;
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', () => undefined);
        stream.on('close', () => {
          if (!ended) this.cutOff++;
        });
        stream.on('end', () => {
          ended = true;
          simpleParser(Buffer.concat(chunks))
            .then((parsed) => {
              // Kept only when the 250 reply (sent by callback, at once) reaches a client still there.
              if (this.clients.get(session.remotePort)?.writable) this.keep(parsed, session.remotePort);
              callback();
            })
            .catch(callback);
        });
      },
    });
    this.server.server.on('connection', (socket: Socket) => {
      const port = socket.remotePort!;
      this.clients.set(port, socket);
      socket.once('close', () => this.clients.delete(port));
    });
  }

  /** With `gate`, clients reach the server through an EndOfDataGate, so a test can hold sends mid-DATA. */
  static async start(options: { gate?: boolean } = {}): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    if (options.gate) sink.gate = await EndOfDataGate.start((sink.server.server.address() as AddressInfo).port);
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.gate?.port ?? (this.server.server.address() as AddressInfo).port}`;
  }

  /** Holds the end of every message for `ms` before the server gets it (a gated sink only); 0 stops holding and lets the held ones through. */
  holdEndOfData(ms: number): void {
    if (!this.gate) throw new Error('holdEndOfData needs a sink started with { gate: true }');
    this.gate.holdMs = ms;
    if (ms === 0) this.gate.releaseAll();
  }

  /** Holds the server's reply to each end of message for `ms` (a gated sink only): the message is delivered, the sender does not know yet. 0 lets the held replies through. */
  holdReplies(ms: number): void {
    if (!this.gate) throw new Error('holdReplies needs a sink started with { gate: true }');
    this.gate.holdReplyMs = ms;
    if (ms === 0) this.gate.releaseAll();
  }

  /** Replies to delivered messages held from their senders right now. */
  get repliesHeld(): number {
    return this.gate?.repliesHeld ?? 0;
  }

  /** Sends held mid-DATA right now. */
  get sendsHeld(): number {
    return this.gate?.holding ?? 0;
  }

  mailsTo(address: string): SunkMail[] {
    return this.mails.filter((m) => m.to.toLowerCase().includes(address.toLowerCase()));
  }

  /** Resolves once `count` mails to the address have arrived; rejects after the timeout. */
  async waitForMailsTo(address: string, count = 1, timeoutMs = 15_000): Promise<SunkMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.mailsTo(address).length < count) {
      if (Date.now() > deadline)
        throw new Error(`expected ${count} mail(s) to ${address}, got ${this.mailsTo(address).length}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.mailsTo(address);
  }

  async stop(): Promise<void> {
    await this.gate?.stop();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private keep(parsed: ParsedMail, clientPort: number): void {
    const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? '');
    this.mails.push({
      to,
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : '',
      messageId: parsed.messageId ?? '',
      clientPort,
      parsed,
    });
  }
}
