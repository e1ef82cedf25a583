// Rules beside the rights: children, non-discrimination, identity verification, agents, processors, fees.

import { DRAFT_SURE, type DraftRuleKind, type DraftSpecialRule } from './draft.model.js';
import { citationOf, type PolicySentence } from './sentences.js';

interface RuleSign {
  kind: DraftRuleKind;
  pattern: RegExp;
  summary: string;
  confidence: number;
  reason?: string;
}

const SIGNS: readonly RuleSign[] = [
  {
    kind: 'children',
    pattern:
      /\b(?:children|child|minors?)\b[^.]*\b(?:under|younger\s+than)\s+(?:the\s+age\s+of\s+)?(\d{1,2})|\b(?:under|younger\s+than)\s+(?:the\s+age\s+of\s+)?(\d{1,2})\b[^.]*\b(?:children|child|minors?|knowingly)\b/i,
    summary: 'Rules for children’s personal information (age {age})',
    confidence: 0.9,
  },
  {
    kind: 'children',
    pattern: /\b(?:knowingly\s+collect|directed\s+to)\b[^.]*\b(?:children|child|minors?)\b/i,
    summary: 'Rules for children’s personal information',
    confidence: 0.75,
    reason: 'names no age',
  },
  {
    kind: 'non_discrimination',
    pattern: /\b(?:discriminat\w*|retaliat\w*)\b/i,
    summary: 'No discrimination or retaliation for exercising a right',
    confidence: 0.9,
  },
  {
    kind: 'identity_verification',
    pattern:
      /\bverify\s+(?:your\s+|the\s+requester's\s+|the\s+consumer's\s+)?(?:identity|request)|\b(?:identity\s+)?verification\s+(?:process|of\s+your)|\bverifiable\s+(?:consumer\s+)?request\b/i,
    summary: 'Requests are verified before they are answered; more evidence of identity may be asked for',
    confidence: 0.9,
  },
  {
    kind: 'agent_registration_required',
    pattern: /\b(?:authori[sz]ed\s+agent)\b[^.]*\bSecretary\s+of\s+State\b|\bSecretary\s+of\s+State\b[^.]*\bagent\b/i,
    summary: 'An authorised agent must be registered with the California Secretary of State',
    confidence: 0.9,
  },
  {
    kind: 'processor_redirect',
    pattern:
      /\b(?:on\s+behalf\s+of\s+(?:our|its)\s+(?:customers|clients|business\s+customers)|as\s+a\s+(?:service\s+provider|processor|data\s+processor)\b)[^.]*|\b(?:contact|direct\s+(?:your|the)\s+request\s+to)\s+(?:the\s+)?(?:customer|client|organi[sz]ation|school|controller|business)\b[^.]*\b(?:directly|first)\b/i,
    summary: 'The organisation processes some data for its customers; requests about that data go to the customer',
    confidence: 0.7,
    reason: 'check which services this covers and who the controller is',
  },
  {
    kind: 'free_of_charge',
    pattern:
      /\b(?:free\s+of\s+charge|no\s+(?:fee|charge|cost)|not\s+(?:have\s+to\s+)?(?:pay|charge)\s+(?:you\s+)?a\s+fee|without\s+charge)\b/i,
    summary: 'Requests are answered free of charge',
    confidence: 0.85,
  },
  {
    kind: 'sender_email_only',
    pattern:
      /\bonly\b[^.]*\b(?:from|using)\s+the\s+e-?mail\s+address\b|\be-?mail\s+address\s+(?:associated|registered)\s+with\s+your\s+account\b[^.]*\bonly\b/i,
    summary: 'Requests by email are answered only for the address they are sent from',
    confidence: 0.7,
    reason: 'check the policy limits email requests to the sender’s own address',
  },
];

export function extractSpecialRules(sentences: readonly PolicySentence[]): DraftSpecialRule[] {
  const found = new Map<DraftRuleKind, DraftSpecialRule>();
  for (const sign of SIGNS) {
    if (found.has(sign.kind)) continue;
    for (const s of sentences) {
      if (s.isHeading) continue;
      const match = sign.pattern.exec(s.text);
      if (!match) continue;
      const age = match[1] ?? match[2];
      found.set(sign.kind, {
        kind: sign.kind,
        summary: sign.summary.replace('{age}', age ?? ''),
        citation: citationOf(s),
        confidence: sign.confidence,
        ...(sign.confidence < DRAFT_SURE && sign.reason ? { reason: sign.reason } : {}),
      });
      break;
    }
  }
  return [...found.values()].sort((a, b) => a.citation.start - b.citation.start);
}
