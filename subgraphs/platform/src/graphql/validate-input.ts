import { validate, type ValidationError } from 'class-validator';
import { UserError, UserErrorCode } from './user-error';

const CODE_BY_CONSTRAINT: Record<string, string> = {
  isNotEmpty: UserErrorCode.BLANK,
  maxLength: UserErrorCode.TOO_LONG,
  minLength: UserErrorCode.TOO_SHORT,
  arrayMaxSize: UserErrorCode.TOO_MANY,
  arrayNotEmpty: UserErrorCode.BLANK,
  min: UserErrorCode.GREATER_THAN_OR_EQUAL_TO,
  max: UserErrorCode.LESS_THAN_OR_EQUAL_TO,
};

/**
 * Runs the class-validator rules declared on an input class and turns each failure into a
 * UserError whose `field` is the path from the argument, e.g. ["input", "variants", "0", "sku"].
 */
export async function validateInput(input: object, path: readonly string[]): Promise<UserError[]> {
  const errors = await validate(input, { forbidUnknownValues: false, validationError: { target: false } });
  return errors.flatMap((error) => toUserErrors(error, path));
}

function toUserErrors(error: ValidationError, path: readonly string[]): UserError[] {
  const here = [...path, error.property];
  const own = Object.entries(error.constraints ?? {}).map(
    ([constraint, message]) => new UserError(here, message, CODE_BY_CONSTRAINT[constraint] ?? UserErrorCode.INVALID),
  );
  const nested = (error.children ?? []).flatMap((child) => toUserErrors(child, here));
  return [...own, ...nested];
}
