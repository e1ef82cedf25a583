import type { SafeHtml } from '#mail';

/** Each field's messages, by field name: the first is shown beside the field and in the summary. */
export type FieldErrors = Partial<Record<string, string[]>>;

type InvalidAttributes = { 'aria-invalid'?: 'true'; 'aria-describedby'?: string };

/** Marks a field invalid and ties it to its message, so screen readers read the message with the field. */
export function invalid(errors: FieldErrors, field: string): InvalidAttributes {
  return errors[field]?.length ? { 'aria-invalid': 'true', 'aria-describedby': `${field}-error` } : {};
}

/** The field's first message, where `invalid` points. */
export function FieldError({ errors, field }: { errors: FieldErrors; field: string }) {
  const messages = errors[field];
  if (!messages?.length) return <></>;
  return (
    <span class="error" id={`${field}-error`}>
      {messages[0]}
    </span>
  );
}

/** A radio button or checkbox with its label beside it. */
export function ChoiceInput(props: {
  type: 'radio' | 'checkbox';
  name: string;
  id: string;
  value: string;
  checked: boolean;
  invalid?: InvalidAttributes;
  label: SafeHtml | string;
  /** What choosing it brings into view on the form (the stylesheet reads these), e.g. `data-asks-declaration`. */
  asks?: Record<`data-asks-${string}`, boolean>;
}) {
  return (
    <div class="choice">
      <input
        type={props.type}
        name={props.name}
        id={props.id}
        value={props.value}
        checked={props.checked}
        {...props.invalid}
        {...props.asks}
      />
      <label for={props.id}>{props.label}</label>
    </div>
  );
}
