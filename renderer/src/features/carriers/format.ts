// Phones as the Carriers tab shows them: the one phone formatter (shared/domain/phone-display.ts).
// Dates, money and numbers: the one formatter, `t.fmt`.
export { displayPhone, telHref } from '../../../../shared/domain/phone-display';
