export { ColourPicker, firstFreeColour, organisationColours } from './ColourPicker.tsx';
export { FormError, SelectField, TextField } from './Field.tsx';
export { SubmitButton, SubmitRow } from './SubmitButton.tsx';
export {
  type Failure,
  type FieldErrors,
  type SubmitOptions,
  useFormSubmission,
} from './useFormSubmission.ts';
export {
  checkConfirmation,
  checkEmail,
  checkNewPassword,
  checkRequired,
  MIN_PASSWORD_LENGTH,
} from './validation.ts';
