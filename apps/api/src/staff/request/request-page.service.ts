import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { type DataSource, In } from 'typeorm';

import {
  AuditEntry,
  DataMapVersion,
  DataSubjectRequest,
  type FulfilmentTask,
  IdentityDocument,
  IdentityEvidence,
  type OrganisationContext,
  OrganisationDirectory,
  RequestAgent,
  requestDeadlines,
  requestFacts,
  RequestNote,
  ResponseFile,
  StaffUser,
  tasksOf,
  TeamRepository,
  WORKING_ROLES,
} from '#db';
import {
  agentRegistrationRule,
  type ConnectedSystem,
  findRight,
  type PolicyRight,
  type ProcessorRedirect,
  type SpecialRule,
} from '#policy';
import type { Deadlines } from '#workflow';

import { DATA_SOURCE } from '../../infra/tokens.js';
import { isUuid } from '../../infra/uuid.js';
import type { StaffOrganisation } from '../auth/organisation-access.js';
import { type InboundMail, InboundMailService } from '../inbound/inbound-mail.service.js';
import { type AvailableActions, availableActions } from './available-actions.js';
import { type EarlierRequestRow, earlierRequestsOf } from './earlier-requests.js';

export interface TimelineItem {
  entry: AuditEntry;
  /** The note, question or reply the entry points at. */
  note?: RequestNote;
}

export interface SystemTaskRow {
  task: FulfilmentTask;
  system: ConnectedSystem | undefined;
}

export interface TeamMember {
  id: string;
  name: string;
}

export interface RequestPageModel {
  organisation: StaffOrganisation;
  /** The organisation as it was when the request was made: its policy version and that version's right. */
  requestContext: OrganisationContext;
  request: DataSubjectRequest;
  right: PolicyRight | undefined;
  deadlines: Deadlines;
  assignee: TeamMember | null;
  timeline: TimelineItem[];
  /** Names of the staff the timeline mentions (assignees), by id. */
  staffNames: Map<string, string>;
  files: ResponseFile[];
  /** The authorised agent who made the request, and their permission file's name, type and size (not its bytes). */
  agent: RequestAgent | null;
  /** The rule of the request's policy that agents be registered with the California Secretary of State, to check against. */
  agentRegistrationRule: SpecialRule | undefined;
  /** The same person's earlier requests here (by normalised address), newest first: what a frequency limit counts. */
  earlierRequests: EarlierRequestRow[];
  /** Agents and admins a request can be assigned to. */
  team: TeamMember[];
  redirects: ProcessorRedirect[];
  actions: AvailableActions;
  /** The mail the request came as (channel email), while retention has not removed it. */
  inboundMail: InboundMail | null;
  /** When the page was built: days left are counted from it. */
  now: Date;
  /** The request's connected-system tasks, each with its system as the data map it was planned under describes it. */
  systems: SystemTaskRow[];
  /** Each data point the requester gave, as matched against the records: kind and result only. */
  identityEvidence: IdentityEvidence[];
  /** The identity document the requester uploaded, when the right asks for one (never its content). */
  identityDocument: IdentityDocument | null;
}

