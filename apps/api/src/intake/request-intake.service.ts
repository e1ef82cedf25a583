import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import {
  appendAudit,
  applyTransition,
  DataSubjectRequest,
  newRequestReference,
  RequestAgent,
  requestFacts,
  rescheduleRequest,
  type OrganisationContext,
} from '#db';
import type { PolicyRight, ProcessorRedirect } from '#policy';
import { internalTargetDaysFor } from '#policy';
import { writeOutbox } from '#queue';
import { computeDeadlines, initialStatus, redirect, requiresVerification } from '#workflow';
import { DATA_SOURCE } from '../infra/tokens.js';
import type { AgentFormDto } from './agent-form.dto.js';
import type { PermissionFile } from './permission-file.js';
import type { RequestFormDto } from './request-form.dto.js';

const REFERENCE_ATTEMPTS = 5;
const UNIQUE_VIOLATION = '23505';

/** How the request came: for the requester themselves, by an authorised agent, or about data held for a controller. */
export type IntakeRoute =
  | { kind: 'self' }
  | { kind: 'agent'; agent: AgentFormDto; permission: PermissionFile }
  | { kind: 'redirect'; redirect: ProcessorRedirect };

/** Turns a valid submission into a stored request and its first job, in one transaction. */
@Injectable()
export class RequestIntakeService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async submit(context: OrganisationContext, right: PolicyRight, form: RequestFormDto, route: IntakeRoute, receivedAt: Date): Promise<DataSubjectRequest> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((tx) => this.insert(tx, context, right, form, route, receivedAt));
      } catch (error) {
        const collided = (error as { code?: string }).code === UNIQUE_VIOLATION && /reference/.test(String(error));
        if (!collided || attempt >= REFERENCE_ATTEMPTS) throw error;
      }
    }
  }

  private async insert(
    tx: EntityManager,
    context: OrganisationContext,
    right: PolicyRight,
    form: RequestFormDto,
    route: IntakeRoute,
    receivedAt: Date,
  ): Promise<DataSubjectRequest> {
    const { organisation, policyVersion, policy, calendar } = context;
    const deadlines = computeDeadlines({
      regime: right.regime,
      requestType: right.type,
      receivedAt,
      timeZone: organisation.timeZone,
      calendar,
      internalTargetDays: internalTargetDaysFor(policy, right.id),
    });
    const needsVerification = requiresVerification(right.type);
    const request = await tx.save(
      tx.create(DataSubjectRequest, {
        reference: newRequestReference(),
        organisationId: organisation.id,
        policyVersionId: policyVersion.id,
        rightId: right.id,
        type: right.type,
        regime: right.regime,
        channel: route.kind === 'agent' ? 'agent' : 'web',
        status: initialStatus(right.type),
        // For an agent's request these are the consumer's: verification and every answer go to the consumer.
        requesterName: form.name,
        requesterEmail: form.email,
        requesterPhone: form.phone || null,
        // As the requester said; an agent's details are taken only when the request is worked here, not redirected.
        relationship: route.kind === 'self' ? 'self' : route.kind === 'agent' ? 'agent' : form.relationship,
        details: form.details ?? '',
        receivedAt,
        clockStartedAt: receivedAt,
        acknowledgeBy: deadlines.acknowledgeBy,
        dueAt: deadlines.dueAt,
        verificationRequired: needsVerification ? right.verification : 'none',
      }),
    );
    await appendAudit(tx, {
      organisationId: organisation.id,
      requestId: request.id,
      actorLabel: 'requester',
      action: 'request.received',
      detail: { channel: request.channel, rightId: right.id, dueAt: request.dueAt },
      at: receivedAt,
    });
    if (route.kind === 'redirect') return this.redirectAtOnce(tx, request, context, route.redirect, receivedAt);
    await rescheduleRequest(tx, request, context, receivedAt);
    if (route.kind === 'agent') {
      await tx.insert(RequestAgent, {
        requestId: request.id,
        name: route.agent.agentName,
        email: route.agent.agentEmail,
        isBusiness: route.agent.agentIsBusiness === 'yes',
        registrationNumber: route.agent.agentRegistration || null,
        permissionFileName: route.permission.fileName,
        permissionContentType: route.permission.contentType,
        permissionSize: route.permission.size,
        permissionContent: route.permission.content,
      });
      // The agent is told the consumer must confirm; the consumer's verification mail is worded for an agent's request.
      await writeOutbox(tx, 'agent.receipt.send', { requestId: request.id }, 'initial');
    }
    // Opt-outs need no verification: the requester still gets a receipt with the private status link.
    if (needsVerification) await writeOutbox(tx, 'verification.send', { requestId: request.id }, 'initial');
    else await writeOutbox(tx, 'receipt.send', { requestId: request.id }, 'initial');
    return request;
  }

  /**
   * The organisation only processes this data for a controller: the request closes at once as redirected,
   * through the workflow's redirect, and its mail gives the requester whom to ask in writing (the page says it
   * too). No verification: nothing is disclosed or done here.
   */
  private async redirectAtOnce(
    tx: EntityManager,
    request: DataSubjectRequest,
    context: OrganisationContext,
    processor: ProcessorRedirect,
    at: Date,
  ): Promise<DataSubjectRequest> {
    const result = redirect(requestFacts(request, context), at, processor.controller);
    if (!result.ok) throw new Error(`A new request could not be redirected: ${result.error.message}`);
    applyTransition(request, result.status, result.changes);
    await tx.save(request);
    await rescheduleRequest(tx, request, context, at);
    const [action] = result.events.flatMap((e) => (e.kind === 'audit' ? [e.action] : []));
    const entry = await appendAudit(tx, {
      organisationId: request.organisationId,
      requestId: request.id,
      actorLabel: 'requester',
      action,
      // Policy wording only: which of its services, and the controller it names.
      detail: { controller: processor.controller, services: processor.services },
      at,
    });
    for (const event of result.events) {
      if (event.kind !== 'mail') continue;
      await writeOutbox(tx, 'requester.notify', { requestId: request.id, template: event.template, auditEntryId: entry.id }, `${entry.id}-${event.template}`);
    }
    return request;
  }
}
