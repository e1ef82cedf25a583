import type { AddressInfo } from 'node:net';
import { connect, createServer, type Server, type Socket } from 'node:net';

const END_OF_DATA = Buffer.from('\r\n.\r\n');

/**
 * A TCP relay in front of an SMTP server that can hold back the end of each message ("<CRLF>.<CRLF>") for a
 * while. Until it passes, the server has not received the message in full, so a client that dies meanwhile was
 * cut off mid-DATA: an SMTP server, ours or a real MTA, does not deliver it.
 */
export class EndOfDataGate {
  /** How long each end of message is held; 0 lets everything through at once. */
  holdMs = 0;
  /** Ends of message being held back right now. */
  holding = 0;
  /**
   * How long the server's reply to each end of message is held back from the client; 0: passed at once. The server
   * has the whole message and answered 250, so a client that dies meanwhile leaves a delivered mail it never saw
   * accepted: the SMTP window.
   */
  holdReplyMs = 0;
  /** Replies to an end of message being held back right now. */
  repliesHeld = 0;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly releases = new Set<() => void>();

  private constructor(private readonly upstreamPort: number) {
    this.server = createServer((client) => this.relay(client));
  }

  static async start(upstreamPort: number): Promise<EndOfDataGate> {
    const gate = new EndOfDataGate(upstreamPort);
    await new Promise<void>((resolve) => gate.server.listen(0, '127.0.0.1', resolve));
    return gate;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Lets every end of message held right now through at once. */
  releaseAll(): void {
    for (const release of [...this.releases]) release();
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: Socket): void {
    const upstream = connect(this.upstreamPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('error', () => undefined);
    }
    // Set once an end of message went through while replies are held: the server's next words are its verdict.
    let replyAwaited = false;
    let heldReply: Buffer[] | null = null;
    upstream.on('data', (chunk: Buffer) => {
      if (heldReply) {
        heldReply.push(chunk);
        return;
      }
      if (!replyAwaited) {
        client.write(chunk);
        return;
      }
      replyAwaited = false;
      heldReply = [chunk];
      this.repliesHeld++;
      const releaseReply = () => {
        clearTimeout(timer);
        this.releases.delete(releaseReply);
        if (!heldReply) return;
        this.repliesHeld--;
        if (!client.destroyed) for (const part of heldReply) client.write(part);
        heldReply = null;
      };
      this.releases.add(releaseReply);
      // Cleared when released early, so a long hold does not keep the test process alive.
      const timer = setTimeout(releaseReply, this.holdReplyMs);
    });
    let held: Buffer[] | null = null;
    let recent = Buffer.alloc(0);
    const release = () => {
      this.releases.delete(release);
      // Nothing left when the client died meanwhile: it was counted out then.
      if (!held) return;
      this.holding--;
      if (!upstream.destroyed) for (const chunk of held) upstream.write(chunk);
      held = null;
    };
    client.on('data', (chunk: Buffer) => {
      if (held) {
        held.push(chunk);
        return;
      }
      const seen = Buffer.concat([recent, chunk]);
      recent = seen.subarray(-END_OF_DATA.length);
      // The client waits for the reply after the end of a message, so it is always the last bytes of a chunk.
      const endOfData = seen.subarray(-END_OF_DATA.length).equals(END_OF_DATA);
      if (this.holdReplyMs > 0 && endOfData) replyAwaited = true;
      if (this.holdMs > 0 && endOfData) {
        held = [chunk];
        this.holding++;
        this.releases.add(release);
        setTimeout(release, this.holdMs);
        return;
      }
      upstream.write(chunk);
    });
    // A client that dies takes what is held with it: the server sees the connection drop before the end of data.
    client.on('close', () => {
      if (held) this.holding--;
      held = null;
      if (heldReply) this.repliesHeld--;
      heldReply = null;
      upstream.destroy();
      this.sockets.delete(client);
    });
    upstream.on('close', () => {
      client.destroy();
      this.sockets.delete(upstream);
    });
  }
}
