import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

import type { MessageKey, Translate } from '#mail';

import type { FieldErrors } from '../views/request-form.view.js';

/**
 * Validates a posted form into a DTO, or field → messages for re-rendering beside each field. A public form's DTO
 * names its messages by catalogue key, and `t` words them in the page's language.
 */
export async function validateForm<T extends object>(
  dto: new () => T,
  body: Record<string, unknown>,
  t?: Translate,
): Promise<{ ok: true; value: T } | { ok: false; errors: FieldErrors }> {
  const value = plainToInstance(dto, body);
  const failures = await validate(value, { whitelist: true, forbidUnknownValues: true });
  if (failures.length === 0) return { ok: true, value };
  const errors: FieldErrors = {};
  for (const failure of failures) {
    const messages = Object.values(failure.constraints ?? {});
    errors[failure.property] = t ? messages.map((key) => t(key as MessageKey)) : messages;
  }
  return { ok: false, errors };
}

/** Only string fields are echoed back into a re-rendered form, at most a bounded length each. */
export function echoValues<K extends string>(
  body: Record<string, unknown>,
  fields: readonly K[],
): Partial<Record<K, string>> {
  const values: Partial<Record<K, string>> = {};
  for (const field of fields) {
    const value = body[field];
    if (typeof value === 'string') values[field] = value.slice(0, 10_000);
  }
  return values;
}