/** Everything a request page shows, read for one organisation only. */
@Injectable()
export class RequestPageService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    private readonly inboundMail: InboundMailService,
  ) {}

  async load(organisation: StaffOrganisation, requestId: string, now: Date): Promise<RequestPageModel> {
    const organisationId = organisation.organisation.id;
    const request = isUuid(requestId)
      ? await this.dataSource.getRepository(DataSubjectRequest).findOneBy({ id: requestId, organisationId })
      : null;
    if (!request) throw new NotFoundException('There is no such request here.');
    const requestContext = await this.directory.forRequest(request);
    const facts = requestFacts(request, requestContext);

    const [entries, files, team, agent, inboundMail, systems, identityEvidence, identityDocument] = await Promise.all([
      this.dataSource
        .getRepository(AuditEntry)
        .find({ where: { requestId: request.id, organisationId }, order: { seq: 'ASC' } }),
      this.dataSource
        .getRepository(ResponseFile)
        .find({ where: { requestId: request.id }, order: { createdAt: 'ASC', fileName: 'ASC' } }),
      this.team(organisationId),
      this.dataSource.getRepository(RequestAgent).findOneBy({ requestId: request.id }),
      request.channel === 'email' ? this.inboundMail.forRequest(organisationId, request.id) : null,
      this.systemTasks(organisationId, request.id),
      this.dataSource
        .getRepository(IdentityEvidence)
        .find({ where: { requestId: request.id, organisationId }, order: { dataPoint: 'ASC' } }),
      this.dataSource.getRepository(IdentityDocument).findOneBy({ requestId: request.id, organisationId }),
    ]);
    const noteIds = entries.flatMap((e) => (typeof e.detail.noteId === 'string' ? [e.detail.noteId] : []));
    const notes =
      noteIds.length === 0
        ? []
        : await this.dataSource.getRepository(RequestNote).findBy({ id: In(noteIds), requestId: request.id });
    const noteById = new Map(notes.map((n) => [n.id, n]));
    const staffIds = new Set<string>(request.assigneeId === null ? [] : [request.assigneeId]);
    for (const { detail } of entries) {
      for (const id of [detail.assigneeId, detail.previousAssigneeId]) if (typeof id === 'string') staffIds.add(id);
    }
    const staff =
      staffIds.size === 0 ? [] : await this.dataSource.getRepository(StaffUser).findBy({ id: In([...staffIds]) });
    const staffNames = new Map(staff.map((u) => [u.id, u.name]));

    return {
      now,
      organisation,
      requestContext,
      request,
      right: findRight(requestContext.policy, request.rightId),
      deadlines: requestDeadlines(request, requestContext),
      assignee:
        request.assigneeId === null
          ? null
          : { id: request.assigneeId, name: staffNames.get(request.assigneeId) ?? 'a former member' },
      staffNames,
      timeline: entries.map((entry) => ({
        entry,
        note: typeof entry.detail.noteId === 'string' ? noteById.get(entry.detail.noteId) : undefined,
      })),
      files,
      agent,
      agentRegistrationRule: agentRegistrationRule(requestContext.policy),
      team,
      redirects: requestContext.policy.processorRedirects,
      actions: availableActions(
        facts,
        organisation.role,
        now,
        findRight(requestContext.policy, request.rightId)?.limit !== undefined,
      ),
      earlierRequests: await earlierRequestsOf(this.dataSource, request),
      inboundMail,
      systems,
      identityEvidence,
      identityDocument,
    };
  }

  private async systemTasks(organisationId: string, requestId: string): Promise<SystemTaskRow[]> {
    const tasks = await tasksOf(this.dataSource.manager, organisationId, requestId);
    const versionIds = [...new Set(tasks.map((task) => task.dataMapVersionId))];
    const versions =
      versionIds.length === 0
        ? []
        : await this.dataSource.getRepository(DataMapVersion).findBy({ id: In(versionIds), organisationId });
    const documents = new Map(versions.map((version) => [version.id, version.document]));
    return tasks.map((task) => ({
      task,
      system: documents.get(task.dataMapVersionId)?.systems.find((system) => system.id === task.systemId),
    }));
  }

  /** The consumer's signed permission of an agent's request of this organisation, with its bytes. */
  async agentPermission(organisation: StaffOrganisation, requestId: string): Promise<RequestAgent> {
    const agent = isUuid(requestId)
      ? await this.dataSource
          .getRepository(RequestAgent)
          .createQueryBuilder('a')
          .addSelect('a.permissionContent')
          .innerJoin(DataSubjectRequest, 'r', 'r.id = a.requestId')
          .where('a.requestId = :id AND r.organisationId = :org', { id: requestId, org: organisation.organisation.id })
          .getOne()
      : null;
    if (!agent) throw new NotFoundException('There is no such permission file here.');
    return agent;
  }

  private async team(organisationId: string): Promise<TeamMember[]> {
    const members = await new TeamRepository(this.dataSource.manager).members(organisationId, { roles: WORKING_ROLES });
    return members.map((m) => ({ id: m.id, name: m.name }));
  }
}
