import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import { DataSubjectRequest, DrpRequest, type OrganisationContext } from '#db';

import { DATA_SOURCE } from '../infra/tokens.js';

/** The request behind a DRP request id of an organisation, for the page its agent's user is sent to. */
@Injectable()
export class DrpVerificationPageService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async request(context: OrganisationContext, drpRequestId: string): Promise<DataSubjectRequest | null> {
    const organisationId = context.organisation.id;
    const drp = await this.dataSource.getRepository(DrpRequest).findOneBy({ organisationId, drpRequestId });
    return drp && this.dataSource.getRepository(DataSubjectRequest).findOneBy({ id: drp.requestId, organisationId });
  }
}
