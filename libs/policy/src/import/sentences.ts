// Blocks → one text with a block per line, cut into sentences that know their headings and links.

import type { Block } from './blocks.js';
import type { DraftCitation, Sentence } from './draft.model.js';

/** A sentence as the extractors see it: its headings from the outermost in, and the links inside it. */
export interface PolicySentence extends Sentence {
  /** Index in the sentence list. */
  index: number;
  /** Headings above it, outermost first (the sentence's own text when it is a heading is not included). */
  trail: string[];
  /** http(s), mailto: and tel: targets of the links inside the sentence. */
  hrefs: string[];
}

export interface SplitText {
  content: string;
  sentences: PolicySentence[];
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export function splitSentences(blocks: readonly Block[]): SplitText {
  const sentences: PolicySentence[] = [];
  const headings: { level: number; text: string }[] = [];
  let content = '';
  for (const block of blocks) {
    const offset = content.length;
    content += `${block.text}\n`;
    if (block.headingLevel !== undefined) {
      while (headings.length > 0 && headings[headings.length - 1].level >= block.headingLevel) headings.pop();
    }
    const trail = headings.map((h) => h.text);
    for (const { segment, index } of segmenter.segment(block.text)) {
      const text = segment.trim();
      if (text === '') continue;
      const start = offset + index + (segment.length - segment.trimStart().length);
      const end = start + text.length;
      const hrefs = block.links.filter((l) => l.start + offset < end && l.end + offset > start).map((l) => l.href);
      sentences.push({
        text,
        start,
        end,
        ...(trail.length > 0 ? { heading: trail[trail.length - 1] } : {}),
        isHeading: block.headingLevel !== undefined,
        index: sentences.length,
        trail,
        hrefs,
      });
    }
    if (block.headingLevel !== undefined) headings.push({ level: block.headingLevel, text: block.text });
  }
  return { content, sentences };
}

export function citationOf(sentence: Sentence): DraftCitation {
  return { quote: sentence.text, start: sentence.start, end: sentence.end };
}

/** The sentence without the extractor's working fields, as the draft's text returns it. */
export function publicSentence({ text, start, end, heading, isHeading }: PolicySentence): Sentence {
  return { text, start, end, ...(heading !== undefined ? { heading } : {}), isHeading };
}
