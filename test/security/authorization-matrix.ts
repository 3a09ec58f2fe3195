/**
 * Who may call what: every Query and Mutation of schema.gql × every kind of caller,
 * with the outcome the API gives. authorization-matrix.e2e-spec.ts calls each cell for
 * real (one world, one request per cell) and fails on any difference, on an operation
 * without a row and on a row whose operation is gone. A change here is a reviewed
 * decision about access, not a chore: read the target, then each cell.
 *
 * Columns (the callers):
 *   anon   no token
 *   pend   a researcher of A whose affiliation is still pending
 *   rej    a company member of X whose affiliation was rejected
 *   resA   an approved researcher of institution A (listed on A's seeds)
 *   peerA  another approved researcher of A, listed on none of A's seeds
 *   resB   an approved researcher of institution B
 *   memX   an approved member of company X (its needs are X's)
 *   memY   an approved member of company Y
 *   coord  a coordinator
 *   admin  the first admin
 *
 * Cells:
 *   allow   the call gets through and answers with data
 *   hide    NOT_FOUND: the record exists, but not for this caller (no existence oracle)
 *   deny    FORBIDDEN: @Allow refuses the caller, or the record is not theirs
 *   login   UNAUTHENTICATED: a token is needed
 * Any other answer (BAD_USER_INPUT, CONFLICT, INTERNAL_SERVER_ERROR…) fails the cell as
 * itself: a row's arguments must reach a real record, so that `allow` means data.
 *
 * Ownership shows through the target (the comment after each row): a row acting on
 * A's seed or X's need reads allow for resA / memX and hide or deny for B / Y; peerA
 * tells what belongs to the institution from what belongs to the seed's researchers.
 * The audience snapshot (apps/api/src/api-schema.spec.ts) records the @Allow
 * declarations; this table is what each caller actually gets, ownership included.
 */

