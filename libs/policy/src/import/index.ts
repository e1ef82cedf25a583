export { diffDrafts } from './diff-drafts.js';
export * from './draft.model.js';
export { importPolicy } from './import-policy.js';
export {
  DEFAULT_VERIFICATION_DATA_POINTS,
  draftToPolicyDocument,
  draftVerificationGuess,
  rightId,
} from './policy-document.js';
