import type { AddressInfo } from 'node:net';

import dns2 from 'dns2';

const { Packet } = dns2;
const NXDOMAIN = 3;

/** TXT records by name: what SPF, DKIM and DMARC look up. */
export type TxtRecords = Record<string, string[]>;

/**
 * The sender domains the tests mail from: example.org publishes SPF allowing only 127.0.0.1 (where every test
 * sender connects from) and a DMARC policy, so its mail is aligned. Without network access the tests still get
 * real DNS answers, over UDP, from this server.
 */
export const DEFAULT_TXT_RECORDS: TxtRecords = {
  'example.org': ['v=spf1 ip4:127.0.0.1 -all'],
  '_dmarc.example.org': ['v=DMARC1; p=reject'],
};

/** A real DNS server on a loopback UDP port that answers TXT queries from a table; every other name does not exist. */
export class TestDns {
  private constructor(
    private readonly server: ReturnType<typeof dns2.createServer>,
    readonly address: string,
  ) {}

  static async start(records: TxtRecords = DEFAULT_TXT_RECORDS): Promise<TestDns> {
    const table = new Map(Object.entries(records).map(([name, values]) => [name.toLowerCase(), values]));
    const server = dns2.createServer({
      udp: true,
      handle: (request, send) => {
        const response = Packet.createResponseFromRequest(request);
        const [question] = request.questions;
        const values = question ? table.get(question.name.toLowerCase()) : undefined;
        if (!values) response.header.rcode = NXDOMAIN;
        else if (question.type === Packet.TYPE.TXT) {
          for (const data of values)
            response.answers.push(Packet.createResourceFromQuestion(question, { ttl: 60, data }));
        }
        void send(response);
      },
    });
    const addresses = await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
    const { port } = addresses.udp as AddressInfo;
    return new TestDns(server, `127.0.0.1:${port}`);
  }

  async stop(): Promise<void> {
    await this.server.close();
  }
}
