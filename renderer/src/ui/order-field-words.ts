// The app-dictionary keys for an order's fields and what can be wrong with them ('orderForm.*',
// i18n/sections/order-form.ts), shared by every form that edits an order (the new-order form,
// the card's edit dialog): "Phone: not a number to call".
import type { IntakeProblem, NewOrderField } from '../../../shared/domain/new-order-check';
import type { MessageKey } from '../i18n/translate';

export const fieldKey = (f: NewOrderField): MessageKey => `orderForm.field.${f}`;
export const problemKey = (p: IntakeProblem): MessageKey => `orderForm.problem.${p}`;
