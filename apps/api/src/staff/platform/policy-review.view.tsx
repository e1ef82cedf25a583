import { type SafeHtml, staffPaths } from '#mail';
import {
  type DraftCitation,
  type DraftDiff,
  type Drafted,
  draftVerificationGuess,
  type PolicyDraft,
  type PolicyProblem,
  REGIMES,
  REQUEST_TYPES,
  type Sentence,
} from '#policy';

import type { PageContext } from '../../infra/page.decorator.js';
import { FieldError, type FieldErrors } from '../../views/components/form-fields.js';
import { CsrfField } from '../../views/components/page-parts.js';
import { staffPage } from '../../views/staff-layout.view.js';
import { staffChrome } from '../auth/staff-route.decorator.js';
import type { ImportUnderReview } from './platform.service.js';
import { COUNTRIES, TIME_ZONES } from './platform-forms.js';

export interface PolicyReview extends ImportUnderReview {
  errors?: FieldErrors;
  /** What the validator or a stale edit refused, each with the field it names. */
  problems?: readonly PolicyProblem[];
}

/** The sentences a citation overlaps: what the text column highlights for it. */
function citedSentences(sentences: readonly Sentence[], citation: DraftCitation): number[] {
  return sentences.flatMap((s, i) => (s.start < citation.end && citation.start < s.end ? [i] : []));
}

function allCitations(draft: PolicyDraft): DraftCitation[] {
  const items: Drafted[] = [
    ...draft.regimes,
    ...draft.rights,
    ...draft.deadlines,
    ...draft.channels,
    ...draft.specialRules,
  ];
  return [...items.map((i) => i.citation), ...draft.rights.flatMap((r) => (r.limit ? [r.limit.citation] : []))];
}

/** The policy text, sentence by sentence, each cited one marked so an item's link lands on it. */
function PolicyText({ text, sentences, draft }: { text: string; sentences: readonly Sentence[]; draft: PolicyDraft }) {
  const cited = new Set(allCitations(draft).flatMap((c) => citedSentences(sentences, c)));
  const parts: SafeHtml[] = [];
  let at = 0;
  sentences.forEach((s, i) => {
    if (s.start > at) parts.push(<>{text.slice(at, s.start)}</>);
    const words = text.slice(s.start, s.end);
    parts.push(cited.has(i) ? <mark id={`s-${i}`}>{words}</mark> : <span id={`s-${i}`}>{words}</span>);
    at = Math.max(at, s.end);
  });
  if (at < text.length) parts.push(<>{text.slice(at)}</>);
  return (
    <section class="policy-text" aria-label="The policy text, cited sentences marked" tabindex="0">
      {parts}
    </section>
  );
}

/** Where an item comes from: its quote, a link to it in the text, and the importer's doubt if it had one. */
function Source({ item, sentences }: { item: Drafted; sentences: readonly Sentence[] }) {
  const [first] = citedSentences(sentences, item.citation);
  return (
    <>
      <blockquote>
        {item.citation.quote} {first !== undefined && <a href={`#s-${first}`}>in the text</a>}
      </blockquote>
      <p class={item.reason ? 'unsure' : 'hint'}>
        Confidence {item.confidence.toFixed(2)}
        {item.reason ? `: ${item.reason}` : ''}
      </p>
    </>
  );
}

/** The data points the form will ask to match a requester, a default the reviewer must check. */
function VerificationGuess({ draft }: { draft: PolicyDraft }) {
  const guess = draftVerificationGuess(draft);
  if (!guess) return <></>;
  return (
    <p class="unsure" id="verification-data-points">
      Asked to verify identity, beside the email address: {guess.kinds.join(', ')}: {guess.reason}
    </p>
  );
}

function Options({ values, selected }: { values: readonly string[]; selected: string }) {
  return (
    <>
      {values.map((v) => (
        <option selected={v === selected}>{v}</option>
      ))}
    </>
  );
}

