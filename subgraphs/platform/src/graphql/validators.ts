import { registerDecorator, type ValidationOptions } from 'class-validator';

/** Rejects empty and whitespace-only strings; reported with the code BLANK. */
export function NotBlank(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotEmpty',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} can't be blank`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && value.trim().length > 0 },
    });
}
