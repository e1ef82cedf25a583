import type { PageContext } from '../infra/page.decorator.js';
import { CsrfField } from '../views/components/page-parts.js';
import { page } from '../views/layout.view.js';
import { type SmsNumber, type TestText, WEBHOOK_PATH, type WebhookAnswer } from './dev-sms.service.js';

export interface DevSmsModel {
  numbers: SmsNumber[];
  /** What the form shows typed. */
  values: TestText;
  /** Without SMS_WEBHOOK_SECRET the webhook refuses every text, so there is no form. */
  secretSet: boolean;
  /** Why the post was refused, or the webhook's answer. */
  result?: { error: string } | { answer: WebhookAnswer };
}

function Result({ result }: { result: NonNullable<DevSmsModel['result']> }) {
  if ('error' in result) return <p class="error">{result.error}</p>;
  return (
    <>
      <h2>Answer</h2>
      <p>
        The webhook answered {result.answer.status} ({result.answer.type}):
      </p>
      <pre class="twiml">{result.answer.text}</pre>
    </>
  );
}

/** A test text to our own SMS webhook, signed as the provider signs. */
export function devSmsPage({ numbers, values, secretSet, result }: DevSmsModel, context: PageContext): string {
  const form = secretSet ? (
    <form method="post" action="/dev/sms">
      <CsrfField token={context.csrfToken()} />
      <p>
        <label for="to">To (the organisation's SMS number)</label>
        <select id="to" name="To" required>
          {numbers.map((n) => (
            <option value={n.number} selected={n.number === values.To}>
              {n.number} ({n.name})
            </option>
          ))}
        </select>
      </p>
      <p>
        <label for="from">From (the texter's number)</label>
        <input id="from" name="From" value={values.From} required maxlength="32" />
      </p>
      <p>
        <label for="body">Text (STOP, START, HELP, or anything)</label>
        <input id="body" name="Body" value={values.Body} required maxlength="1600" />
      </p>
      <p>
        <button type="submit">Send signed test text</button>
      </p>
    </form>
  ) : (
    <p class="error">
      SMS_WEBHOOK_SECRET is not set, so the webhook refuses every text. Set it (any 16 characters or more) and restart
      to try texts here.
    </p>
  );
  const body = (
    <>
      <p>
        <a href="/dev/mailbox">Dev mailbox</a>
      </p>
      <h1>Test text to the SMS webhook</h1>
      <p>
        Posts a text to <code>{WEBHOOK_PATH}</code> signed with <code>X-Twilio-Signature</code>, as the SMS provider
        would.
      </p>
      {form}
      {result && <Result result={result} />}
    </>
  );
  return page('Test text', body);
}
