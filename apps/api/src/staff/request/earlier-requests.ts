import type { DataSource } from 'typeorm';

import type { DataSubjectRequest } from '#db';

export interface EarlierRequestRow {
  id: string;
  reference: string;
  rightId: string;
  status: string;
  receivedAt: Date;
  verifiedAt: Date | null;
}

const SHOWN = 10;

/**
 * The same person's earlier requests to the same organisation, matched by normalised address (as the frequency
 * limit matches them), newest first. None once the address was removed by retention.
 */
export async function earlierRequestsOf(
  dataSource: DataSource,
  request: DataSubjectRequest,
): Promise<EarlierRequestRow[]> {
  const email = request.requesterEmail.trim().toLowerCase();
  if (request.purgedAt || email === '') return [];
  return (await dataSource.query(
    `SELECT id, reference, right_id AS "rightId", status, received_at AS "receivedAt", verified_at AS "verifiedAt"
       FROM data_subject_request
      WHERE organisation_id = $1 AND lower(requester_email) = $2 AND id <> $3 AND received_at <= $4
      ORDER BY received_at DESC LIMIT ${SHOWN}`,
    [request.organisationId, email, request.id, request.receivedAt],
  )) as EarlierRequestRow[];
}