function Rights({ review, csrf }: { review: PolicyReview; csrf: string }) {
  const { id, draft, sentences } = review.policyImport;
  return (
    <section id="rights">
      <h2>Rights ({draft.rights.length})</h2>
      {draft.rights.length === 0 && <p>None drafted: add the rights the policy grants below.</p>}
      <VerificationGuess draft={draft} />
      <ol>
        {draft.rights.map((r, i) => (
          <li id={`right-${i}`}>
            <form method="post" action={staffPaths.policyImport(id, `rights/${i}`)} class="filters">
              <CsrfField token={csrf} />
              <select name="type" aria-label={`Type of right ${i + 1}`}>
                <Options values={REQUEST_TYPES} selected={r.type} />
              </select>
              <select name="regime" aria-label={`Law of right ${i + 1}`}>
                <Options values={REGIMES} selected={r.regime} />
              </select>
              <input name="label" value={r.label} aria-label={`Label of right ${i + 1}`} />
              <button type="submit" class="secondary">
                Save right {i + 1}
              </button>
            </form>
            <Source item={r} sentences={sentences} />
            {r.limit && (
              <p>
                At most {r.limit.count} per {r.limit.perMonths} months: “{r.limit.citation.quote}”
              </p>
            )}
            <form method="post" action={staffPaths.policyImport(id, `rights/${i}/remove`)}>
              <CsrfField token={csrf} />
              <button type="submit" class="secondary">
                Remove right {i + 1}
              </button>
            </form>
          </li>
        ))}
      </ol>
      <form method="post" action={staffPaths.policyImport(id, 'rights')} id="add-right">
        <h3>Add a right</h3>
        <CsrfField token={csrf} />
        <FieldError errors={review.errors ?? {}} field="sentence" />
        <label for="add-sentence">The sentence that grants it</label>
        <select name="sentence" id="add-sentence">
          {sentences.map((s, i) => (
            <option value={String(i)}>{s.text.length > 120 ? `${s.text.slice(0, 117)}…` : s.text}</option>
          ))}
        </select>
        <label for="add-type">Type</label>
        <select name="type" id="add-type">
          <Options values={REQUEST_TYPES} selected="access" />
        </select>
        <label for="add-regime">Law</label>
        <select name="regime" id="add-regime">
          <Options values={REGIMES} selected="none" />
        </select>
        <label for="add-label">How the form offers it</label>
        <FieldError errors={review.errors ?? {}} field="label" />
        <input name="label" id="add-label" />
        <button type="submit" class="secondary">
          Add the right
        </button>
      </form>
    </section>
  );
}

