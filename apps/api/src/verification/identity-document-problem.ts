import type { Translate } from '#mail';

import { type FileProblem, MAX_PERMISSION_FILE_BYTES } from '../intake/permission-file.js';
import type { UploadProblem } from '../intake/permission-upload.interceptor.js';

/** What can stop an identity document: the file itself, or the request no longer taking one. */
export type DocumentProblem = FileProblem | UploadProblem | 'refused';

const MESSAGE_KEYS = {
  missing: 'identity.documentMissing',
  type: 'identity.documentType',
  too_large: 'identity.documentTooLarge',
  too_many_files: 'identity.documentOneFile',
  refused: 'identity.documentRefused',
} as const satisfies Record<DocumentProblem, string>;

/** The status page's words for a problem named in its address; anything else in the address is ignored. */
export function documentProblemMessage(problem: string | undefined, t: Translate): string | undefined {
  if (problem === undefined || !Object.hasOwn(MESSAGE_KEYS, problem)) return undefined;
  return t(MESSAGE_KEYS[problem as DocumentProblem], { mb: MAX_PERMISSION_FILE_BYTES / (1024 * 1024) });
}
