/** The input and output of the 1:1 partnering scheduler (pure data, no Nest, no database). */

export interface ScheduleSlot {
  id: string;
  startsAt?: string;
}

export interface ScheduleParticipant {
  id: string;
  unavailableSlotIds?: readonly string[];
}

/** An accepted meeting request: two participants usually, more allowed. */
export interface ScheduleMeeting {
  id: string;
  participantIds: readonly string[];
  /** Higher is placed first among otherwise equal meetings. */
  priority?: number;
}

export interface Placement {
  meetingId: string;
  slotId: string;
  tableId: string;
}

export interface ScheduleInput {
  /** In time order. */
  slots: readonly ScheduleSlot[];
  tables: readonly { id: string }[];
  participants: readonly ScheduleParticipant[];
  meetings: readonly ScheduleMeeting[];
  /** Coordinator-pinned: always kept where pinned. */
  pins?: readonly Placement[];
  /** The schedule of an earlier run: kept wherever still valid. */
  previous?: readonly Placement[];
}

export type UnplacedReason =
  | 'invalid-meeting'
  | 'pin-conflict'
  | 'participant-unavailable'
  | 'no-common-free-slot'
  | 'participant-fully-booked'
  | 'tables-full'
  | 'conflicts';

export interface Unplaced {
  meetingId: string;
  reason: UnplacedReason;
  /** The participant the reason is about, when it is about one. */
  participantId?: string;
}

export type ScheduleErrorCode =
  | 'UNKNOWN_PARTICIPANT'
  | 'DUPLICATE_MEETING'
  | 'TOO_FEW_PARTICIPANTS'
  | 'UNKNOWN_PIN_TARGET'
  | 'PIN_DUPLICATE'
  | 'PIN_TABLE_TAKEN'
  | 'PIN_PARTICIPANT_BUSY'
  | 'PIN_PARTICIPANT_UNAVAILABLE';

export interface ScheduleError {
  code: ScheduleErrorCode;
  message: { ja: string; en: string };
  meetingId: string;
  /** The pinned meeting it collides with, for pin conflicts. */
  conflictsWith?: string;
  participantId?: string;
}

export interface ParticipantStats {
  participantId: string;
  asked: number;
  placed: number;
  /** Why each of their unplaced meetings was not placed. */
  missed: Unplaced[];
}

export interface Fairness {
  /** Over participants who asked for at least one meeting. */
  min: number;
  median: number;
  max: number;
  /** Participants placed in fewer meetings than they asked for. */
  short: ParticipantStats[];
}

export interface ScheduleResult {
  placements: Placement[];
  unplaced: Unplaced[];
  errors: ScheduleError[];
  participants: ParticipantStats[];
  placedCount: number;
  upperBound: number;
  fairness: Fairness;
  /** Meetings of the previous schedule placed again but elsewhere, or no longer placed. */
  moved: number;
}
