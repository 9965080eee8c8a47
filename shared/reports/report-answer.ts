// The server's report answers as the desktop checks them before the Reports tab reads them
// (GET /api/reports and GET /api/reports/orders, main/reports/server-reports.ts): the shapes of
// ReportData and of a drill-down page, with the row limits the server keeps (the answer's bytes
// are capped by server-http.ts). Each schema `satisfies` the type
// the server computes, so a field added to one and not the other fails the typecheck.
import { z } from 'zod';
import { ORDER_STATUSES, PROBLEM_REASONS, SERVICE_TYPES } from '../domain/vocabulary';
import { CUT_DIMENSIONS, CUT_ROW_LIMIT, type CutRow, type DriverReportRow, type ReportData } from './compute-report';
import { DRILL_PAGE_MAX, type DrillRow } from './drill-down';
import { FIGURE_IDS } from './kpi-definitions';
import { CARRIED_BY, REPORT_MAX_DAYS, type ReportPeriod } from './report-period';

const count = z.number().int().nonnegative();
const ms = z.number().int();

const periodSchema = z.object({ from: z.string().max(10), to: z.string().max(10), startMs: ms, endMs: ms, days: count }) satisfies z.ZodType<ReportPeriod>;
const figureValueSchema = z.object({ value: z.number().nullable(), hits: count, members: count });
const headlineSchema = z.record(z.enum(FIGURE_IDS), figureValueSchema);

const cutRowSchema = z.object({
  key: z.string(),
  name: z.string().nullable(),
  orders: count,
  delivered: count,
  onTime: figureValueSchema,
  otif: figureValueSchema,
  problems: count,
  cancelled: count,
  avgDeliveryMs: z.number().nullable(),
}) satisfies z.ZodType<CutRow>;
const cutRows = z.array(cutRowSchema).max(CUT_ROW_LIMIT);

const driverRowSchema = cutRowSchema.extend({
  onTimeDeliveries: count,
  marksOnTime: figureValueSchema,
  ordersPerDay: z.number().nonnegative(),
  km: z.number().nonnegative().nullable(),
}) satisfies z.ZodType<DriverReportRow>;

export const reportDataAnswer = z.object({
  period: periodSchema,
  previous: periodSchema,
  computedAt: ms,
  source: z.enum(['local', 'server']),
  headline: headlineSchema,
  previousHeadline: headlineSchema,
  byDay: z.array(z.object({ day: z.string().max(10), orders: count, delivered: count, onTime: figureValueSchema })).max(REPORT_MAX_DAYS),
  problemsByReason: z.array(z.object({ reason: z.enum(PROBLEM_REASONS), orders: count })).max(PROBLEM_REASONS.length),
  deliveryTimes: z.array(z.object({ bucket: count, fromMs: count, toMs: count.nullable(), orders: count })).max(64),
  cuts: z.object({ region: cutRows, customer: cutRows, service: cutRows, courier: cutRows, carrier: cutRows }),
  drivers: z.array(driverRowSchema).max(CUT_ROW_LIMIT),
  cutSizes: z.record(z.enum(CUT_DIMENSIONS), count),
  kmAvailable: z.boolean(),
}) satisfies z.ZodType<ReportData>;

const drillRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  createdAt: ms,
  status: z.enum(ORDER_STATUSES),
  serviceType: z.enum(SERVICE_TYPES),
  customerName: z.string(),
  carriedBy: z.enum(CARRIED_BY),
  carrier: z.string().nullable(),
  deadline: ms.nullable(),
  deliveredAt: ms.nullable(),
  problemReasons: z.array(z.enum(PROBLEM_REASONS)),
  hit: z.boolean().nullable(),
}) satisfies z.ZodType<DrillRow>;

export const drillPageAnswer = z.object({ total: count, rows: z.array(drillRowSchema).max(DRILL_PAGE_MAX) });
