export * from './policy.model.js';
export { PolicyFileError, type PolicyProblem } from './policy-file-error.js';
export { citationsOf, type CitedQuote } from './policy.citations.js';
export { parsePolicy } from './policy.validator.js';
export { loadPolicies } from './policy.loader.js';
export { acceptsAgents, asksResidence, formChoices, rightChosen, senderAddressRule, type FormChoice } from './form-choices.js';
export { agentRegistrationRule, deadlineFor, findRight, internalTargetDaysFor, processorRedirects, rightsOffered } from './policy.queries.js';
