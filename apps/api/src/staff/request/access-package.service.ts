import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { type DataSource, In } from 'typeorm';

import {
  type ChangeActor,
  DataMapVersion,
  DataSubjectRequest,
  OrganisationDirectory,
  SystemFindings,
  tasksOf,
} from '#db';
import { type AccessPackage, buildAccessPackage } from '#systems';
import { isSettled } from '#workflow';

import { DATA_SOURCE } from '../../infra/tokens.js';
import { isUuid } from '../../infra/uuid.js';
import { ActionRefused } from '../../requests/action-refused.js';
import { RequestActionsService } from '../../requests/request-actions.service.js';
import { answeredWithFiles } from '../../requests/response-upload.js';

/**
 * The access package of a request, built from what its systems found: staff download it to look it over, then
 * release it with one action, which stores it as the response and fulfils the request (the requester downloads it
 * through the status link, and retention removes it with the other response files).
 */
@Injectable()
export class AccessPackageService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    private readonly actions: RequestActionsService,
  ) {}

  async build(organisationId: string, requestId: string): Promise<AccessPackage> {
    const request = isUuid(requestId)
      ? await this.dataSource.getRepository(DataSubjectRequest).findOneBy({ id: requestId, organisationId })
      : null;
    if (!request) throw new NotFoundException('There is no such request here.');
    if (!answeredWithFiles(request.type))
      throw ActionRefused.conflict('Only access, portability and categories requests are answered with a package.');
    const tasks = (await tasksOf(this.dataSource.manager, organisationId, request.id)).filter(
      (task) => task.purpose === 'access',
    );
    if (tasks.length === 0) throw ActionRefused.conflict('No connected system has searched for this requester yet.');
    if (tasks.some((task) => !isSettled(task.state)))
      throw ActionRefused.conflict('Some systems are not finished: wait for them, or close them with a reason.');
    const [findings, version, context] = await Promise.all([
      this.dataSource.getRepository(SystemFindings).findBy({ taskId: In(tasks.map((task) => task.id)) }),
      this.dataSource.getRepository(DataMapVersion).findOneByOrFail({ id: tasks[0].dataMapVersionId, organisationId }),
      this.directory.forRequest(request),
    ]);
    const byTask = new Map(findings.map((found) => [found.taskId, found.tables]));
    return buildAccessPackage({
      organisation: { name: context.organisation.name },
      request: {
        reference: request.reference,
        type: request.type as 'access' | 'portability' | 'categories',
        receivedAt: request.receivedAt,
        regime: request.regime,
      },
      dataMap: version.document,
      policy: context.policy,
      systems: tasks.map((task) => ({ task, findings: byTask.get(task.id) ?? null })),
    });
  }

  async release(organisationId: string, requestId: string, actor: ChangeActor & { id: string }, now: Date) {
    const built = await this.build(organisationId, requestId);
    const file = {
      originalname: built.fileName,
      mimetype: 'application/zip',
      size: built.zip.length,
      buffer: built.zip,
    };
    await this.actions.fulfil(organisationId, requestId, actor, { resolution: '', files: [file] }, now);
  }
}
