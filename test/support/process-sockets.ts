import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * The local ports of a process's TCP sockets, read from Linux's /proc: which process holds a connection that
 * a server saw come from a given port.
 */
export function localTcpPortsOf(pid: number): Set<number> {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const socket = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (socket) inodes.add(socket[1]);
    } catch {
      // the descriptor closed while we looked
    }
  }
  const ports = new Set<number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    // Columns: sl, local_address (hex ip:port), rem_address, st, queues, timer, retrnsmt, uid, timeout, inode.
    for (const line of readFileSync(table, 'utf8').trim().split('\n').slice(1)) {
      const columns = line.trim().split(/\s+/);
      if (inodes.has(columns[9])) ports.add(parseInt(columns[1].split(':')[1], 16));
    }
  }
  return ports;
}
