import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

import { Organisation, PolicyImport, PolicyVersion, publishPolicyVersion, PublishRefused } from '#db';
import {
  diffDrafts,
  type DraftDiff,
  DraftEditRefused,
  draftToPolicyDocument,
  importPolicy,
  type PolicyDraft,
  PolicyFileError,
  type PolicyProblem,
} from '#policy';

import { DATA_SOURCE } from '../../infra/tokens.js';
import { isUuid } from '../../infra/uuid.js';
import type { StaffPrincipal } from '../auth/staff-session.service.js';

export interface PlatformOrganisation {
  slug: string;
  name: string;
  version: string | null;
  /** Whether an operator published its current version (else a seed file did). */
  imported: boolean;
}

/** The policy as the operator gave it, for a new organisation (its settings) or a new version (its slug). */
export type NewImport = (
  { organisation: string } | { slug: string; name: string; timeZone: string; country: 'US' | 'GB' }
) & { content: string | Uint8Array; fileName?: string; contentType?: string };

/** A policy under review, with what changed since the organisation's last published import. */
export interface ImportUnderReview {
  policyImport: PolicyImport;
  /** Null for a new organisation, or one whose current policy was never imported (a seed file). */
  diff: DraftDiff | null;
  /** For a new version: the organisation's current version, so the page says what the diff compares with. */
  replaces: { version: string; imported: boolean } | null;
}

/** The settings a reviewer picks beside the draft. */
export interface ImportSettings {
  name: string;
  timeZone: string;
  country: 'US' | 'GB';
}

/** A publish the validator or the organisation's state refused, worded for the review page. */
export class PublishProblems extends Error {
  constructor(readonly problems: readonly PolicyProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  }
}

/** Creating organisations from their policies, reviewing the drafts and publishing them: platform operators only. */
@Injectable()
export class PlatformService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async organisations(): Promise<PlatformOrganisation[]> {
    return (await this.dataSource.query(
      `SELECT o.slug, o.name, v.version,
              EXISTS (SELECT 1 FROM policy_import i WHERE i.policy_version_id = v.id) AS imported
         FROM organisation o LEFT JOIN policy_version v ON v.id = o.current_policy_version_id
        ORDER BY lower(o.name), o.slug`,
    )) as PlatformOrganisation[];
  }

  /** Reads the policy and keeps its draft for review; a text the importer cannot use is refused with its reason. */
  async start(operator: StaffPrincipal, input: NewImport): Promise<string> {
    const organisations = this.dataSource.getRepository(Organisation);
    let settings: { slug: string; name: string; timeZone: string; country: string };
    let organisationId: string | null = null;
    if ('organisation' in input) {
      const organisation = await organisations.findOneBy({ slug: input.organisation });
      if (!organisation) throw new NotFoundException('There is no such organisation here.');
      settings = organisation;
      organisationId = organisation.id;
    } else {
      if (await organisations.existsBy({ slug: input.slug }))
        throw new ConflictException(`The address name "${input.slug}" is taken; choose another.`);
      settings = input;
    }
    const imported = await importPolicy({
      content: input.content,
      ...(input.fileName ? { fileName: input.fileName } : {}),
      ...(input.contentType ? { contentType: input.contentType } : {}),
    });
    if (!imported.ok) throw new BadRequestException(imported.reason);
    const saved = await this.dataSource.getRepository(PolicyImport).save({
      organisationId,
      slug: settings.slug,
      name: settings.name,
      timeZone: settings.timeZone,
      country: settings.country,
      fileName: input.fileName ?? null,
      policyText: imported.text.content,
      sentences: imported.text.sentences,
      draft: imported.draft,
      createdBy: operator.user.id,
      policyVersionId: null,
      publishedAt: null,
    });
    return saved.id;
  }

  async review(importId: string): Promise<ImportUnderReview> {
    const policyImport = await this.find(importId);
    // Once published it is the current version itself: nothing to compare it with.
    if (policyImport.organisationId === null || policyImport.publishedAt)
      return { policyImport, diff: null, replaces: null };
    const organisation = await this.dataSource
      .getRepository(Organisation)
      .findOneByOrFail({ id: policyImport.organisationId });
    const current = organisation.currentPolicyVersionId
      ? await this.dataSource.getRepository(PolicyVersion).findOneBy({ id: organisation.currentPolicyVersionId })
      : null;
    const previous = current
      ? await this.dataSource.getRepository(PolicyImport).findOneBy({ policyVersionId: current.id })
      : null;
    return {
      policyImport,
      diff: previous ? diffDrafts(previous.draft, policyImport.draft) : null,
      replaces: current ? { version: current.version, imported: previous !== null } : null,
    };
  }

  /** Applies a reviewer's edit to a draft not yet published, one edit at a time; a stale edit is refused in words. */
  async edit(importId: string, change: (draft: PolicyDraft, policyImport: PolicyImport) => PolicyDraft): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const policyImport = await this.unpublished(tx, importId);
      let draft: PolicyDraft;
      try {
        draft = change(policyImport.draft, policyImport);
      } catch (error) {
        if (error instanceof DraftEditRefused) throw new ConflictException(error.message);
        throw error;
      }
      await tx.update(PolicyImport, { id: importId }, { draft });
    });
  }

  async settle(importId: string, settings: ImportSettings): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await this.unpublished(tx, importId);
      await tx.update(PolicyImport, { id: importId }, settings);
    });
  }

  /** Publishes the draft as the organisation's new policy version; returns the organisation's slug. */
  async publish(operator: StaffPrincipal, importId: string): Promise<string> {
    return this.dataSource.transaction(async (tx) => {
      const policyImport = await this.unpublished(tx, importId);
      const document = draftToPolicyDocument(policyImport.draft, {
        slug: policyImport.slug,
        name: policyImport.name,
        timeZone: policyImport.timeZone,
        country: policyImport.country as 'US' | 'GB',
        version: `${policyImport.slug}-imported-${policyImport.createdAt.toISOString().slice(0, 10)}`,
      });
      try {
        const published = await publishPolicyVersion(tx, {
          document,
          policyText: policyImport.policyText,
          organisationId: policyImport.organisationId,
          publishedBy: operator.user.id,
        });
        await tx.update(
          PolicyImport,
          { id: importId },
          {
            organisationId: published.organisation.id,
            policyVersionId: published.policyVersion.id,
            publishedAt: new Date(),
          },
        );
        return published.organisation.slug;
      } catch (error) {
        if (error instanceof PolicyFileError) throw new PublishProblems(error.problems);
        if (error instanceof PublishRefused) throw new PublishProblems([{ path: '', message: error.message }]);
        throw error;
      }
    });
  }

  private async find(importId: string): Promise<PolicyImport> {
    const found = isUuid(importId)
      ? await this.dataSource.getRepository(PolicyImport).findOneBy({ id: importId })
      : null;
    if (!found) throw new NotFoundException('There is no such import here.');
    return found;
  }

  /** The import, locked until the transaction ends, so edits and publishing one draft take turns. */
  private async unpublished(tx: EntityManager, importId: string): Promise<PolicyImport> {
    const found = isUuid(importId)
      ? await tx.findOne(PolicyImport, { where: { id: importId }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!found) throw new NotFoundException('There is no such import here.');
    if (found.publishedAt)
      throw new ConflictException('This import is published; import the policy again to change it.');
    return found;
  }
}
