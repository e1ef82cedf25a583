// From an uploaded policy (HTML, text or a saved page, MHTML included) to a cited draft, or a sentence saying why not.

import { type Block, htmlBlocks, textBlocks } from './blocks.js';
import { extractChannels } from './channels.js';
import { attachLimits, extractDeadlines } from './deadlines.js';
import { decode } from './decode.js';
import type { ImportInput, ImportResult, PolicyDraft } from './draft.model.js';
import { extractRegimes } from './regimes.js';
import { extractRights } from './rights.js';
import { isSavedPage, savedPageHtml } from './saved-page.js';
import { publicSentence, splitSentences } from './sentences.js';
import { extractSpecialRules } from './special-rules.js';

/** Far beyond any privacy policy (the longest are about 150,000 characters); reading more only costs time. */
export const MAX_TEXT_CHARS = 2_000_000;

const ENGLISH_WORDS = /^(?:the|and|of|to|we|you|your|our|or|in|is|for|that|with|this|may|not|are|by|as|information)$/i;
const PRIVACY_WORDS = /\b(?:personal\s+(?:information|data)|privacy|data\s+protection)\b/i;

/** The share of common English words among the text's words: about a third in English prose, near none otherwise. */
function englishShare(text: string): number {
  const words = text.slice(0, 200_000).match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return 0;
  return words.filter((w) => ENGLISH_WORDS.test(w)).length / words.length;
}

/** The page's blocks of text, or why there are none: a saved page (MHTML) is read by its HTML part. */
async function blocksOf(input: ImportInput): Promise<{ ok: true; blocks: Block[] } | { ok: false; reason: string }> {
  const decoded = decode(input.content, input.fileName, input.contentType);
  if (!decoded.ok) return decoded;
  if (isSavedPage(decoded.text, input.fileName, input.contentType)) {
    const page = await savedPageHtml(decoded.text);
    return page.ok ? { ok: true, blocks: htmlBlocks(page.html, page.savedFrom) } : page;
  }
  return { ok: true, blocks: decoded.isHtml ? htmlBlocks(decoded.text) : textBlocks(decoded.text) };
}

export async function importPolicy(input: ImportInput): Promise<ImportResult> {
  const read = await blocksOf(input);
  if (!read.ok) return read;
  const { blocks } = read;
  const length = blocks.reduce((sum, b) => sum + b.text.length + 1, 0);
  if (length === 0) return { ok: false, reason: 'The page holds no text (only markup, scripts or images).' };
  if (length > MAX_TEXT_CHARS) {
    return {
      ok: false,
      reason: `The page holds ${length.toLocaleString('en')} characters of text, far more than a privacy policy; import the policy page alone.`,
    };
  }
  const text = splitSentences(blocks);
  if (englishShare(text.content) < 0.12) {
    return { ok: false, reason: 'The text does not read as English; the importer reads policies written in English.' };
  }
  if (!PRIVACY_WORDS.test(text.content)) {
    return {
      ok: false,
      reason: 'The text does not read as a privacy policy: it never speaks of personal information or privacy.',
    };
  }
  const draftRegimes = extractRegimes(text.sentences);
  const regimes = draftRegimes.map((r) => r.regime);
  const rights = attachLimits(text.sentences, regimes, extractRights(text.sentences, regimes));
  if (rights.length === 0) {
    return {
      ok: false,
      reason:
        'The policy grants no right a request could be made under (to know, delete, correct, opt out or any other); there is nothing to draft.',
    };
  }
  const draft: PolicyDraft = {
    regimes: draftRegimes,
    rights,
    deadlines: extractDeadlines(text.sentences, regimes, rights),
    channels: extractChannels(text.sentences),
    specialRules: extractSpecialRules(text.sentences),
  };
  return { ok: true, draft, text: { content: text.content, sentences: text.sentences.map(publicSentence) } };
}
