import { html, type SafeHtml } from '#mail';
import { MIN_PASSWORD_LENGTH } from '#db';

/** What is wrong with a chosen password and its repetition, in words, or null. */
export function passwordProblem(password: unknown, repeated: unknown): string | null {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) return `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 200) return 'A password has at most 200 characters.';
  if (password !== repeated) return 'The two passwords are not the same.';
  return null;
}

/** A new password, typed twice. */
export function newPasswordFields(): SafeHtml {
  return html`<label for="password">New password <span class="hint">At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.</span></label>
<input type="password" name="password" id="password" autocomplete="new-password" minlength="${MIN_PASSWORD_LENGTH}" maxlength="200" required>
<label for="repeat">The new password again</label>
<input type="password" name="repeat" id="repeat" autocomplete="new-password" minlength="${MIN_PASSWORD_LENGTH}" maxlength="200" required>`;
}

export function problemSummary(problem: string | null | undefined): SafeHtml {
  return problem ? html`<div class="summary" role="alert" id="error-summary"><p>${problem}</p></div>` : html``;
}
