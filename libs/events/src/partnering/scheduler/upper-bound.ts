/**
 * An upper bound on how many meetings any valid schedule can place.
 *
 * Each term bounds every valid schedule on its own, so their minimum does too:
 *
 * 1. Per slot: a meeting placed in slot s takes one of the T tables and at least
 *    two distinct participants available in s, each in no other meeting of s. So
 *    slot s holds at most min(T, ⌊a_s / 2⌋) meetings, a_s = participants available
 *    in s who are in some placeable meeting; the schedule places at most the sum.
 * 2. Per participant (a fractional b-matching, ignoring which slot): participant
 *    p is in at most b_p meetings, b_p = its available slots. Keep only the first
 *    two participants of each meeting: any valid schedule still satisfies this
 *    weaker system, so its optimum bounds ours. On these pairs, the bipartite
 *    double cover (left copy u → right copy v and left v → right u for each pair,
 *    capacity 1 per meeting; source → left u capacity b_u, right v → sink
 *    capacity b_v) carries 2|P| units for a valid schedule's placed meetings P
 *    (both directions of each, each person's copies used once per placed meeting).
 *    So |P| ≤ ⌊maxflow / 2⌋. Unlike sending one unit per participant from the
 *    meeting, every unit here needs budget at both ends, so a participant asked for
 *    more than they have slots caps the meetings of everyone who asked them.
 * 3. |P| ≤ the number of placeable meetings (known participants, ≥ 2 of them, and a
 *    slot all of them are available in).
 *
 * Meetings that can be placed nowhere are left out of 1 and 2: no valid schedule
 * holds them. Pins only remove schedules, so the bound stays an upper bound.
 */
export function upperBound(
  slotCount: number,
  tableCount: number,
  /** available[p * slotCount + s] = 1 when participant p can meet in slot s. */
  available: Uint8Array,
  participantCount: number,
  /** Placeable meetings only, as participant indices. */
  meetings: readonly (readonly number[])[],
): number {
  const inSome = new Uint8Array(participantCount);
  for (const m of meetings) for (const p of m) inSome[p] = 1;
  let perSlot = 0;
  for (let s = 0; s < slotCount; s++) {
    let a = 0;
    for (let p = 0; p < participantCount; p++) if (inSome[p] && available[p * slotCount + s]) a++;
    perSlot += Math.min(tableCount, Math.floor(a / 2));
  }
  const budget = new Array<number>(participantCount).fill(0);
  for (let p = 0; p < participantCount; p++)
    for (let s = 0; s < slotCount; s++) budget[p] += available[p * slotCount + s];
  const flow = doubleCoverFlow(
    meetings.map((m) => [m[0], m[1]]),
    budget,
  );
  return Math.min(perSlot, Math.floor(flow / 2), meetings.length);
}

/** Dinic's max flow on source → left copies → right copies → sink. */
function doubleCoverFlow(pairs: readonly (readonly [number, number])[], budget: readonly number[]): number {
  const P = budget.length;
  const source = 2 * P;
  const sink = source + 1;
  const nodes = sink + 1;
  const head = new Int32Array(nodes).fill(-1);
  const to: number[] = [];
  const cap: number[] = [];
  const next: number[] = [];
  const edge = (u: number, v: number, c: number) => {
    to.push(v, u);
    cap.push(c, 0);
    next.push(head[u], head[v]);
    head[u] = to.length - 2;
    head[v] = to.length - 1;
  };
  const multiplicity = new Map<number, number>();
  for (const [a, b] of pairs) {
    const key = Math.min(a, b) * P + Math.max(a, b);
    multiplicity.set(key, (multiplicity.get(key) ?? 0) + 1);
  }
  for (const [key, n] of [...multiplicity].sort((x, y) => x[0] - y[0])) {
    const a = Math.floor(key / P);
    const b = key % P;
    edge(a, P + b, n);
    edge(b, P + a, n);
  }
  budget.forEach((b, p) => {
    edge(source, p, b);
    edge(P + p, sink, b);
  });
  const level = new Int32Array(nodes);
  const iter = new Int32Array(nodes);
  const queue = new Int32Array(nodes);
  const bfs = () => {
    level.fill(-1);
    level[source] = 0;
    let qh = 0;
    let qt = 0;
    queue[qt++] = source;
    while (qh < qt) {
      const u = queue[qh++];
      for (let e = head[u]; e !== -1; e = next[e])
        if (cap[e] > 0 && level[to[e]] < 0) {
          level[to[e]] = level[u] + 1;
          queue[qt++] = to[e];
        }
    }
    return level[sink] >= 0;
  };
  const dfs = (u: number, f: number): number => {
    if (u === sink) return f;
    for (; iter[u] !== -1; iter[u] = next[iter[u]]) {
      const e = iter[u];
      const v = to[e];
      if (cap[e] > 0 && level[v] === level[u] + 1) {
        const d = dfs(v, Math.min(f, cap[e]));
        if (d > 0) {
          cap[e] -= d;
          cap[e ^ 1] += d;
          return d;
        }
      }
    }
    return 0;
  };
  let flow = 0;
  while (bfs()) {
    iter.set(head);
    for (let f = dfs(source, Infinity); f > 0; f = dfs(source, Infinity)) flow += f;
  }
  return flow;
}
