// What a re-imported policy changes, for the reviewer to see before publishing a new version.

import type { DraftChannel, DraftDeadline, DraftDiff, DraftRight, PolicyDraft } from './draft.model.js';

const rightKey = (r: DraftRight): string => `${r.type}/${r.regime}`;
const channelKey = (c: DraftChannel): string => `${c.kind}/${(c.value ?? '').toLowerCase()}`;
// A deadline is the same statement when it speaks of the same law and at least one of the same rights.
const sameSubject = (a: DraftDeadline, b: DraftDeadline): boolean =>
  a.regime === b.regime &&
  (a.rightTypes.some((t) => b.rightTypes.includes(t)) || (a.rightTypes.length === 0 && b.rightTypes.length === 0));
const sameDeadline = (a: DraftDeadline, b: DraftDeadline): boolean =>
  a.kind === b.kind && a.days === b.days && a.extensionDays === b.extensionDays && a.wording === b.wording;

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(key(item))) map.set(key(item), item);
  return map;
}

export function diffDrafts(before: PolicyDraft, after: PolicyDraft): DraftDiff {
  const [oldRights, newRights] = [byKey(before.rights, rightKey), byKey(after.rights, rightKey)];
  const [oldChannels, newChannels] = [byKey(before.channels, channelKey), byKey(after.channels, channelKey)];
  const matched = new Set<DraftDeadline>();
  const deadlinesChanged = [
    ...before.deadlines.flatMap((d) => {
      const now = after.deadlines.find((n) => !matched.has(n) && sameSubject(d, n));
      if (!now) return [{ before: d }];
      matched.add(now);
      return sameDeadline(d, now) ? [] : [{ before: d, after: now }];
    }),
    ...after.deadlines.filter((n) => !matched.has(n)).map((d) => ({ after: d })),
  ];
  return {
    rightsAdded: [...newRights].filter(([key]) => !oldRights.has(key)).map(([, r]) => r),
    rightsRemoved: [...oldRights].filter(([key]) => !newRights.has(key)).map(([, r]) => r),
    rightsReworded: [...oldRights].flatMap(([key, r]) => {
      const now = newRights.get(key);
      return now && now.citation.quote !== r.citation.quote ? [{ before: r, after: now }] : [];
    }),
    deadlinesChanged,
    channelsAdded: [...newChannels].filter(([key]) => !oldChannels.has(key)).map(([, c]) => c),
    channelsRemoved: [...oldChannels].filter(([key]) => !newChannels.has(key)).map(([, c]) => c),
  };
}
