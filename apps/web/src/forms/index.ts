export { ColourPicker, firstFreeColour, organisationColours } from './ColourPicker.tsx';
export { FormError, isValid, SelectField, TextField, useFieldFocus } from './Field.tsx';
export {
  checkConfirmation,
  checkEmail,
  checkNewPassword,
  checkRequired,
  MIN_PASSWORD_LENGTH,
} from './validation.ts';
