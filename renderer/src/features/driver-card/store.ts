// The driver card: which driver is open, their card (replica: works offline), the GPS track of
// the chosen period (server: may fail on its own, the card stays) and the replay's state. The
// map draws the track and the replay marker from here.
import { create } from 'zustand';
import { ApiError } from '../../../../shared/api/client';
import type { DriverCardView, DriverTrackView } from '../../../../shared/api/driver-card-api';
import { trackPeriodProblem, trackPresetPeriod, type TrackPeriodProblem, type TrackPreset } from '../../../../shared/domain/track-period';
import { advanceReplay, type ReplaySpeed } from '../../../../shared/domain/track-replay';
import { api, errorMessage } from '../../api/client';
import { showRightPanel } from '../../app/layout-store';
import { fitMap } from '../map/store';

export type PeriodChoice = TrackPreset | 'custom';

/** Why the track is not shown: a period the rule refuses (said in the UI's words), or the call's failure. */
export type TrackFailure = { kind: 'period'; problem: TrackPeriodProblem } | { kind: 'call'; code: string; message: string };

export interface DriverCardState {
  driverId: string | null;
  card: DriverCardView | null;
  cardError: string | null;
  period: PeriodChoice;
  /** The custom period's ends (ms), kept while other presets are chosen. */
  customFrom: number | null;
  customTo: number | null;
  track: DriverTrackView | null;
  trackLoading: boolean;
  trackError: TrackFailure | null;
  /** The replay's moment (ms, within the track) and whether it runs. */
  replayAt: number | null;
  playing: boolean;
  speed: ReplaySpeed;
}

const initial = (): DriverCardState => ({
  driverId: null,
  card: null,
  cardError: null,
  period: 'today',
  customFrom: null,
  customTo: null,
  track: null,
  trackLoading: false,
  trackError: null,
  replayAt: null,
  playing: false,
  speed: 60,
});

export const useDriverCardStore = create<DriverCardState>(initial);

export function resetDriverCardStore(): void {
  useDriverCardStore.setState(initial());
}

async function loadCard(driverId: string): Promise<void> {
  try {
    const card = await api().driverCard({ driverId });
    if (useDriverCardStore.getState().driverId === driverId) useDriverCardStore.setState({ card, cardError: null });
  } catch (err) {
    if (useDriverCardStore.getState().driverId === driverId) useDriverCardStore.setState({ cardError: errorMessage(err) });
  }
}

/** Opens a driver's card in the right panel (Drivers panel row, map marker) and loads today's track. */
export async function openDriverCard(driverId: string): Promise<void> {
  const same = useDriverCardStore.getState().driverId === driverId;
  if (!same) useDriverCardStore.setState({ ...initial(), driverId });
  showRightPanel('driver');
  await loadCard(driverId);
  if (!same) await loadTrack();
}

export function closeDriverCard(): void {
  useDriverCardStore.setState(initial());
  showRightPanel('drivers');
}

/** Rows changed (orders, drivers): the open card is read again; the track stays as loaded. */
export async function refreshDriverCard(): Promise<void> {
  const id = useDriverCardStore.getState().driverId;
  if (id !== null) await loadCard(id);
}

export function choosePeriod(period: PeriodChoice): void {
  useDriverCardStore.setState({ period });
}

export function setCustomPeriod(from: number | null, to: number | null): void {
  useDriverCardStore.setState({ customFrom: from, customTo: to });
}

/** The period asked for: a preset from now, or the custom ends (null until both are typed). */
export function chosenPeriod(s: Pick<DriverCardState, 'period' | 'customFrom' | 'customTo'>, now: number): { from: number; to: number } | null {
  if (s.period !== 'custom') return trackPresetPeriod(s.period, now);
  return s.customFrom === null || s.customTo === null ? null : { from: s.customFrom, to: s.customTo };
}

/** Fetches the chosen period's track; a period the rule refuses is said at once, without a call. */
export async function loadTrack(): Promise<void> {
  const s = useDriverCardStore.getState();
  const driverId = s.driverId;
  if (driverId === null) return;
  const now = Date.now();
  const period = chosenPeriod(s, now);
  if (period === null) return;
  const problem = trackPeriodProblem(period, now);
  if (problem !== null) {
    useDriverCardStore.setState({ trackError: { kind: 'period', problem }, track: null, replayAt: null, playing: false });
    return;
  }
  useDriverCardStore.setState({ trackLoading: true, trackError: null, playing: false });
  try {
    const track = await api().driverTrack({ driverId, ...period });
    if (useDriverCardStore.getState().driverId !== driverId) return;
    useDriverCardStore.setState({ track, trackLoading: false, replayAt: track.points[0]?.fixAt ?? null });
    if (track.points.length > 0) fitMap(track.points);
  } catch (err) {
    if (useDriverCardStore.getState().driverId !== driverId) return;
    const code = err instanceof ApiError ? err.code : 'internal';
    useDriverCardStore.setState({ trackLoading: false, track: null, replayAt: null, trackError: { kind: 'call', code, message: errorMessage(err) } });
  }
}

function trackEnds(track: DriverTrackView | null): { start: number; end: number } | null {
  const first = track?.points[0];
  const last = track?.points[track.points.length - 1];
  return first && last ? { start: first.fixAt, end: last.fixAt } : null;
}

export function seekReplay(at: number): void {
  const ends = trackEnds(useDriverCardStore.getState().track);
  if (ends === null || !Number.isFinite(at)) return;
  useDriverCardStore.setState({ replayAt: Math.min(ends.end, Math.max(ends.start, at)) });
}

export function togglePlay(): void {
  const s = useDriverCardStore.getState();
  const ends = trackEnds(s.track);
  if (ends === null) return;
  // Play at the end starts over.
  if (!s.playing && s.replayAt !== null && s.replayAt >= ends.end) useDriverCardStore.setState({ replayAt: ends.start });
  useDriverCardStore.setState({ playing: !s.playing });
}

export function setReplaySpeed(speed: ReplaySpeed): void {
  useDriverCardStore.setState({ speed });
}

/** One frame of the player: `elapsedMs` of wall time passed. */
export function tickReplay(elapsedMs: number): void {
  const s = useDriverCardStore.getState();
  const ends = trackEnds(s.track);
  if (!s.playing || ends === null || s.replayAt === null) return;
  const next = advanceReplay(s.replayAt, elapsedMs, s.speed, ends.end);
  useDriverCardStore.setState({ replayAt: next.at, playing: !next.done });
}
