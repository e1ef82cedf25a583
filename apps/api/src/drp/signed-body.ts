import type { NextFunction, Request, Response } from 'express';

import { DrpError } from './drp-error.js';

const MAX_BODY_BYTES = 64 * 1024;
// How long a refused connection keeps reading (and dropping) what the agent still sends before it is closed.
const LINGER_MS = 2000;
const TOO_LARGE = 'The signed request is larger than 64 KB.';
const NOT_TEXT = 'Send the signed request as text/plain: the base64 of the signature followed by the JSON message.';

/**
 * Runs before the api's JSON and form parsers on /drp. §2.0: signed bodies are text/plain; a parser would turn a
 * body of another type into something that is no longer the signed text, and its errors speak of its insides.
 * A body of another type is 415 and one declared larger than the limit 413, both before a byte of it is read.
 */
export function drpBodyGate(req: Request, res: Response, next: NextFunction): void {
  const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
  const hasBody = req.headers['transfer-encoding'] !== undefined || (declared !== undefined && declared > 0);
  if (!hasBody) return next();
  if (declared !== undefined && declared > MAX_BODY_BYTES) return refuse(req, res, 413, TOO_LARGE);
  if (!req.is('text/plain')) return refuse(req, res, 415, NOT_TEXT);
  next();
}

/** The raw body of a signed DRP request; a chunked one that grows past the limit is 413 (§3.06). */
export function signedBody(req: Request): Promise<string> {
  // `Content-Length: 0` passes drpBodyGate as no body, yet the api's JSON and form parsers read it (to its end) when
  // its type is theirs: a listener for its 'end' would wait forever. Only an empty body can have been read so.
  if (req.readableEnded) return Promise.resolve('');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData).off('end', onEnd);
      closeAfterAnswer(req);
      reject(new DrpError(413, TOO_LARGE));
    };
    const onEnd = () => resolve(Buffer.concat(chunks).toString('utf8'));
    req.on('data', onData).on('end', onEnd).once('error', reject);
  });
}

/** A §3.06 error answered here, before Nest: a body of a known small size is drained and the connection kept. */
function refuse(req: Request, res: Response, status: 413 | 415, message: string): void {
  if (req.headers['content-length'] === undefined || Number(req.headers['content-length']) > MAX_BODY_BYTES)
    closeAfterAnswer(req);
  res.status(status).json({ code: String(status), message });
}

/**
 * Ends the connection after the answer without losing the answer. Node would destroy the socket right after
 * writing it; with the agent's body still arriving, the kernel answers that with a reset, and the agent's stack
 * throws the unread 413 away with it (EPIPE, ECONNRESET). So: `Connection: close`, end only our side, keep
 * reading and dropping what still comes for a moment, then close.
 */
function closeAfterAnswer(req: Request): void {
  req.res?.setHeader('Connection', 'close');
  const socket = req.socket;
  socket.destroySoon = () => socket.end();
  req.resume();
  const linger = setTimeout(() => socket.destroy(), LINGER_MS).unref();
  socket.once('close', () => clearTimeout(linger));
}
