import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  schedulePartnering,
  scheduleViolations,
  syntheticEvent,
  type Placement,
  type ScheduleInput,
  type ScheduleResult,
} from '#libs/events';

/**
 *   npm run bench:schedule -- [--participants 300] [--requests 2000] [--slots 40] [--tables 30] [--runs 5] [--seed 42]
 * Schedules one seeded synthetic partnering event several times, beside a naive
 * first-fit greedy (meetings in input order, earliest free slot) measured in the
 * same run; checks every schedule with an independent checker; then re-runs after
 * a late change (one meeting cancelled, five new) on the previous schedule.
 * The synthetic event and its generator live beside the scheduler (synthetic-event.ts).
 */

const TARGET_MS = 2000;
const TARGET_RATIO = 0.98;

const { values } = parseArgs({
  options: {
    participants: { type: 'string', default: '300' },
    requests: { type: 'string', default: '2000' },
    slots: { type: 'string', default: '40' },
    tables: { type: 'string', default: '30' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '42' },
  },
});
const opt = {
  participants: Number(values.participants),
  requests: Number(values.requests),
  slots: Number(values.slots),
  tables: Number(values.tables),
  runs: Math.max(1, Number(values.runs)),
  seed: Number(values.seed),
};

function percentile(list: number[], p: number): number {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const ms = (value: number) =>
  value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
const pct = (value: number) => `${(value * 100).toFixed(1)} %`;

/** Aligned plain-text columns: the first left-aligned, the rest right-aligned. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, c) =>
    Math.max(title.length, ...rows.map((row) => (row[c] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : (cell ?? '').padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The baseline: pins, then each meeting in input order into the earliest slot and table it fits. */
function firstFit(input: ScheduleInput): Placement[] {
  const tableAt = new Set<string>();
  const busy = new Set<string>();
  const out: Placement[] = [];
  const unavailable = new Map(input.participants.map((p) => [p.id, new Set(p.unavailableSlotIds ?? [])]));
  const put = (x: Placement, people: readonly string[]) => {
    out.push(x);
    tableAt.add(`${x.slotId}/${x.tableId}`);
    for (const p of people) busy.add(`${p}/${x.slotId}`);
  };
  const people = new Map(input.meetings.map((m) => [m.id, m.participantIds]));
  for (const pin of input.pins ?? []) put(pin, people.get(pin.meetingId) ?? []);
  const pinned = new Set((input.pins ?? []).map((p) => p.meetingId));
  for (const meeting of input.meetings) {
    if (pinned.has(meeting.id)) continue;
    for (const slot of input.slots) {
      const ids = meeting.participantIds;
      if (ids.some((p) => busy.has(`${p}/${slot.id}`) || unavailable.get(p)?.has(slot.id))) continue;
      const free = input.tables.find((t) => !tableAt.has(`${slot.id}/${t.id}`));
      if (!free) continue;
      put({ meetingId: meeting.id, slotId: slot.id, tableId: free.id }, ids);
      break;
    }
  }
  return out;
}

function fairnessOf(input: ScheduleInput, placements: Placement[]) {
  const placed = new Map<string, number>();
  const asked = new Map<string, number>();
  const people = new Map(input.meetings.map((m) => [m.id, m.participantIds]));
  for (const m of input.meetings) for (const p of m.participantIds) asked.set(p, (asked.get(p) ?? 0) + 1);
  for (const x of placements)
    for (const p of people.get(x.meetingId) ?? []) placed.set(p, (placed.get(p) ?? 0) + 1);
  const list = [...asked.keys()].map((p) => placed.get(p) ?? 0).sort((a, b) => a - b);
  const n = list.length;
  const short = [...asked].filter(([p, a]) => (placed.get(p) ?? 0) < a).length;
  return {
    min: list[0],
    median: (list[(n - 1) >> 1] + list[n >> 1]) / 2,
    max: list[n - 1],
    short,
    zero: list.filter((x) => x === 0).length,
  };
}

const input = syntheticEvent({ ...opt, pins: 20 });
process.stderr.write(
  `[bench:schedule] ${opt.participants} participants, ${input.meetings.length} accepted meetings, ${opt.slots} slots × ${opt.tables} tables, ${input.pins?.length ?? 0} pins, rng seed ${opt.seed}, ${opt.runs} runs\n`,
);

const times: number[] = [];
const baseTimes: number[] = [];
let final: ScheduleResult = schedulePartnering(input);
let base: Placement[] = [];
for (let run = 0; run < opt.runs; run++) {
  let t0 = performance.now();
  base = firstFit(input);
  baseTimes.push(performance.now() - t0);
  t0 = performance.now();
  const r = schedulePartnering(input);
  times.push(performance.now() - t0);
  if (JSON.stringify(final) !== JSON.stringify(r)) throw new Error('schedule differs between runs');
  final = r;
}
const conflicts = scheduleViolations(input, final);
const baseConflicts = scheduleViolations(input, {
  ...final,
  placements: base,
  placedCount: base.length,
  errors: [],
  upperBound: Infinity,
});

// A late change: one meeting cancelled, five new, on top of the schedule just made.
const cancelled = final.placements[Math.floor(final.placements.length / 2)].meetingId;
const extra = syntheticEvent({ ...opt, requests: 5, seed: opt.seed + 1 }).meetings.map((m, i) => ({
  ...m,
  id: `late${i}`,
}));
const changed: ScheduleInput = {
  ...input,
  meetings: [...input.meetings.filter((m) => m.id !== cancelled), ...extra],
  previous: final.placements,
};
const t1 = performance.now();
const rerun = schedulePartnering(changed);
const rerunMs = performance.now() - t1;
const rerunConflicts = scheduleViolations(changed, rerun);
const placedLate = extra.filter((m) => rerun.placements.some((x) => x.meetingId === m.id)).length;

const fair = final.fairness;
const baseFair = fairnessOf(input, base);
const zero = final.participants.filter((p) => p.asked > 0 && p.placed === 0).length;
const reasons = new Map<string, number>();
for (const u of final.unplaced) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);

