export { diffDrafts } from './diff-drafts.js';
export * from './draft.model.js';
export { importPolicy } from './import-policy.js';
export { draftToPolicyDocument, rightId } from './policy-document.js';
