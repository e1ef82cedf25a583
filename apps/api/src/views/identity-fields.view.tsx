import type { MessageKey, Translate } from '#mail';
import { asksDataPoints, asksDeclaration, type DataPointKind, type OrganisationPolicy } from '#policy';

import { ChoiceInput, FieldError, type FieldErrors, invalid } from './components/form-fields.js';

/** The form field that carries each kind of data point. */
export const DATA_POINT_FIELDS = {
  full_name: 'dataPointFullName',
  phone: 'dataPointPhone',
  postal_address: 'dataPointPostalAddress',
  date_of_birth: 'dataPointDateOfBirth',
  account_number: 'dataPointAccountNumber',
  last_order_date: 'dataPointLastOrderDate',
} as const satisfies Record<DataPointKind, string>;

export const IDENTITY_FORM_FIELDS = [
  ...Object.values(DATA_POINT_FIELDS),
  'declaration',
  'declarationName',
  'declarationDate',
] as const;
export type IdentityFormField = (typeof IDENTITY_FORM_FIELDS)[number];

/** How each kind is asked: its words, what a browser may fill it with, and whether it is a date. */
const ASKED: Record<DataPointKind, { label: MessageKey; autocomplete: string; date?: true; maxlength?: string }> = {
  full_name: { label: 'form.dataPointFullName', autocomplete: 'name', maxlength: '500' },
  phone: { label: 'form.dataPointPhone', autocomplete: 'tel', maxlength: '25' },
  postal_address: { label: 'form.dataPointPostalAddress', autocomplete: 'street-address', maxlength: '500' },
  date_of_birth: { label: 'form.dataPointDateOfBirth', autocomplete: 'bday', date: true, maxlength: '10' },
  account_number: { label: 'form.dataPointAccountNumber', autocomplete: 'off', maxlength: '500' },
  last_order_date: { label: 'form.dataPointLastOrderDate', autocomplete: 'off', date: true, maxlength: '10' },
};

const fieldId = (field: string): string => field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Where the error summary links each identity field's problem. */
export const IDENTITY_FIELD_ANCHORS: Record<string, string> = Object.fromEntries(
  IDENTITY_FORM_FIELDS.map((field) => [field, fieldId(field)]),
);

interface IdentityFieldsProps {
  policy: OrganisationPolicy;
  values: Partial<Record<IdentityFormField, string>>;
  errors: FieldErrors;
  /** The organisation's local date, 'YYYY-MM-DD', the declaration's date starts at. */
  today: string;
  t: Translate;
}

/**
 * Asked only where a right the form offers needs them: the data points the organisation can match (each optional),
 * and the declaration a request for specific pieces needs. Plain fields, so the form works without JavaScript; the
 * server asks for them only for the right chosen.
 */
export function IdentityFields(props: IdentityFieldsProps) {
  const { policy, t } = props;
  if (!asksDataPoints(policy) && !asksDeclaration(policy)) return <></>;
  const org = policy.name;
  const kinds = policy.settings.verificationDataPoints ?? [];
  return (
    <>
      {asksDataPoints(policy) && (
        <fieldset id="identity">
          <legend>{t('form.identity')}</legend>
          <p class="hint">{t('form.identityHint', { org })}</p>
          {kinds.map((kind) => (
            <DataPointField kind={kind} {...props} />
          ))}
        </fieldset>
      )}
      {asksDeclaration(policy) && <Declaration {...props} />}
    </>
  );
}

function DataPointField({ kind, values, errors, policy, t }: IdentityFieldsProps & { kind: DataPointKind }) {
  const field = DATA_POINT_FIELDS[kind];
  const asked = ASKED[kind];
  return (
    <>
      <label for={fieldId(field)}>
        {t(asked.label, { org: policy.name })}
        {asked.date && (
          <>
            {' '}
            <span class="hint">{t('form.dataPointDateHint')}</span>
          </>
        )}
      </label>
      <FieldError errors={errors} field={field} />
      <input
        // Dates as text with their format in the hint: a browser's date widget is a row of focus stops screen readers
        // and keyboard users stumble on, and it shows the date in another order than the one asked for.
        type={kind === 'phone' ? 'tel' : 'text'}
        name={field}
        id={fieldId(field)}
        autocomplete={asked.autocomplete}
        {...(asked.maxlength ? { maxlength: asked.maxlength } : {})}
        value={values[field] ?? ''}
        {...invalid(errors, field)}
      />
    </>
  );
}

function Declaration({ values, errors, policy, today, t }: IdentityFieldsProps) {
  return (
    <fieldset id="declaration-fields">
      <legend>{t('form.declaration')}</legend>
      <p class="hint">{t('form.declarationHint', { org: policy.name })}</p>
      <p id="declaration-text">{t('form.declarationText')}</p>
      <FieldError errors={errors} field="declaration" />
      <ChoiceInput
        type="checkbox"
        name="declaration"
        id="declaration"
        value="yes"
        checked={values.declaration === 'yes'}
        invalid={invalid(errors, 'declaration')}
        label={t('form.declarationAgree')}
      />
      <label for="declaration-name">{t('form.declarationName')}</label>
      <FieldError errors={errors} field="declarationName" />
      <input
        type="text"
        name="declarationName"
        id="declaration-name"
        autocomplete="name"
        maxlength="200"
        value={values.declarationName ?? ''}
        {...invalid(errors, 'declarationName')}
      />
      <label for="declaration-date">
        {t('form.declarationDate')} <span class="hint">{t('form.dataPointDateHint')}</span>
      </label>
      <FieldError errors={errors} field="declarationDate" />
      <input
        type="text"
        maxlength="10"
        name="declarationDate"
        id="declaration-date"
        value={values.declarationDate ?? today}
        {...invalid(errors, 'declarationDate')}
      />
    </fieldset>
  );
}