console.log(
  [
    '',
    `Partnering scheduler benchmark: ${opt.participants} participants, ${input.meetings.length} accepted meetings (${input.meetings.filter((m) => m.participantIds.length > 2).length} with three), ${opt.slots} slots × ${opt.tables} tables = ${opt.slots * opt.tables} places, ${input.pins?.length ?? 0} pins, rng seed ${opt.seed}`,
    `Machine: ${availableParallelism()} cores, other work running; ${opt.runs} runs each after one warm-up run, scheduler and baseline alternating (performance.now() around the call).`,
    '',
    table(
      [
        'algorithm',
        'median ms',
        'p95 ms',
        'placed',
        'bound',
        'placed / bound',
        'conflicts',
        'min / median / max',
        'short',
        'none placed',
      ],
      [
        [
          'scheduler (greedy fewest-first + repair + fairness swaps)',
          ms(percentile(times, 50)),
          ms(percentile(times, 95)),
          String(final.placedCount),
          String(final.upperBound),
          pct(final.placedCount / final.upperBound),
          String(conflicts.length),
          `${fair.min} / ${fair.median} / ${fair.max}`,
          String(fair.short.length),
          String(zero),
        ],
        [
          'baseline (first fit, input order, earliest slot)',
          ms(percentile(baseTimes, 50)),
          ms(percentile(baseTimes, 95)),
          String(base.length),
          String(final.upperBound),
          pct(base.length / final.upperBound),
          String(baseConflicts.length),
          `${baseFair.min} / ${baseFair.median} / ${baseFair.max}`,
          String(baseFair.short),
          String(baseFair.zero),
        ],
      ],
    ),
    `Unplaced by reason: ${[...reasons].map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}; errors: ${final.errors.length}.`,
    `Fairness: meetings placed per participant who asked (${final.participants.filter((p) => p.asked > 0).length} of them); "short" = placed fewer than asked.`,
    '',
    'Re-run after a late change (1 meeting cancelled, 5 new), previous schedule given',
    table(
      ['ms', 'placed', 'bound', 'moved', 'new placed', 'conflicts'],
      [
        [
          ms(rerunMs),
          String(rerun.placedCount),
          String(rerun.upperBound),
          String(rerun.moved),
          `${placedLate} of 5`,
          String(rerunConflicts.length),
        ],
      ],
    ),
    '',
    'Targets',
    `  median < ${TARGET_MS} ms: ${ms(percentile(times, 50))} ms — ${percentile(times, 50) < TARGET_MS ? 'met' : 'NOT met'}`,
    `  placed / bound ≥ ${pct(TARGET_RATIO)}: ${pct(final.placedCount / final.upperBound)} — ${final.placedCount >= TARGET_RATIO * final.upperBound ? 'met' : 'NOT met'}`,
    `  conflicts = 0: ${conflicts.length + rerunConflicts.length} — ${conflicts.length + rerunConflicts.length === 0 ? 'met' : 'NOT met'}`,
    ...conflicts.slice(0, 5).map((c) => `    ${c}`),
  ].join('\n'),
);
