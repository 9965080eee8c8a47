// Step 2 of the import: every data row parsed (shared/carriers/import-row.ts) and checked for
// duplicates, by tax id or canonical phone, against earlier rows of the same file and against
// the carriers already in the replica. Reads only.
import type { ImportMapping, ImportRowView } from '../../../shared/api/carriers-api';
import type { ImportRowArgs } from '../../../shared/carriers/carrier-args';
import { parseImportRow } from '../../../shared/carriers/import-row';
import type { ReadonlyReplica } from '../../db/open-replica';

export interface ClassifiedRow {
  view: ImportRowView;
  /** Set for new and duplicate rows: what the importCarriers mutation gets. */
  args: ImportRowArgs | null;
}

interface Existing {
  id: string;
  name: string;
  taxId: string;
  phoneNormalized: string;
}

function findExisting(replica: ReadonlyReplica, taxId: string, phone: string): { row: Existing; by: 'tax_id' | 'phone' } | null {
  if (taxId !== '') {
    const row = replica
      .prepareRead('SELECT id, name, tax_id AS taxId, phone_normalized AS phoneNormalized FROM carriers WHERE tax_id = ? LIMIT 1')
      .get(taxId) as Existing | undefined;
    if (row) return { row, by: 'tax_id' };
  }
  if (phone !== '') {
    const row = replica
      .prepareRead('SELECT id, name, tax_id AS taxId, phone_normalized AS phoneNormalized FROM carriers WHERE phone_normalized = ? LIMIT 1')
      .get(phone) as Existing | undefined;
    if (row) return { row, by: 'phone' };
  }
  return null;
}

export function classifyRows(replica: ReadonlyReplica, dataRows: string[][], mapping: ImportMapping, knownCities: readonly string[]): ClassifiedRow[] {
  const seenTax = new Map<string, { rowNumber: number; name: string }>();
  const seenPhone = new Map<string, { rowNumber: number; name: string }>();
  const cellOf = (cells: string[], i: number | null | undefined) => (i === undefined || i === null ? '' : (cells[i] ?? '').trim());
  const out: ClassifiedRow[] = [];
  dataRows.forEach((cells, index) => {
    // +2: one for the header row, one because people count rows from 1.
    const rowNumber = index + 2;
    const base = {
      rowNumber,
      name: cellOf(cells, mapping.name),
      taxId: cellOf(cells, mapping.taxId),
      phone: cellOf(cells, mapping.phone),
      city: cellOf(cells, mapping.baseCity),
    };
    // A blank separator row holds no data to lose; it is not a carrier and not a rejection.
    if (cells.every((c) => c.trim() === '')) return;
    const parsed = parseImportRow(cells, mapping, knownCities, (taxId) => findExisting(replica, taxId, '') !== null);
    if (!parsed.ok) {
      out.push({ view: { ...base, status: 'rejected', problems: parsed.problems, duplicateOf: null }, args: null });
      return;
    }
    const earlier =
      (parsed.taxId !== '' ? seenTax.get(parsed.taxId) : undefined) ??
      (parsed.phoneNormalized !== '' ? seenPhone.get(parsed.phoneNormalized) : undefined);
    if (earlier) {
      const by = parsed.taxId !== '' && seenTax.has(parsed.taxId) ? 'tax_id' : 'phone';
      out.push({
        view: { ...base, status: 'duplicate', problems: [], duplicateOf: { carrierId: null, rowNumber: earlier.rowNumber, name: earlier.name, by } },
        args: null,
      });
      return;
    }
    if (parsed.taxId !== '') seenTax.set(parsed.taxId, { rowNumber, name: base.name });
    if (parsed.phoneNormalized !== '') seenPhone.set(parsed.phoneNormalized, { rowNumber, name: base.name });
    const existing = findExisting(replica, parsed.taxId, parsed.phoneNormalized);
    if (existing) {
      out.push({
        view: { ...base, status: 'duplicate', problems: [], duplicateOf: { carrierId: existing.row.id, rowNumber: null, name: existing.row.name, by: existing.by } },
        args: parsed.args,
      });
      return;
    }
    out.push({ view: { ...base, status: 'new', problems: [], duplicateOf: null }, args: parsed.args });
  });
  return out;
}
