import { DomainError, ErrorKind, type FieldProblem, type LocalizedMessage } from '#libs/core';

export enum EventsErrorCode {
  EventNotFound = 'EVENT_NOT_FOUND',
  SessionNotFound = 'SESSION_NOT_FOUND',
  PresentationNotFound = 'PRESENTATION_NOT_FOUND',
  AwardNotFound = 'AWARD_NOT_FOUND',
  IllegalTransition = 'EVENT_ILLEGAL_TRANSITION',
  EventArchived = 'EVENT_ARCHIVED',
  EndsBeforeStart = 'ENDS_BEFORE_START',
  OutsideEvent = 'OUTSIDE_EVENT',
  OutsideSession = 'OUTSIDE_SESSION',
  PresenterClash = 'PRESENTER_CLASH',
  RoomClash = 'ROOM_CLASH',
  SeedArchived = 'SEED_ARCHIVED',
  SeedNotAvailable = 'EVENT_SEED_NOT_AVAILABLE',
  UnknownReference = 'EVENT_UNKNOWN_REFERENCE',
  InvalidTimeZone = 'INVALID_TIME_ZONE',
  TitleRequired = 'PRESENTATION_TITLE_REQUIRED',
  RegistrationNotFound = 'REGISTRATION_NOT_FOUND',
  RegistrationClosed = 'REGISTRATION_CLOSED',
  AlreadyRegistered = 'ALREADY_REGISTERED',
  GuestDetailsRequired = 'GUEST_DETAILS_REQUIRED',
  GuestDetailsNotWanted = 'GUEST_DETAILS_NOT_WANTED',
  RegistrationCancelled = 'REGISTRATION_CANCELLED',
}

const KINDS: Record<EventsErrorCode, ErrorKind> = {
  [EventsErrorCode.EventNotFound]: ErrorKind.NotFound,
  [EventsErrorCode.SessionNotFound]: ErrorKind.NotFound,
  [EventsErrorCode.PresentationNotFound]: ErrorKind.NotFound,
  [EventsErrorCode.AwardNotFound]: ErrorKind.NotFound,
  [EventsErrorCode.IllegalTransition]: ErrorKind.Conflict,
  [EventsErrorCode.EventArchived]: ErrorKind.Conflict,
  [EventsErrorCode.EndsBeforeStart]: ErrorKind.BadUserInput,
  [EventsErrorCode.OutsideEvent]: ErrorKind.BadUserInput,
  [EventsErrorCode.OutsideSession]: ErrorKind.BadUserInput,
  [EventsErrorCode.PresenterClash]: ErrorKind.Conflict,
  [EventsErrorCode.RoomClash]: ErrorKind.Conflict,
  [EventsErrorCode.SeedArchived]: ErrorKind.BadUserInput,
  [EventsErrorCode.SeedNotAvailable]: ErrorKind.BadUserInput,
  [EventsErrorCode.UnknownReference]: ErrorKind.BadUserInput,
  [EventsErrorCode.InvalidTimeZone]: ErrorKind.BadUserInput,
  [EventsErrorCode.TitleRequired]: ErrorKind.BadUserInput,
  [EventsErrorCode.RegistrationNotFound]: ErrorKind.NotFound,
  [EventsErrorCode.RegistrationClosed]: ErrorKind.Conflict,
  [EventsErrorCode.AlreadyRegistered]: ErrorKind.Conflict,
  [EventsErrorCode.GuestDetailsRequired]: ErrorKind.BadUserInput,
  [EventsErrorCode.GuestDetailsNotWanted]: ErrorKind.BadUserInput,
  [EventsErrorCode.RegistrationCancelled]: ErrorKind.Conflict,
};

export class EventsError extends DomainError {
  private constructor(code: EventsErrorCode, message: LocalizedMessage, fields: FieldProblem[] = []) {
    super(code, KINDS[code], message, fields);
  }

  static eventNotFound(id: string, path = 'input.eventId') {
    return new EventsError(
      EventsErrorCode.EventNotFound,
      { ja: 'そのイベントは見つかりません', en: 'No such event' },
      [{ path, messages: [`no event ${id} you may see`] }],
    );
  }

  static sessionNotFound(id: string, path = 'input.sessionId') {
    return new EventsError(
      EventsErrorCode.SessionNotFound,
      { ja: 'そのセッションは見つかりません', en: 'No such session' },
      [{ path, messages: [`no session ${id}`] }],
    );
  }

  static presentationNotFound(id: string, path = 'input.presentationId') {
    return new EventsError(
      EventsErrorCode.PresentationNotFound,
      { ja: 'その発表は見つかりません', en: 'No such presentation' },
      [{ path, messages: [`no presentation ${id} at this event`] }],
    );
  }

  static awardNotFound(id: string) {
    return new EventsError(
      EventsErrorCode.AwardNotFound,
      { ja: 'その賞は見つかりません', en: 'No such award' },
      [{ path: 'input.id', messages: [`no award ${id}`] }],
    );
  }

  static illegalTransition(from: string, to: string) {
    return new EventsError(
      EventsErrorCode.IllegalTransition,
      {
        ja: `イベントを ${from} から ${to} へは進められません`,
        en: `An event cannot go from ${from} to ${to}`,
      },
      [{ path: 'input.to', messages: [`not a move from ${from}`] }],
    );
  }

