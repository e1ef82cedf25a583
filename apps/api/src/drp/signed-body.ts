import type { Request } from 'express';
import { DrpError } from './drp-error.js';

const MAX_BODY_BYTES = 64 * 1024;

/**
 * The raw body of a signed DRP request. §2.0: signed POST and DELETE bodies are text/plain; the api's JSON and
 * form parsers would have turned a body of another type into something that is no longer the signed text.
 */
export async function signedBody(req: Request): Promise<string> {
  if (req.is('application/json') || req.is('application/x-www-form-urlencoded')) {
    throw new DrpError(415, 'Send the signed request as text/plain: the base64 of the signature followed by the JSON message.');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new DrpError(413, 'The signed request is larger than 64 KB.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
