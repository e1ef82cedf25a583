// We never collect Social Security or payment card numbers; a requester who types one is stopped before it is stored.

const SSN = /\b(?!000|666|9\d\d)\d{3}[- ]?(?!00)\d{2}[- ]?(?!0000)\d{4}\b/;
const CARD_CANDIDATE = /\b(?:\d[ -]?){13,19}\b/g;

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function containsSensitiveNumber(text: string): boolean {
  if (SSN.test(text)) return true;
  return (text.match(CARD_CANDIDATE) ?? []).some((candidate) => passesLuhn(candidate.replace(/[ -]/g, '')));
}
