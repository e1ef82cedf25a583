import { MIN_PASSWORD_LENGTH } from '#db';

/** A new password, typed twice. */
export function NewPasswordFields() {
  return (
    <>
      <label for="password">
        New password{' '}
        <span class="hint">
          At least {MIN_PASSWORD_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.
        </span>
      </label>
      <input
        type="password"
        name="password"
        id="password"
        autocomplete="new-password"
        minlength={MIN_PASSWORD_LENGTH}
        maxlength="200"
        required
      />
      <label for="repeat">The new password again</label>
      <input
        type="password"
        name="repeat"
        id="repeat"
        autocomplete="new-password"
        minlength={MIN_PASSWORD_LENGTH}
        maxlength="200"
        required
      />
    </>
  );
}

/** What was wrong with the form, above it; nothing when all was right. */
export function ProblemSummary({ problem }: { problem?: string | null }) {
  if (!problem) return <></>;
  return (
    <div class="summary" role="alert" id="error-summary">
      <p>{problem}</p>
    </div>
  );
}
