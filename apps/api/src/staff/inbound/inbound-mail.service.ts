import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import { InboundAttachment, InboundMessage } from '#db';

import { DATA_SOURCE } from '../../infra/tokens.js';
import { isUuid } from '../../infra/uuid.js';

/** The mail a request arrived as, without its bytes: what the request page shows. */
export interface InboundMail {
  message: InboundMessage;
  attachments: InboundAttachment[];
}

export interface Download {
  fileName: string;
  contentType: string;
  content: Buffer;
}

const NOT_HERE = 'There is no such mail here.';

/** Reads the mail behind a request, always through the request's organisation. */
@Injectable()
export class InboundMailService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async forRequest(organisationId: string, requestId: string): Promise<InboundMail | null> {
    const message = await this.dataSource.getRepository(InboundMessage).findOneBy({ organisationId, requestId });
    if (!message) return null;
    const attachments = await this.dataSource
      .getRepository(InboundAttachment)
      .find({ where: { messageId: message.id }, order: { fileName: 'ASC', id: 'ASC' } });
    return { message, attachments };
  }

  /** The original message as received (RFC 822), for staff to open in a mail program. */
  async source(organisationId: string, requestId: string): Promise<Download> {
    if (!isUuid(requestId)) throw new NotFoundException(NOT_HERE);
    const message = await this.dataSource
      .getRepository(InboundMessage)
      .createQueryBuilder('m')
      .addSelect('m.source')
      .where('m.organisation_id = :organisationId AND m.request_id = :requestId', { organisationId, requestId })
      .getOne();
    if (!message) throw new NotFoundException(NOT_HERE);
    return { fileName: `${message.id}.eml`, contentType: 'message/rfc822', content: message.source };
  }

  async attachment(organisationId: string, requestId: string, attachmentId: string): Promise<Download> {
    if (!isUuid(requestId) || !isUuid(attachmentId)) throw new NotFoundException(NOT_HERE);
    const attachment = await this.dataSource
      .getRepository(InboundAttachment)
      .createQueryBuilder('a')
      .addSelect('a.content')
      .innerJoin(InboundMessage, 'm', 'm.id = a.message_id')
      .where('a.id = :attachmentId AND m.organisation_id = :organisationId AND m.request_id = :requestId', {
        attachmentId,
        organisationId,
        requestId,
      })
      .getOne();
    if (!attachment) throw new NotFoundException(NOT_HERE);
    return { fileName: attachment.fileName, contentType: attachment.contentType, content: attachment.content };
  }
}
