import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Request } from 'express';

/** A field that is not one piece of text (absent, repeated, a JSON object or number) reads as empty, as the forms treat it. */
export const asText = ({ value }: { value: unknown }): string => (typeof value === 'string' ? value : '');

/**
 * The posted form as its DTO. The global ValidationPipe leaves custom decorators alone, so a field the form does not
 * name is ignored rather than refused, and each route says in its own words (and page) what is wrong with the rest.
 */
export const PostedForm = createParamDecorator(<T extends object>(dto: new () => T, context: ExecutionContext): T => {
  // multer's body has no prototype; a copy is an ordinary object for the transformer.
  return plainToInstance(dto, { ...(context.switchToHttp().getRequest<Request>().body as Record<string, unknown>) });
});

/** The first message of the form's own rules, or null when it keeps them. */
export function formProblem(form: object): string | null {
  const [failure] = validateSync(form);
  return failure ? (Object.values(failure.constraints ?? {})[0] ?? null) : null;
}
