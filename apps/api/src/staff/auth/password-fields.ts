import { MIN_PASSWORD_LENGTH } from '#db';

/** What is wrong with a chosen password and its repetition, in words, or null. */
export function passwordProblem(password: unknown, repeated: unknown): string | null {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH)
    return `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 200) return 'A password has at most 200 characters.';
  if (password !== repeated) return 'The two passwords are not the same.';
  return null;
}
