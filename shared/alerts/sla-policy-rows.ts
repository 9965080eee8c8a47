// SLA policies and calendars as stored rows -> what the SLA engine takes. A policy without a
// row is the shipped default; a stored row that fails the schema (written by a newer or
// broken version) falls back to the default too rather than stopping every deadline.
import { DEFAULT_SLA_POLICIES, SLA_POLICY_KEYS, slaPolicySchema, type SlaPolicies, type SlaPolicy, type SlaPolicyKey } from '../domain/sla-policy';
import { DEFAULT_KZ_CALENDAR, calendarProblems, type WorkingCalendar } from '../domain/working-calendar';
import type { RegionRow, SlaPolicyRow } from '../schema';

/** The effective policies: stored rows over the defaults. */
export function slaPoliciesFromRows(rows: readonly SlaPolicyRow[]): SlaPolicies {
  const out: Record<SlaPolicyKey, SlaPolicy> = { ...DEFAULT_SLA_POLICIES };
  for (const row of rows) {
    // policyOfRow takes the key from the row's id, so a row can only ever set its own policy.
    const parsed = slaPolicySchema.safeParse(policyOfRow(row));
    if (parsed.success) out[row.id] = parsed.data;
  }
  return out;
}

export function policyOfRow(row: SlaPolicyRow): SlaPolicy {
  return {
    key: row.id,
    normMinutes: row.normMinutes,
    warnBeforeMinutes: row.warnBeforeMinutes,
    supervisorWarnBeforeMinutes: row.supervisorWarnBeforeMinutes,
    timeBasis: row.timeBasis,
    breachActions: row.breachActions,
    carrierCallMinutes: row.carrierCallMinutes,
  };
}

export function rowOfPolicy(policy: SlaPolicy, updatedAt: number, updatedBy: string | null): SlaPolicyRow {
  return {
    id: policy.key,
    normMinutes: policy.normMinutes,
    warnBeforeMinutes: policy.warnBeforeMinutes,
    supervisorWarnBeforeMinutes: policy.supervisorWarnBeforeMinutes,
    timeBasis: policy.timeBasis,
    breachActions: [...policy.breachActions],
    carrierCallMinutes: policy.carrierCallMinutes ?? null,
    updatedBy,
    updatedAt,
  };
}

/** Reads the four policy rows through anything with a `get` (a MutatorTx, a replica reader). */
export function slaPoliciesFrom(get: (key: SlaPolicyKey) => SlaPolicyRow | undefined): SlaPolicies {
  return slaPoliciesFromRows(SLA_POLICY_KEYS.map((key) => get(key)).filter((row): row is SlaPolicyRow => row !== undefined));
}

/**
 * A region's calendar, or the Kazakhstan default when the region is unknown or its stored
 * calendar is broken. Returns a fresh object per row: the engine caches by identity, so
 * callers that evaluate many orders should cache per region themselves.
 */
export function calendarOfRegion(region: RegionRow | undefined | null): WorkingCalendar {
  return region ? calendarOrDefault(region) : DEFAULT_KZ_CALENDAR;
}

/** The calendar fields of `source` when they pass calendarProblems, else the default. */
export function calendarOrDefault(source: WorkingCalendar): WorkingCalendar {
  const cal: WorkingCalendar = {
    utcOffsetMinutes: source.utcOffsetMinutes,
    workingDays: source.workingDays,
    workStartMinute: source.workStartMinute,
    workEndMinute: source.workEndMinute,
    holidays: source.holidays,
  };
  return calendarProblems(cal).length === 0 ? cal : DEFAULT_KZ_CALENDAR;
}
