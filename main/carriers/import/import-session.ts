// The import wizard's server side: read a file once (step 1), preview it under a column
// mapping as often as the user changes the mapping (step 2), then commit (step 3): the rows
// become importCarriers mutations, batch by batch, and every row is accounted for in the
// report (created, updated, skipped as a duplicate, or rejected with its reasons).
import type {
  ImportDuplicateAction,
  ImportFileInfo,
  ImportMapping,
  ImportPreview,
  ImportReport,
  ImportRowView,
} from '../../../shared/api/carriers-api';
import type { CommandResult } from '../../../shared/api/define';
import type { ImportRowArgs } from '../../../shared/carriers/carrier-args';
import { suggestMapping } from '../../../shared/carriers/import-fields';
import type { ImportProblem } from '../../../shared/carriers/import-problems';
import type { ReadonlyReplica } from '../../db/open-replica';
import { classifyRows, type ClassifiedRow } from './classify-rows';
import { importBatches } from './import-batches';
import { createImportFiles, ImportStepError, type OpenFile } from './import-files';

const PREVIEW_ROWS = 500;

export interface ImportDeps {
  replica: ReadonlyReplica;
  knownCities: () => readonly string[];
  mutate(name: 'importCarriers', args: { source: string; rows: ImportRowArgs[] }): Promise<CommandResult>;
}

export function createImportSession(deps: ImportDeps) {
  const files = createImportFiles(suggestMapping);

  function classify(importId: string, mapping: ImportMapping): { f: OpenFile; rows: ClassifiedRow[] } {
    const f = files.get(importId);
    if (mapping.name === undefined || mapping.name === null) {
      // Without a name column every row would be rejected; say it once instead.
      throw new ImportStepError('invalid_request', 'Choose the column that holds the carrier name');
    }
    return { f, rows: classifyRows(deps.replica, f.sheet.rows.slice(1), mapping, deps.knownCities()) };
  }

  return {
    readFile(fileName: string, dataBase64: string): Promise<ImportFileInfo> {
      return files.read(fileName, dataBase64);
    },

    preview(importId: string, mapping: ImportMapping): ImportPreview {
      const { rows } = classify(importId, mapping);
      const counts = { new: 0, duplicate: 0, rejected: 0 };
      for (const r of rows) counts[r.view.status] += 1;
      // Problems first (all of them), then as many new rows as fit.
      const flagged = rows.filter((r) => r.view.status !== 'new').map((r) => r.view);
      const fresh = rows.filter((r) => r.view.status === 'new').map((r) => r.view);
      return { importId, counts, rows: [...flagged, ...fresh].slice(0, Math.max(PREVIEW_ROWS, flagged.length)) };
    },

    async commit(importId: string, mapping: ImportMapping, duplicates: ImportDuplicateAction): Promise<ImportReport> {
      const { f, rows } = classify(importId, mapping);
      const report: ImportReport = { created: 0, updated: 0, skippedDuplicates: [], rejected: [], mids: [] };
      const toSend: ClassifiedRow[] = [];
      for (const r of rows) {
        if (r.view.status === 'rejected') report.rejected.push(r.view);
        else if (r.view.status === 'duplicate' && !(duplicates === 'update' && r.view.duplicateOf?.carrierId)) report.skippedDuplicates.push(r.view);
        else toSend.push(r);
      }
      const argsOf = (r: ClassifiedRow): ImportRowArgs =>
        r.view.status === 'duplicate' ? { ...(r.args as ImportRowArgs), existingId: r.view.duplicateOf?.carrierId ?? '' } : (r.args as ImportRowArgs);
      for (const batch of importBatches(f.fileName, toSend, argsOf)) {
        const result = await deps.mutate('importCarriers', { source: f.fileName, rows: batch.map(argsOf) });
        if (result.ok) {
          if (result.mid !== null) report.mids.push(result.mid);
          for (const r of batch) {
            if (r.view.status === 'duplicate') report.updated += 1;
            else report.created += 1;
          }
        } else {
          // The whole batch was refused (rare: the checks above ran first); nothing of it is
          // queued, and each of its rows says why.
          for (const r of batch) report.rejected.push(rejectedView(r.view, { code: 'batch_refused', reason: result.message }));
        }
      }
      files.forget(importId);
      return report;
    },
  };
}

function rejectedView(view: ImportRowView, problem: ImportProblem): ImportRowView {
  return { ...view, status: 'rejected', problems: [...view.problems, problem] };
}

export type ImportSession = ReturnType<typeof createImportSession>;
