// Orders older than this desktop's sync window (issue 19): the console's search asks the
// server's archive when the replica has no answer, and an archive order opens read-only. Main
// keeps what came back in a cache of its own (never the replica, never synced, never edited).
import { z } from 'zod';
import { ARCHIVE_OFFSET_MAX, type ArchiveCard, type ArchiveOrder, type ArchiveSearchKind } from '../archive/archive-search';
import { query } from './define';

export interface ArchiveRow extends ArchiveOrder {
  /** The replica holds this order after all (it was touched, or sits at the window's edge): open it there. */
  localId: string | null;
}

export interface ArchiveSearchResult {
  /** How the text was read: the start of a number, a run of phone digits, part of a name. */
  kind: ArchiveSearchKind;
  rows: ArchiveRow[];
  offset: number;
  hasMore: boolean;
  /** The first day this desktop keeps (YYYY-MM-DD): the archive holds what was last changed before it. */
  windowStart: string;
}

export interface ArchiveCardView {
  card: ArchiveCard;
  /** When the server sent it (ms). */
  fetchedAt: number;
  /** 'cache': the server could not be reached; this is the copy fetched at `fetchedAt`. */
  source: 'server' | 'cache';
  /** Why the server was not asked or did not answer, when source is 'cache'. */
  serverError: string | null;
}

export const archiveApi = {
  /** Too little text to ask about answers invalid_request; a server out of reach, unavailable. */
  searchArchive: query<ArchiveSearchResult>()(
    z.object({ text: z.string().max(200), offset: z.number().int().min(0).max(ARCHIVE_OFFSET_MAX).default(0) }).strict(),
  ),
  /** An order by number: `{ localId }` when the replica has it (open the normal card), else the archive card. */
  openArchiveOrder: query<{ localId: string } | ArchiveCardView>()(z.object({ number: z.string().min(1).max(64) }).strict()),
} as const;