  static eventArchived(path = 'input.id') {
    return new EventsError(
      EventsErrorCode.EventArchived,
      { ja: 'アーカイブ済みのイベントは変更できません', en: 'An archived event cannot be changed' },
      [{ path, messages: ['the event is archived'] }],
    );
  }

  static endsBeforeStart(path = 'input.endsAt') {
    return new EventsError(
      EventsErrorCode.EndsBeforeStart,
      { ja: '終了は開始より後にしてください', en: 'The end must come after the start' },
      [{ path, messages: ['must be after startsAt'] }],
    );
  }

  static outsideEvent(path: string) {
    return new EventsError(
      EventsErrorCode.OutsideEvent,
      { ja: '時間がイベントの開催時間外です', en: 'The time lies outside the event' },
      [{ path, messages: ['must lie within the event’s start and end'] }],
    );
  }

  static outsideSession(path: string) {
    return new EventsError(
      EventsErrorCode.OutsideSession,
      { ja: '発表の時間がセッションの時間外です', en: 'The slot lies outside its session' },
      [{ path, messages: ['must lie within the session’s start and end'] }],
    );
  }

  static presenterClash(personId: string, presentationId: string) {
    return new EventsError(
      EventsErrorCode.PresenterClash,
      {
        ja: '同じ発表者の別の発表と時間が重なっています',
        en: 'The presenter already presents at that time',
      },
      [{ path: 'input.presenterIds', messages: [`person ${personId} presents in ${presentationId} then`] }],
    );
  }

  static roomClash(room: string, presentationId: string) {
    return new EventsError(
      EventsErrorCode.RoomClash,
      { ja: '同じ会場の別の発表と時間が重なっています', en: 'The room is taken at that time' },
      [{ path: 'input.room', messages: [`room ${room} holds ${presentationId} then`] }],
    );
  }

  static seedArchived(id: string) {
    return new EventsError(
      EventsErrorCode.SeedArchived,
      { ja: 'アーカイブ済みのシーズは発表に使えません', en: 'An archived seed cannot be presented' },
      [{ path: 'input.seedId', messages: [`seed ${id} is archived`] }],
    );
  }

  static seedNotAvailable(id: string) {
    return new EventsError(
      EventsErrorCode.SeedNotAvailable,
      { ja: '公開中のシーズではありません', en: 'Not a published seed' },
      [{ path: 'input.seedId', messages: [`no published seed ${id}`] }],
    );
  }

  static unknownReference(path: string, what: string, ids: string[]) {
    return new EventsError(
      EventsErrorCode.UnknownReference,
      { ja: `${what} が見つかりません: ${ids.join(', ')}`, en: `Unknown ${what}: ${ids.join(', ')}` },
      [{ path, messages: [`no ${what} ${ids.join(', ')}`] }],
    );
  }

  static invalidTimeZone(value: string) {
    return new EventsError(
      EventsErrorCode.InvalidTimeZone,
      { ja: `タイムゾーンが不正です: ${value}`, en: `Not an IANA time zone: ${value}` },
      [{ path: 'input.timeZone', messages: ['must be an IANA time zone such as Asia/Tokyo'] }],
    );
  }

  static titleRequired() {
    return new EventsError(
      EventsErrorCode.TitleRequired,
      { ja: 'シーズに紐づかない発表には題名が必要です', en: 'A presentation without a seed needs a title' },
      [{ path: 'input.title', messages: ['required when no seedId is given'] }],
    );
  }

  static registrationNotFound(id: string, path = 'input.id') {
    return new EventsError(
      EventsErrorCode.RegistrationNotFound,
      { ja: 'その参加登録は見つかりません', en: 'No such registration' },
      [{ path, messages: [`no registration ${id} you may change`] }],
    );
  }

  static registrationClosed(status: string) {
    return new EventsError(
      EventsErrorCode.RegistrationClosed,
      { ja: 'このイベントは参加登録を受け付けていません', en: 'This event does not take registrations' },
      [{ path: 'input.eventId', messages: [`the event is ${status}`] }],
    );
  }

  static alreadyRegistered(path = 'input.eventId') {
    return new EventsError(
      EventsErrorCode.AlreadyRegistered,
      { ja: 'このイベントには既に参加登録されています', en: 'Already registered for this event' },
      [{ path, messages: ['one registration per person and event'] }],
    );
  }

  static guestDetailsRequired() {
    return new EventsError(
      EventsErrorCode.GuestDetailsRequired,
      {
        ja: 'ログインしていない場合は氏名・所属・メールアドレスを入力してください',
        en: 'Without signing in, give your name, organization and e-mail address',
      },
      [{ path: 'input.guest', messages: ['required when not signed in'] }],
    );
  }

  static guestDetailsNotWanted() {
    return new EventsError(
      EventsErrorCode.GuestDetailsNotWanted,
      {
        ja: 'ログイン中はご自身のアカウントで登録されます（ゲスト情報は不要です）',
        en: 'Signed in, you register yourself: leave out the guest details',
      },
      [{ path: 'input.guest', messages: ['only for registrations without signing in'] }],
    );
  }

  static registrationCancelled(path = 'id') {
    return new EventsError(
      EventsErrorCode.RegistrationCancelled,
      { ja: 'この参加登録は取り消されています', en: 'This registration was cancelled' },
      [{ path, messages: ['the registration is cancelled'] }],
    );
  }
}
