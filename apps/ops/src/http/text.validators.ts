import { ValidateBy, type ValidationOptions } from 'class-validator';

/** PostgreSQL text and jsonb refuse NUL; other control characters (tab, newline aside) have no place in names. */
export function NoControlCharacters(
  options: { allowLineBreaks: boolean },
  validation?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'noControlCharacters',
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' ||
          ![...value].some((character) => {
            const code = character.charCodeAt(0);
            const lineBreak = character === '\n' || character === '\r' || character === '\t';
            return (code < 0x20 || code === 0x7f) && !(options.allowLineBreaks && lineBreak);
          }),
        defaultMessage: (args) => `${args?.property ?? 'value'} must not contain control characters`,
      },
    },
    validation,
  );
}
