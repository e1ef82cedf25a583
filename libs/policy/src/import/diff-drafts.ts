// What a re-imported policy changes, for the reviewer to see before publishing a new version.

import type { DraftChannel, DraftDeadline, DraftDiff, DraftRight, PolicyDraft } from './draft.model.js';

const rightKey = (r: DraftRight): string => `${r.type}/${r.regime}`;
const channelKey = (c: DraftChannel): string => `${c.kind}/${(c.value ?? '').toLowerCase()}`;
const deadlineKey = (d: DraftDeadline): string => `${d.regime}/${[...d.rightTypes].sort().join(',')}`;
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
  const [oldDeadlines, newDeadlines] = [byKey(before.deadlines, deadlineKey), byKey(after.deadlines, deadlineKey)];
  const deadlinesChanged = [
    ...[...oldDeadlines].flatMap(([key, d]) => {
      const now = newDeadlines.get(key);
      if (!now) return [{ before: d }];
      return sameDeadline(d, now) ? [] : [{ before: d, after: now }];
    }),
    ...[...newDeadlines].filter(([key]) => !oldDeadlines.has(key)).map(([, d]) => ({ after: d })),
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
