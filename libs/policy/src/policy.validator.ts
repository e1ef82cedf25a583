import { isAbsolute, posix } from 'node:path';

import { parse } from 'yaml';

import { citationsOf, collapseWhitespace } from './policy.citations.js';
import {
  CHANNEL_KINDS,
  DATA_POINT_KINDS,
  DATA_POINTS_BEYOND_EMAIL,
  type DataPointKind,
  type FrequencyLimit,
  type Language,
  LANGUAGES,
  type OrganisationPolicy,
  type OrganisationSettings,
  type PolicyChannel,
  type PolicyDeadline,
  type PolicyRight,
  type ProcessorRedirect,
  type Regime,
  REGIMES,
  REQUEST_TYPES,
  SPECIAL_RULE_KINDS,
  type SpecialRule,
  VERIFICATION_LEVELS,
} from './policy.model.js';
import { PolicyFileError } from './policy-file-error.js';
import { at, Checker, describe, type Fields, optional, readYaml } from './yaml-checker.js';

const SLUG = /^[a-z0-9-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const WEB_URL = /^https?:\/\/\S+$/;
const PHONE = /^\+?[0-9][0-9 ()-]*[0-9]$/;
const COUNTRIES = ['US', 'GB'] as const;
const ROLES = ['controller', 'controller_and_processor'] as const;
const DEADLINE_KINDS = ['legal', 'internal_target'] as const;
// date-holidays codes for the UK nations, whose bank holidays differ.
const GB_REGIONS = ['ENG', 'NIR', 'SCT', 'WLS'] as const;

// Typed against the model so a misspelt key here fails to compile.
const POLICY_KEYS = [
  'slug',
  'name',
  'country',
  'holidayRegion',
  'timeZone',
  'version',
  'source',
  'role',
  'regimes',
  'privacyEmail',
  'channels',
  'rights',
  'deadlines',
  'processorRedirects',
  'specialRules',
  'settings',
] as const satisfies readonly (keyof OrganisationPolicy)[];
const SOURCE_KEYS = ['file', 'url'] as const satisfies readonly (keyof OrganisationPolicy['source'])[];
const CHANNEL_KEYS = ['kind', 'value', 'citation'] as const satisfies readonly (keyof PolicyChannel)[];
const RIGHT_KEYS = [
  'id',
  'type',
  'regime',
  'label',
  'verification',
  'verificationCitation',
  'limit',
  'citation',
] as const satisfies readonly (keyof PolicyRight)[];
const LIMIT_KEYS = [
  'count',
  'perMonths',
  'sharedWith',
  'citation',
] as const satisfies readonly (keyof FrequencyLimit)[];
const DEADLINE_KEYS = [
  'rights',
  'kind',
  'days',
  'extensionDays',
  'citation',
] as const satisfies readonly (keyof PolicyDeadline)[];
const REDIRECT_KEYS = [
  'services',
  'controller',
  'askFirstOnly',
  'citation',
] as const satisfies readonly (keyof ProcessorRedirect)[];
const RULE_KEYS = ['kind', 'summary', 'citation'] as const satisfies readonly (keyof SpecialRule)[];
const SETTINGS_KEYS = [
  'verificationLinkDays',
  'internalTargetDays',
  'responseLinkDays',
  'reminderOffsetsDays',
  'extensionWarningDays',
  'retentionDays',
  'identityDocumentDays',
  'smsNumbers',
  'languages',
  'verificationDataPoints',
] as const satisfies readonly (keyof OrganisationSettings)[];

function isTimeZone(name: string): boolean {
  // Intl also accepts bare UTC offsets ("+01:00"), which are not IANA zones and ignore daylight saving.
  if (/^[+-]/.test(name)) return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function readSource(c: Checker, value: unknown): OrganisationPolicy['source'] | undefined {
  const fields = c.mapping(value, 'source', SOURCE_KEYS);
  if (!fields) return undefined;
  let file = c.text(fields.file, 'source.file');
  // The loader reads this path, so keep it inside the seeds folder.
  if (
    file !== undefined &&
    (isAbsolute(file) || posix.normalize(file).startsWith('../') || posix.normalize(file) === '..')
  ) {
    file = c.fail('source.file', `"${file}" must be a relative path inside the seeds folder`);
  }
  const url = fields.url === undefined ? undefined : c.matching(fields.url, 'source.url', WEB_URL, 'an http(s) URL');
  return file === undefined ? undefined : { file, ...optional('url', url) };
}

function readHolidayRegion(
  c: Checker,
  value: unknown,
  country: OrganisationPolicy['country'] | undefined,
): string | undefined {
  if (country === 'GB') return c.oneOf(value, 'holidayRegion', GB_REGIONS);
  return value === undefined
    ? undefined
    : c.matching(value, 'holidayRegion', /^[A-Z]{2}$/, 'a two-letter US state code');
}

function readRegimes(c: Checker, value: unknown): Regime[] | undefined {
  const items = c.list(value, 'regimes', true);
  if (!items) return undefined;
  const regimes = items.map((item, i) => c.oneOf(item, at('regimes', i), REGIMES));
  regimes.forEach((regime, i) => {
    if (regime !== undefined && regimes.indexOf(regime) !== i) c.fail(at('regimes', i), `"${regime}" is listed twice`);
  });
  return regimes.filter((r): r is Regime => r !== undefined);
}

function readSettings(c: Checker, value: unknown): OrganisationSettings | undefined {
  const fields = c.mapping(value, 'settings', SETTINGS_KEYS);
  if (!fields) return undefined;
  const verificationLinkDays = c.wholeNumber(fields.verificationLinkDays, 'settings.verificationLinkDays');
  const internalTargetDays =
    fields.internalTargetDays === undefined
      ? undefined
      : c.wholeNumber(fields.internalTargetDays, 'settings.internalTargetDays');
  const responseLinkDays =
    fields.responseLinkDays === undefined
      ? undefined
      : c.wholeNumber(fields.responseLinkDays, 'settings.responseLinkDays');
  const extensionWarningDays =
    fields.extensionWarningDays === undefined
      ? undefined
      : c.wholeNumber(fields.extensionWarningDays, 'settings.extensionWarningDays');
  const retentionDays =
    fields.retentionDays === undefined ? undefined : c.wholeNumber(fields.retentionDays, 'settings.retentionDays');
  const identityDocumentDays =
    fields.identityDocumentDays === undefined
      ? undefined
      : c.wholeNumber(fields.identityDocumentDays, 'settings.identityDocumentDays');
  const reminderOffsetsDays =
    fields.reminderOffsetsDays === undefined ? undefined : readReminderOffsets(c, fields.reminderOffsetsDays);
  const smsNumbers = fields.smsNumbers === undefined ? undefined : readSmsNumbers(c, fields.smsNumbers);
  const languages = fields.languages === undefined ? undefined : readLanguages(c, fields.languages);
  const verificationDataPoints =
    fields.verificationDataPoints === undefined
      ? undefined
      : readVerificationDataPoints(c, fields.verificationDataPoints);
  return {
    verificationLinkDays,
    ...optional('internalTargetDays', internalTargetDays),
    ...optional('responseLinkDays', responseLinkDays),
    ...optional('reminderOffsetsDays', reminderOffsetsDays),
    ...optional('extensionWarningDays', extensionWarningDays),
    ...optional('retentionDays', retentionDays),
    ...optional('identityDocumentDays', identityDocumentDays),
    ...optional('smsNumbers', smsNumbers),
    ...optional('languages', languages),
    ...optional('verificationDataPoints', verificationDataPoints),
  } as OrganisationSettings;
}

/** Kinds the form can ask, each once, in the order it asks them. */
function readVerificationDataPoints(c: Checker, value: unknown): DataPointKind[] | undefined {
  const path = 'settings.verificationDataPoints';
  const items = c.list(value, path, true);
  if (!items) return undefined;
  const kinds = items.map((item, i) => c.oneOf(item, at(path, i), DATA_POINT_KINDS));
  kinds.forEach((kind, i) => {
    if (kind !== undefined && kinds.indexOf(kind) !== i) c.fail(at(path, i), `"${kind}" is listed twice`);
  });
  return kinds.some((k) => k === undefined) || new Set(kinds).size !== kinds.length
    ? undefined
    : (kinds as DataPointKind[]);
}

// A right whose verification needs data points the organisation cannot ask for could never be verified.
function checkDataPointsSuffice(
  c: Checker,
  rights: readonly (PolicyRight | undefined)[],
  dataPoints: readonly DataPointKind[] | undefined,
  listReadable: boolean,
): void {
  // A list that is itself wrong is reported once, where it is wrong.
  if (!listReadable) return;
  const listed = dataPoints?.length ?? 0;
  rights.forEach((right, i) => {
    if (right?.verification === undefined) return;
    const needed = DATA_POINTS_BEYOND_EMAIL[right.verification];
    if (listed >= needed) return;
    c.fail(
      `rights[${i}].verification`,
      `"${right.verification}" needs settings.verificationDataPoints to list at least ${needed} data point${needed === 1 ? '' : 's'} to match beside the email address (it lists ${listed})`,
    );
  });
}

/** Languages we have wording for, each once; the first is the default. */
function readLanguages(c: Checker, value: unknown): Language[] | undefined {
  const items = c.list(value, 'settings.languages', true);
  if (!items) return undefined;
  const languages = items.map((item, i) => c.oneOf(item, `settings.languages[${i}]`, LANGUAGES));
  if (languages.some((l) => l === undefined)) return undefined;
  if (new Set(languages).size !== languages.length) {
    c.fail('settings.languages', 'each language may appear once');
    return undefined;
  }
  return languages as Language[];
}

/** E.164 exactly as the SMS provider reports the number texted (+ and 8 to 15 digits), each once. */
function readSmsNumbers(c: Checker, value: unknown): string[] | undefined {
  const items = c.list(value, 'settings.smsNumbers', true);
  if (!items) return undefined;
  const numbers = items.map((item, i) =>
    c.matching(item, `settings.smsNumbers[${i}]`, /^\+[1-9]\d{7,14}$/, 'an E.164 number such as +15550100123'),
  );
  if (numbers.some((n) => n === undefined)) return undefined;
  if (new Set(numbers).size !== numbers.length) {
    c.fail('settings.smsNumbers', 'each number may appear once');
    return undefined;
  }
  return numbers as string[];
}

/** Whole days, each at least 1, no repeats: each offset is one reminder. */
function readReminderOffsets(c: Checker, value: unknown): number[] | undefined {
  const items = c.list(value, 'settings.reminderOffsetsDays', true);
  if (!items) return undefined;
  const offsets = items.map((item, i) => c.wholeNumber(item, `settings.reminderOffsetsDays[${i}]`));
  if (offsets.some((o) => o === undefined)) return undefined;
  if (new Set(offsets).size !== offsets.length) {
    c.fail('settings.reminderOffsetsDays', 'each offset may appear once');
    return undefined;
  }
  return (offsets as number[]).sort((a, b) => b - a);
}

function readChannel(c: Checker, value: unknown, path: string): PolicyChannel | undefined {
  const fields = c.mapping(value, path, CHANNEL_KEYS);
  if (!fields) return undefined;
  const kind = c.oneOf(fields.kind, at(path, 'kind'), CHANNEL_KINDS);
  const valuePath = at(path, 'value');
  let channelValue: string | undefined;
  if (kind === 'email') channelValue = c.matching(fields.value, valuePath, EMAIL, 'an email address');
  // A form named in a policy without its address (an imported draft's, say) is no way to make a request.
  else if (kind === 'web_form' && fields.value === undefined)
    channelValue = c.fail(valuePath, "needs the form's http(s) URL: a requester cannot use a form without its address");
  else if (kind === 'web_form') channelValue = c.matching(fields.value, valuePath, WEB_URL, 'an http(s) URL');
  else if (kind === 'phone') channelValue = c.matching(fields.value, valuePath, PHONE, 'a phone number');
  // A requester can only write to an address they are given; the other kinds are reached from a message or account.
  else if (kind === 'post' || fields.value !== undefined) channelValue = c.text(fields.value, valuePath);
  const citation = c.citation(fields.citation, at(path, 'citation'));
  return { kind, ...optional('value', channelValue), citation } as PolicyChannel;
}

function readLimit(c: Checker, value: unknown, path: string): FrequencyLimit | undefined {
  const fields = c.mapping(value, path, LIMIT_KEYS);
  if (!fields) return undefined;
  const count = c.wholeNumber(fields.count, at(path, 'count'));
  const perMonths = c.wholeNumber(fields.perMonths, at(path, 'perMonths'));
  const sharedWith =
    fields.sharedWith === undefined
      ? undefined
      : c
          .list(fields.sharedWith, at(path, 'sharedWith'), true)
          ?.map((id, i) => c.text(id, at(at(path, 'sharedWith'), i)));
  const citation = c.citation(fields.citation, at(path, 'citation'));
  return { count, perMonths, ...optional('sharedWith', sharedWith), citation } as FrequencyLimit;
}

function readRight(
  c: Checker,
  value: unknown,
  path: string,
  regimes: readonly Regime[] | undefined,
  hasInternalTarget: boolean,
): PolicyRight | undefined {
  const fields = c.mapping(value, path, RIGHT_KEYS);
  if (!fields) return undefined;
  const id = c.matching(fields.id, at(path, 'id'), SLUG, 'an id of a-z, 0-9 and "-"');
  const type = c.oneOf(fields.type, at(path, 'type'), REQUEST_TYPES);
  const regime = c.oneOf(fields.regime, at(path, 'regime'), REGIMES);
  if (regime !== undefined && regimes !== undefined && !regimes.includes(regime)) {
    c.fail(at(path, 'regime'), `"${regime}" is not listed in regimes (${regimes.join(', ')})`);
  }
  if (regime === 'none' && !hasInternalTarget) {
    c.fail(
      at(path, 'regime'),
      '"none" needs settings.internalTargetDays: no law sets this right\'s deadline, so the organisation must',
    );
  }
  const label = c.text(fields.label, at(path, 'label'));
  const verification = c.oneOf(fields.verification, at(path, 'verification'), VERIFICATION_LEVELS);
  const verificationCitation =
    fields.verificationCitation === undefined
      ? undefined
      : c.citation(fields.verificationCitation, at(path, 'verificationCitation'));
  const limit = fields.limit === undefined ? undefined : readLimit(c, fields.limit, at(path, 'limit'));
  const citation = c.citation(fields.citation, at(path, 'citation'));
  return {
    id,
    type,
    regime,
    label,
    verification,
    ...optional('verificationCitation', verificationCitation),
    ...optional('limit', limit),
    citation,
  } as PolicyRight;
}

function checkRightIds(c: Checker, rights: readonly (PolicyRight | undefined)[]): void {
  const firstIndex = new Map<string, number>();
  rights.forEach((right, i) => {
    if (right?.id === undefined) return;
    const first = firstIndex.get(right.id);
    if (first === undefined) firstIndex.set(right.id, i);
    else c.fail(`rights[${i}].id`, `"${right.id}" is already used by rights[${first}]`);
  });
}

// A shared allowance must be declared the same way on every right that draws on it, or the counts would disagree.
function checkSharedLimits(c: Checker, rights: readonly (PolicyRight | undefined)[]): void {
  rights.forEach((right, i) => {
    right?.limit?.sharedWith?.forEach((otherId, j) => {
      const path = `rights[${i}].limit.sharedWith[${j}]`;
      if (otherId === undefined) return;
      const other = rights.find((r) => r?.id === otherId);
      if (!other) c.fail(path, `"${otherId}" is not the id of a right in this file`);
      else if (other === right) c.fail(path, `"${otherId}" is this right itself`);
      else if (
        !other.limit ||
        other.limit.count !== right.limit?.count ||
        other.limit.perMonths !== right.limit?.perMonths ||
        !other.limit.sharedWith?.includes(right.id)
      ) {
        c.fail(
          path,
          `"${otherId}" must have the same count and perMonths and list "${right.id}" in its own limit.sharedWith`,
        );
      }
    });
  });
}

function readDeadline(
  c: Checker,
  value: unknown,
  path: string,
  rightIds: ReadonlySet<string>,
  hasInternalTarget: boolean,
): PolicyDeadline | undefined {
  const fields = c.mapping(value, path, DEADLINE_KEYS);
  if (!fields) return undefined;
  const rights = c.list(fields.rights, at(path, 'rights'), true)?.map((item, i) => {
    const id = c.text(item, at(at(path, 'rights'), i));
    if (id === undefined || rightIds.has(id)) return id;
    return c.fail(
      at(at(path, 'rights'), i),
      `"${id}" is not the id of a right in this file (${[...rightIds].join(', ')})`,
    );
  });
  const kind = c.oneOf(fields.kind, at(path, 'kind'), DEADLINE_KINDS);
  const days = fields.days === undefined ? undefined : c.wholeNumber(fields.days, at(path, 'days'));
  const extensionDays =
    fields.extensionDays === undefined ? undefined : c.wholeNumber(fields.extensionDays, at(path, 'extensionDays'));
  if (fields.extensionDays !== undefined && fields.days === undefined)
    c.fail(at(path, 'extensionDays'), 'needs days: an extension extends a stated period');
  if (kind === 'internal_target' && fields.days === undefined && !hasInternalTarget) {
    c.fail(at(path, 'kind'), 'internal_target without days needs settings.internalTargetDays');
  }
  const citation = c.citation(fields.citation, at(path, 'citation'));
  return {
    rights,
    kind,
    ...optional('days', days),
    ...optional('extensionDays', extensionDays),
    citation,
  } as PolicyDeadline;
}

// Two statements about the same right would leave its deadline ambiguous.
function checkOneDeadlinePerRight(c: Checker, deadlines: readonly (PolicyDeadline | undefined)[]): void {
  const governedBy = new Map<string, number>();
  deadlines.forEach((deadline, i) => {
    deadline?.rights?.forEach((id, j) => {
      if (id === undefined) return;
      const first = governedBy.get(id);
      if (first === undefined) governedBy.set(id, i);
      else c.fail(`deadlines[${i}].rights[${j}]`, `"${id}" already has a deadline in deadlines[${first}]`);
    });
  });
}

function readRedirect(c: Checker, value: unknown, path: string): ProcessorRedirect | undefined {
  const fields = c.mapping(value, path, REDIRECT_KEYS);
  if (!fields) return undefined;
  return {
    services: c.text(fields.services, at(path, 'services')),
    controller: c.text(fields.controller, at(path, 'controller')),
    ...optional('askFirstOnly', readFlag(c, fields.askFirstOnly, at(path, 'askFirstOnly'))),
    citation: c.citation(fields.citation, at(path, 'citation')),
  } as ProcessorRedirect;
}

/** An optional true/false. */
function readFlag(c: Checker, value: unknown, path: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  c.fail(path, `expected true or false, got ${describe(value)}`);
  return undefined;
}

function readRule(c: Checker, value: unknown, path: string): SpecialRule | undefined {
  const fields = c.mapping(value, path, RULE_KEYS);
  if (!fields) return undefined;
  return {
    kind: c.oneOf(fields.kind, at(path, 'kind'), SPECIAL_RULE_KINDS),
    summary: c.text(fields.summary, at(path, 'summary')),
    citation: c.citation(fields.citation, at(path, 'citation')),
  } as SpecialRule;
}

function readPolicy(c: Checker, document: unknown): OrganisationPolicy | undefined {
  const fields = c.mapping(document, '', POLICY_KEYS);
  if (!fields) return undefined;

  const country = c.oneOf(fields.country, 'country', COUNTRIES);
  const timeZone = c.text(fields.timeZone, 'timeZone');
  if (timeZone !== undefined && !isTimeZone(timeZone))
    c.fail('timeZone', `"${timeZone}" is not an IANA time zone (e.g. Europe/London)`);
  const role = c.oneOf(fields.role, 'role', ROLES);
  const regimes = readRegimes(c, fields.regimes);
  const settings = readSettings(c, fields.settings);
  // Checked on the raw value so a mistyped internalTargetDays is reported once, not again on every right that needs it.
  const hasInternalTarget =
    typeof fields.settings === 'object' && fields.settings !== null && 'internalTargetDays' in fields.settings;

  const rights =
    c
      .list(fields.rights, 'rights', true)
      ?.map((item, i) => readRight(c, item, at('rights', i), regimes, hasInternalTarget)) ?? [];
  checkRightIds(c, rights);
  checkSharedLimits(c, rights);
  const dataPointsGiven =
    typeof fields.settings === 'object' && fields.settings !== null && 'verificationDataPoints' in fields.settings;
  checkDataPointsSuffice(
    c,
    rights,
    settings?.verificationDataPoints,
    settings !== undefined && (!dataPointsGiven || settings.verificationDataPoints !== undefined),
  );
  const rightIds = new Set(rights.flatMap((r) => (r?.id === undefined ? [] : [r.id])));

  const deadlines =
    c
      .list(fields.deadlines, 'deadlines', false)
      ?.map((item, i) => readDeadline(c, item, at('deadlines', i), rightIds, hasInternalTarget)) ?? [];
  checkOneDeadlinePerRight(c, deadlines);

  const channels = c.list(fields.channels, 'channels', true)?.map((item, i) => readChannel(c, item, at('channels', i)));
  // Texts to a number are only acted on where the policy says replying STOP works.
  if (settings?.smsNumbers?.length && !channels?.some((ch) => ch?.kind === 'sms_stop')) {
    c.fail('settings.smsNumbers', 'needs a channel of kind sms_stop: the policy must offer opting out by text');
  }
  if (settings?.smsNumbers?.length && !rights.some((r) => r?.type === 'opt_out_marketing_sms')) {
    c.fail('settings.smsNumbers', 'needs a right of type opt_out_marketing_sms for a STOP to exercise');
  }

  const processorRedirects = c
    .list(fields.processorRedirects, 'processorRedirects', false)
    ?.map((item, i) => readRedirect(c, item, at('processorRedirects', i)));
  // A processor must tell requesters who the controller is; a pure controller has no one to redirect to.
  if (role === 'controller_and_processor' && processorRedirects?.length === 0) {
    c.fail('processorRedirects', 'role controller_and_processor needs at least one redirect naming the controller');
  }
  if (role === 'controller' && processorRedirects !== undefined && processorRedirects.length > 0) {
    c.fail('processorRedirects', 'role controller cannot redirect requests; use controller_and_processor');
  }

  return {
    slug: c.matching(fields.slug, 'slug', SLUG, 'a slug of a-z, 0-9 and "-"'),
    name: c.text(fields.name, 'name'),
    country,
    ...optional('holidayRegion', readHolidayRegion(c, fields.holidayRegion, country)),
    timeZone,
    version: c.text(fields.version, 'version'),
    source: readSource(c, fields.source),
    role,
    regimes,
    ...optional(
      'privacyEmail',
      fields.privacyEmail === undefined
        ? undefined
        : c.matching(fields.privacyEmail, 'privacyEmail', EMAIL, 'an email address'),
    ),
    channels,
    rights,
    deadlines,
    processorRedirects,
    specialRules: c
      .list(fields.specialRules, 'specialRules', false)
      ?.map((item, i) => readRule(c, item, at('specialRules', i))),
    settings,
  } as OrganisationPolicy;
}

/**
 * Validates one seed file against the model and against the policy text it cites.
 * Throws PolicyFileError listing every problem, each with the file and field path.
 */
export function parsePolicy(fileName: string, yamlText: string, policyText: string): OrganisationPolicy {
  const c = new Checker();
  const policy = readPolicy(c, readYaml(fileName, yamlText));
  // Quotes are only checked once the structure is sound, since a broken structure may hide where citations are.
  if (policy && c.problems.length === 0) {
    const text = collapseWhitespace(policyText);
    for (const { path, quote } of citationsOf(policy)) {
      if (!text.includes(collapseWhitespace(quote))) c.fail(path, `not found in ${policy.source.file}: "${quote}"`);
    }
  }
  if (c.problems.length > 0 || !policy) throw new PolicyFileError(fileName, c.problems);
  return policy;
}

/** The policy text path a seed file names (relative to the seeds folder), or undefined when parsePolicy would reject it. */
export function sourceFileOf(yamlText: string): string | undefined {
  let document: unknown;
  try {
    document = parse(yamlText);
  } catch {
    return undefined;
  }
  const c = new Checker();
  const source =
    typeof document === 'object' && document !== null ? readSource(c, (document as Fields).source) : undefined;
  return c.problems.length === 0 ? source?.file : undefined;
}
