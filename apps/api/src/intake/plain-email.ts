import { isEmail, registerDecorator, type ValidationOptions } from 'class-validator';

import { isPlainMailAddress } from '#workflow';

/**
 * IsEmail accepts quoted local parts, which can carry CR, LF and `<>` into mail headers: of what it accepts, only
 * plain addresses pass. What is no address at all keeps IsEmail's own message.
 */
export function IsPlainEmail(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPlainEmail',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !isEmail(value) || isPlainMailAddress(value),
      },
    });
}
