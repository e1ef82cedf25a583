export { loadDataMap, loadDataMaps, type LoadedDataMap } from './datamap.loader.js';
export * from './datamap.model.js';
export { parseDataMap } from './datamap.validator.js';
export * from './draft-edits.js';
export {
  acceptsAgents,
  asksDataPoints,
  asksDeclaration,
  asksResidence,
  dataPointsAsked,
  type FormChoice,
  formChoices,
  needsDeclaration,
  rightChosen,
  senderAddressRule,
} from './form-choices.js';
export * from './import/index.js';
export { citationsOf, type CitedQuote } from './policy.citations.js';
export { loadPolicies } from './policy.loader.js';
export * from './policy.model.js';
export {
  agentRegistrationRule,
  deadlineFor,
  findRight,
  internalTargetDaysFor,
  processorRedirects,
  rightsOffered,
} from './policy.queries.js';
export { parsePolicy } from './policy.validator.js';
export { type CheckedPolicy, checkPolicyDocument } from './policy-document.js';
export { PolicyFileError, type PolicyProblem } from './policy-file-error.js';
