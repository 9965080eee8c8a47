// Why an imported spreadsheet row is rejected, as a code plus the cell that caused it: the pure
// row parser (import-row.ts) produces these, main passes them on in the preview and the report,
// and the renderer words them in the user's language. No sentence is built here, so nothing in
// the import speaks only English. `field` is the import field whose column needs fixing;
// `value` is the cell as the user typed it (trimmed).
import { z } from 'zod';
import { CARRIER_IMPORT_FIELDS } from './import-fields';

const anyField = z.enum(CARRIER_IMPORT_FIELDS);
const numberField = z.enum(['rating', 'tonnage', 'volumeM3']);
const value = z.string();
const bound = z.number();

export const importProblemSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('name_empty'), field: z.literal('name') }),
  /** Not 10 or 12 digits. */
  z.object({ code: z.literal('tax_id_format'), field: z.literal('taxId'), value }),
  z.object({ code: z.literal('tax_id_checksum'), field: z.literal('taxId'), value }),
  z.object({ code: z.literal('phone_too_short'), field: z.literal('phone'), value }),
  /** Without both the carrier can be neither told apart from others nor called. */
  z.object({ code: z.literal('phone_and_tax_id_missing') }),
  z.object({ code: z.literal('not_a_number'), field: numberField, value }),
  z.object({ code: z.literal('not_yes_no'), field: z.enum(['refrigerated', 'oversize']), value }),
  z.object({ code: z.literal('number_too_big'), field: numberField, value, max: bound }),
  /** Below an inclusive minimum ("at least 0"). */
  z.object({ code: z.literal('number_below_minimum'), field: numberField, value, min: bound }),
  /** At or below an exclusive minimum ("above 0"), e.g. tonnage 0. */
  z.object({ code: z.literal('number_not_above_minimum'), field: numberField, value, min: bound }),
  /** The cell itself is not echoed: it can be thousands of characters. */
  z.object({ code: z.literal('text_too_long'), field: anyField, length: z.number().int(), max: bound }),
  z.object({ code: z.literal('email_invalid'), field: z.literal('email'), value }),
  z.object({ code: z.literal('adr_classes_invalid'), field: z.literal('adrClasses'), value }),
  z.object({ code: z.literal('vehicle_type_unknown'), field: z.literal('vehicleType'), value }),
  /** Tonnage given without a vehicle type. */
  z.object({ code: z.literal('vehicle_type_missing'), field: z.literal('vehicleType') }),
  /** A vehicle type given without tonnage. */
  z.object({ code: z.literal('tonnage_missing'), field: z.literal('tonnage') }),
  z.object({ code: z.literal('lanes_format'), field: z.literal('lanes'), value }),
  z.object({ code: z.literal('too_many_lanes'), field: z.literal('lanes'), count: z.number().int(), max: bound }),
  /** A lane's city name is empty or longer than the limit (its length given, not the text). */
  z.object({ code: z.literal('lane_city_invalid'), field: z.literal('lanes'), length: z.number().int(), max: bound }),
  /** A field schema check the codes above do not name (a rule added to carrier-args.ts later). */
  z.object({ code: z.literal('field_invalid'), field: anyField, value }),
  /**
   * Made by main, not the parser: the importCarriers mutation refused the row's whole batch.
   * `reason` is the refusal as main or the server worded it.
   */
  z.object({ code: z.literal('batch_refused'), reason: z.string() }),
]);

export type ImportProblem = z.infer<typeof importProblemSchema>;
export type ImportProblemCode = ImportProblem['code'];