export const ROLES = [
  'anonymous',
  'pending',
  'rejected',
  'researcherA',
  'peerA',
  'researcherB',
  'memberX',
  'memberY',
  'coordinator',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export type Outcome = 'allow' | 'hidden' | 'forbidden' | 'unauthenticated';

const allow: Outcome = 'allow';
const hide: Outcome = 'hidden';
const deny: Outcome = 'forbidden';
const login: Outcome = 'unauthenticated';

type Tuple<T, N extends number, Built extends T[] = []> = Built['length'] extends N
  ? Built
  : Tuple<T, N, [...Built, T]>;

/** One outcome per caller, in the order of ROLES (a row of another length does not compile). */
export type Row = Readonly<Tuple<Outcome, (typeof ROLES)['length']>>;

// One aligned line per operation, a caller per column, is the point of this table: Prettier would
// break the rows apart and the columns could no longer be read down.
// prettier-ignore
export const AUTHORIZATION_MATRIX: Record<'Query' | 'Mutation', Record<string, Row>> = {
  Query: {
    //                        anon   pend   rej    resA   peerA  resB   memX   memY   coord  admin    target
    candidatesForCompany:     [login, deny,  deny,  deny,  deny,  deny,  allow, deny,  allow, allow], // company X
    candidatesForNeed:        [login, deny,  deny,  deny,  deny,  deny,  allow, deny,  allow, allow], // X's public need
    candidatesForSeed:        [login, deny,  deny,  allow, deny,  deny,  deny,  deny,  allow, allow], // A's published seed
    declineReasons:           [login, deny,  deny,  allow, allow, deny,  deny,  deny,  allow, allow], // institution A
    event:                    [hide,  hide,  hide,  hide,  hide,  hide,  hide,  hide,  allow, allow], // a draft event
    events:                   [allow, allow, allow, allow, allow, allow, allow, allow, allow, allow], // drafts for staff only
    eventRegistrations:       [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow], // a draft event
    eventRoster:              [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow], // a draft event
    exportCatalog:            [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow],
    externalFigures:          [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow], // the program
    kpis:                     [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow], // the program, FY2026
    exportMyData:             [login, allow, allow, allow, allow, allow, allow, allow, allow, allow], // the caller's own
    invitations:              [login, deny,  deny,  allow, allow, allow, allow, allow, allow, allow], // the caller's own (staff: all)
    me:                       [login, allow, allow, allow, allow, allow, allow, allow, allow, allow],
    mySessions:               [login, allow, allow, allow, allow, allow, allow, allow, allow, allow], // the caller's own
    myRegistrations:          [login, allow, allow, allow, allow, allow, allow, allow, allow, allow], // the caller's own
    ndaText:                  [login, deny,  deny,  allow, allow, allow, allow, allow, allow, allow],
    need:                     [hide,  hide,  hide,  hide,  hide,  hide,  allow, hide,  allow, allow], // X's confidential need
    needs:                    [allow, allow, allow, allow, allow, allow, allow, allow, allow, allow],
    notifications:            [login, allow, allow, allow, allow, allow, allow, allow, allow, allow], // the caller's own
    organization:             [allow, allow, allow, allow, allow, allow, allow, allow, allow, allow], // institution A
    organizationMembers:      [login, deny,  deny,  allow, allow, deny,  deny,  deny,  allow, allow], // institution A
    organizationTypes:        [allow, allow, allow, allow, allow, allow, allow, allow, allow, allow],
    organizations:            [allow, allow, allow, allow, allow, allow, allow, allow, allow, allow],
    pendingAffiliations:      [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow],
    person:                   [allow, allow, allow, allow, allow, allow, allow, allow, allow, allow], // resA's person
    pipelineReport:           [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow],
    program:                  [allow, allow, allow, allow, allow, allow, allow, allow, allow, allow],
    programs:                 [allow, allow, allow, allow, allow, allow, allow, allow, allow, allow],
    proposal:                 [login, deny,  deny,  allow, hide,  hide,  allow, hide,  allow, allow], // proposal A×X at meeting
    proposals:                [login, deny,  deny,  allow, allow, allow, allow, allow, allow, allow], // as each may see them
    savedSearches:            [login, deny,  deny,  deny,  deny,  deny,  allow, allow, deny,  deny ], // the caller's own
    searchNeeds:              [login, deny,  deny,  deny,  deny,  deny,  allow, allow, allow, allow],
    searchSeeds:              [allow, allow, allow, allow, allow, allow, allow, allow, allow, allow],
    seed:                     [hide,  hide,  hide,  allow, hide,  hide,  hide,  hide,  allow, allow], // A's draft seed
    seeds:                    [allow, allow, allow, allow, allow, allow, allow, allow, allow, allow],
    unreadNotificationCount:  [login, allow, allow, allow, allow, allow, allow, allow, allow, allow],
  },
  Mutation: {
    //                        anon   pend   rej    resA   peerA  resB   memX   memY   coord  admin    target
    acceptInvitation:         [allow, allow, allow, allow, allow, allow, allow, allow, allow, allow], // a new invitation's link (to B)
    acceptNda:                [login, deny,  deny,  allow, hide,  hide,  allow, hide,  deny,  deny ], // proposal A×X at meeting
    addPresentation:          [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow], // a new draft event's session
    addSession:               [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow], // a new draft event
    approveAffiliation:       [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow], // a new pending researcher
    archiveSeed:              [login, deny,  deny,  allow, deny,  deny,  deny,  deny,  allow, allow], // a new published seed of A
    cancelRegistration:       [hide,  hide,  hide,  allow, hide,  hide,  hide,  hide,  allow, allow], // resA's registration for a new published event
    changePassword:           [login, allow, allow, allow, allow, allow, allow, allow, allow, allow], // the caller's own, set again
    checkIn:                  [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow], // resA's registration for a new published event
    closeMyAccount:           [login, allow, allow, allow, allow, allow, allow, allow, allow, allow], // a new account like the caller
    closeNeed:                [login, deny,  deny,  deny,  deny,  deny,  allow, deny,  allow, allow], // a new public need of X
    confirmEmailChange:       [allow, allow, allow, allow, allow, allow, allow, allow, allow, allow], // a new account's change link
    createEvent:              [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow],
    createNeed:               [login, deny,  deny,  deny,  deny,  deny,  allow, deny,  allow, allow], // for company X
    createOrganization:       [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow],
    createProgram:            [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow],
    createSeed:               [login, deny,  deny,  allow, allow, deny,  deny,  deny,  allow, allow], // for institution A
    createStaffAccount:       [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow],
    deactivateAccount:        [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow], // a new account
    deleteSavedSearch:        [login, deny,  deny,  deny,  deny,  deny,  allow, hide,  deny,  deny ], // a new search of memX
    giveAward:                [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow], // a new draft event's presentation
    importCatalog:            [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow], // dry run
    inviteColleague:          [login, deny,  deny,  allow, allow, deny,  deny,  deny,  allow, allow], // to institution A
    leaveOrganization:        [login, allow, allow, allow, allow, allow, allow, allow, deny,  deny ], // the caller's own organization, joined again after
    markNotificationsRead:    [login, allow, allow, allow, allow, allow, allow, allow, allow, allow], // the caller's own
    moveEvent:                [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow], // a new draft event, to PUBLISHED
    moveProposal:             [login, deny,  deny,  allow, hide,  hide,  deny,  hide,  allow, allow], // new A×X proposal, introduced→meeting
    proposeMatch:             [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow], // A's seed for a new need of X
    publishSeed:              [login, deny,  deny,  allow, hide,  hide,  deny,  deny,  allow, allow], // a new draft of A
    recordExternalFigure:     [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow], // the program's cohort consents
    reactivateAccount:        [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow], // a new deactivated account
    refreshToken:             [allow, allow, allow, allow, allow, allow, allow, allow, allow, allow], // a live refresh token
    registerForEvent:         [allow, allow, allow, allow, allow, allow, allow, allow, allow, allow], // a new published event (anon: as a guest)
    rejectAffiliation:        [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow], // a new pending researcher
    removeAward:              [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow], // a new draft event's award
    removePresentation:       [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow], // a new draft event's presentation
    removeSession:            [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow], // a new draft event's session
    renewSeed:                [login, deny,  deny,  allow, deny,  deny,  deny,  deny,  allow, allow], // A's published seed
    requestAffiliation:       [login, allow, allow, allow, allow, allow, allow, allow, deny,  deny ], // the caller's own organization, after leaving it
    requestEmailChange:       [login, allow, allow, allow, allow, allow, allow, allow, allow, allow], // the caller's own, to a new address
    requestIntroduction:      [login, deny,  deny,  deny,  deny,  deny,  allow, allow, deny,  deny ], // a new published seed of A
    requestPasswordReset:     [allow, allow, allow, allow, allow, allow, allow, allow, allow, allow], // resA's address
    resendVerificationEmail:  [allow, allow, allow, allow, allow, allow, allow, allow, allow, allow], // a new unconfirmed sign-up
    resetPassword:            [allow, allow, allow, allow, allow, allow, allow, allow, allow, allow], // a new account's reset link
    revokeInvitation:         [login, deny,  deny,  allow, hide,  hide,  hide,  hide,  allow, allow], // a new invitation by resA
    revokeSession:            [login, hide,  hide,  allow, hide,  hide,  hide,  hide,  hide,  hide ], // a new session of resA
    saveSearch:               [login, deny,  deny,  deny,  deny,  deny,  allow, allow, deny,  deny ],
    setKpiTarget:             [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow], // the program's FY2026 new seeds, set again
    signIn:                   [allow, allow, allow, allow, allow, allow, allow, allow, allow, allow], // resA's credentials
    signOut:                  [login, allow, allow, allow, allow, allow, allow, allow, allow, allow], // the caller's own session
    signOutEverywhere:        [login, allow, allow, allow, allow, allow, allow, allow, allow, allow], // the caller's own sessions
    signUp:                   [allow, allow, allow, allow, allow, allow, allow, allow, allow, allow],
    updateEvent:              [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow], // a new draft event
    updateMyOrganization:     [login, deny,  deny,  allow, allow, allow, allow, allow, deny,  deny ], // the caller's own organization
    updateMyProfile:          [login, deny,  deny,  allow, allow, allow, deny,  deny,  deny,  deny ], // the caller's own person
    updateNeed:               [login, deny,  deny,  deny,  deny,  deny,  allow, deny,  allow, allow], // X's public need
    updateOrganization:       [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow], // institution A
    updatePreferences:        [login, allow, allow, allow, allow, allow, allow, allow, allow, allow], // the caller's own
    updatePresentation:       [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow], // a new draft event's presentation
    updateProgram:            [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow],
    updateSeed:               [login, deny,  deny,  allow, deny,  deny,  deny,  deny,  allow, allow], // A's published seed
    updateSession:            [login, deny,  deny,  deny,  deny,  deny,  deny,  deny,  allow, allow], // a new draft event's session
    verifyEmail:              [allow, allow, allow, allow, allow, allow, allow, allow, allow, allow], // a new sign-up's link
  },
};
