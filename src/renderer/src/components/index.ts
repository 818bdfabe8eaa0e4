/** Reusable, accessible building blocks. Features import from here, not from the single files. */
export { Button, type ButtonProps } from './Button';
export { ConfirmDialog, type ConfirmDialogProps } from './ConfirmDialog';
export {
  CheckboxField,
  Field,
  RadioGroup,
  SelectField,
  TextField,
  type FieldControlProps,
  type FieldProps,
  type RadioOption,
  type SelectOption,
} from './Field';
export { MenuButton, type MenuButtonProps, type MenuItem } from './MenuButton';
export { Notice, type NoticeTone } from './Notice';
export { Page, Section } from './Page';
export { Progress, Spinner } from './Spinner';
export { StatusBadge, type Tone } from './StatusBadge';
export { StatusReason } from './StatusReason';