function Deadlines({ review, csrf }: { review: PolicyReview; csrf: string }) {
  const { id, draft, sentences } = review.policyImport;
  return (
    <section id="deadlines">
      <h2>Deadlines ({draft.deadlines.length})</h2>
      <ol>
        {draft.deadlines.map((d, i) => (
          <li id={`deadline-${i}`}>
            <p>
              {d.wording} ({d.regime}; for {d.rightTypes.join(', ') || 'every right'})
            </p>
            <form method="post" action={staffPaths.policyImport(id, `deadlines/${i}`)} class="filters">
              <CsrfField token={csrf} />
              <select name="kind" aria-label={`Kind of deadline ${i + 1}`}>
                <option value="legal" selected={d.kind === 'legal'}>
                  the law’s period
                </option>
                <option value="internal_target" selected={d.kind === 'internal_target'}>
                  the policy’s shorter target
                </option>
              </select>
              <input
                name="days"
                inputmode="numeric"
                value={d.days === undefined ? '' : String(d.days)}
                aria-label={`Days of deadline ${i + 1}`}
              />
              <button type="submit" class="secondary">
                Save deadline {i + 1}
              </button>
            </form>
            <Source item={d} sentences={sentences} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function Channels({ review, csrf }: { review: PolicyReview; csrf: string }) {
  const { id, draft, sentences } = review.policyImport;
  return (
    <section id="channels">
      <h2>Channels ({draft.channels.length})</h2>
      <ol>
        {draft.channels.map((c, i) => (
          <li id={`channel-${i}`}>
            <form method="post" action={staffPaths.policyImport(id, `channels/${i}`)} class="filters">
              <CsrfField token={csrf} />
              <span>{c.kind}</span>
              <input name="value" value={c.value ?? ''} aria-label={`Address, number or URL of channel ${i + 1}`} />
              <button type="submit" class="secondary">
                Save channel {i + 1}
              </button>
            </form>
            <Source item={c} sentences={sentences} />
            <form method="post" action={staffPaths.policyImport(id, `channels/${i}/remove`)}>
              <CsrfField token={csrf} />
              <button type="submit" class="secondary">
                Remove channel {i + 1}
              </button>
            </form>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Cited({
  title,
  id,
  items,
  review,
}: {
  title: string;
  id: string;
  items: { text: string; item: Drafted }[];
  review: PolicyReview;
}) {
  return (
    <section id={id}>
      <h2>
        {title} ({items.length})
      </h2>
      <ul>
        {items.map(({ text, item }) => (
          <li>
            {text}
            <Source item={item} sentences={review.policyImport.sentences} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Settings({ review, csrf }: { review: PolicyReview; csrf: string }) {
  const p = review.policyImport;
  const errors = review.errors ?? {};
  return (
    <form method="post" action={staffPaths.policyImport(p.id, 'settings')} id="settings">
      <h2>Organisation</h2>
      <CsrfField token={csrf} />
      <p>
        Address name: <code>{p.slug}</code> (form at /o/{p.slug}/requests/new)
      </p>
      <label for="name">Name</label>
      <FieldError errors={errors} field="name" />
      <input name="name" id="name" value={p.name} />
      <label for="timeZone">Time zone</label>
      <FieldError errors={errors} field="timeZone" />
      <select name="timeZone" id="timeZone">
        <Options values={TIME_ZONES} selected={p.timeZone} />
      </select>
      <label for="country">Country</label>
      <FieldError errors={errors} field="country" />
      <select name="country" id="country">
        <Options values={COUNTRIES} selected={p.country} />
      </select>
      <button type="submit" class="secondary">
        Save settings
      </button>
    </form>
  );
}

function Changes({ review }: { review: PolicyReview }) {
  if (review.replaces === null) return <></>;
  if (review.diff === null)
    return (
      <section id="diff">
        <h2>Changes</h2>
        <p>
          The current version ({review.replaces.version}) was written by hand, not imported, so there is no earlier
          draft to compare with: check each item below.
        </p>
      </section>
    );
  const d: DraftDiff = review.diff;
  const line = (what: string, items: string[]) =>
    items.length > 0 && (
      <>
        <h3>{what}</h3>
        <ul>
          {items.map((i) => (
            <li>{i}</li>
          ))}
        </ul>
      </>
    );
  const none = Object.values(d).every((list: unknown[]) => list.length === 0);
  return (
    <section id="diff">
      <h2>Changes since version {review.replaces.version}</h2>
      {none && <p>None: the draft grants the same rights, deadlines and channels.</p>}
      {line(
        'Rights added',
        d.rightsAdded.map((r) => `${r.type} (${r.regime}): “${r.citation.quote}”`),
      )}
      {line(
        'Rights removed',
        d.rightsRemoved.map((r) => `${r.type} (${r.regime}): “${r.citation.quote}”`),
      )}
      {line(
        'Rights reworded',
        d.rightsReworded.map(
          (c) => `${c.after.type} (${c.after.regime}): “${c.before.citation.quote}” → “${c.after.citation.quote}”`,
        ),
      )}
      {line(
        'Deadlines changed',
        d.deadlinesChanged.map((c) => `${c.before?.wording ?? 'none'} → ${c.after?.wording ?? 'none'}`),
      )}
      {line(
        'Channels added',
        d.channelsAdded.map((c) => `${c.kind} ${c.value ?? ''}`),
      )}
      {line(
        'Channels removed',
        d.channelsRemoved.map((c) => `${c.kind} ${c.value ?? ''}`),
      )}
    </section>
  );
}

/** The draft beside the text it was drawn from: every item shows its sentence, marked in the text. */
export function policyReviewPage(review: PolicyReview, context: PageContext): string {
  const chrome = staffChrome(context);
  const p = review.policyImport;
  const published = p.publishedAt !== null;
  const body = (
    <>
      <h1>
        {review.replaces ? 'A new policy version for' : 'A new organisation:'} {p.name}
      </h1>
      {review.problems && review.problems.length > 0 && (
        <div class="summary" role="alert" id="problems">
          <h2>Not published</h2>
          <ul>
            {review.problems.map((problem) => (
              <li>{problem.path ? `${problem.path}: ${problem.message}` : problem.message}</li>
            ))}
          </ul>
        </div>
      )}
      {published && (
        <p class="notice" role="status">
          Published. <a href={`/o/${encodeURIComponent(p.slug)}/requests/new`}>Its request form</a>
        </p>
      )}
      <Changes review={review} />
      <div class="review">
        <PolicyText text={p.policyText} sentences={p.sentences} draft={p.draft} />
        <div class="draft">
          <Settings review={review} csrf={chrome.csrfToken} />
          <Rights review={review} csrf={chrome.csrfToken} />
          <Deadlines review={review} csrf={chrome.csrfToken} />
          <Channels review={review} csrf={chrome.csrfToken} />
          <Cited
            title="Laws"
            id="regimes"
            review={review}
            items={p.draft.regimes.map((r) => ({ text: r.regime, item: r }))}
          />
          <Cited
            title="Special rules"
            id="special-rules"
            review={review}
            items={p.draft.specialRules.map((r) => ({ text: `${r.kind}: ${r.summary}`, item: r }))}
          />
          {!published && (
            <form method="post" action={staffPaths.policyImport(p.id, 'publish')} id="publish">
              <CsrfField token={chrome.csrfToken} />
              <p>Publishing makes this the policy new requests are made under; earlier requests keep theirs.</p>
              <button type="submit">Publish</button>
            </form>
          )}
        </div>
      </div>
    </>
  );
  return staffPage(`Review: ${p.name}`, body, chrome);
}
