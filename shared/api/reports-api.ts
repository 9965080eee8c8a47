// The Reports tab (issue 17): figures, charts and cuts for a period, the orders behind any
// figure, and an XLSX of either. Main answers from the replica when the period lies within
// the days a desktop holds, and asks the server (GET /api/reports) otherwise or when asked to.
import { z } from 'zod';
import type { ReportData } from '../reports/compute-report';
import { DRILL_PAGE_MAX, drillSpecSchema, type DrillRow } from '../reports/drill-down';
import { reportQuerySchema } from '../reports/report-period';
import type { ExportFile } from './carriers-api';
import { setDailySummary as setDailySummaryMutator } from '../mutators/daily-summary-settings';
import { command, noArgs, query } from './define';
import { DESK_ROLES, type UserRole } from '../domain/vocabulary';

/** Who may see reports: the desk (a dispatcher reads them; nothing here changes anything). */
export const REPORT_ROLES: readonly UserRole[] = DESK_ROLES;

/** auto: the replica when it holds the period, else the server. server: always the server (it has the GPS tracks). */
export const REPORT_WHERE = ['auto', 'server'] as const;
export type ReportWhere = (typeof REPORT_WHERE)[number];

export interface ReportOrdersPage {
  total: number;
  rows: DrillRow[];
  source: 'local' | 'server';
}

const where = z.enum(REPORT_WHERE).default('auto');

/** Someone the daily summary may go to: an active supervisor or admin, with the e-mail of their own notification settings. */
export interface DailySummaryCandidate {
  id: string;
  name: string;
  role: 'supervisor' | 'admin';
  /** From My notifications; null: the summary is skipped for them (and counted on the server). */
  email: string | null;
  language: 'ru' | 'en';
}

/** The admin's daily summary setting as the console shows it. */
export interface DailySummaryView {
  enabled: boolean;
  /** "HH:MM" on the company clock. */
  sendTime: string;
  recipientIds: string[];
  candidates: DailySummaryCandidate[];
  /** Only admins change it (the mutator refuses anyone else too). */
  canEdit: boolean;
}

export const reportsApi = {
  report: query<ReportData>()(z.object({ query: reportQuerySchema, where }).strict()),
  reportOrders: query<ReportOrdersPage>()(
    z
      .object({
        query: reportQuerySchema,
        drill: drillSpecSchema,
        offset: z.number().int().min(0).max(1_000_000).default(0),
        limit: z.number().int().min(1).max(DRILL_PAGE_MAX).default(200),
        where,
      })
      .strict(),
  ),
  /** The view as XLSX: the figures and cuts, and the orders behind `drill` (or all the period's). */
  exportReport: query<ExportFile>()(
    z.object({ query: reportQuerySchema, drill: drillSpecSchema.optional(), language: z.enum(['ru', 'en']).default('ru'), where }).strict(),
  ),
  /** The supervisors' daily summary by e-mail: the setting and who may get it (the server sends it). */
  dailySummarySettings: query<DailySummaryView>()(noArgs),
  setDailySummary: command(setDailySummaryMutator.args.strict()),
} as const;
