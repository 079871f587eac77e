/**
 * How campaigns combine (stacking), independent of what they grant: the evaluation passes an
 * `attempt` function that applies one campaign to a state and says what it is worth.
 *
 * Order (total, so the result never depends on the order campaigns are listed in):
 * - groups by priority, higher first, then group id (code-unit order);
 * - campaigns within a group by priority, higher first, then campaign id, then version (higher
 *   first; the service normally gives one version per campaign).
 *
 * Exclusivity:
 * - `all`: before anything else, the `all`-exclusive campaigns are tried in the order above; the
 *   first one that applies is the only campaign applied to the evaluation;
 * - `group`: in a `stack-all` group, its `group`-exclusive campaigns are tried first, in order; the
 *   first one that applies is the only one applied from that group (other groups go on). In
 *   `first-match` and `best-for-customer` groups only one campaign applies anyway, so `group`
 *   changes nothing there.
 *
 * Modes of a group:
 * - `stack-all`: every campaign that applies, in order;
 * - `first-match`: the first campaign in order that applies (limits included: a campaign whose
 *   budget is spent does not apply, so the next one gets its chance);
 * - `best-for-customer`: the one campaign worth most to the customer, each candidate tried on the
 *   state left by the groups before (so caps and budgets already taken count); ties go to the
 *   earlier in order. One, not a subset: every effect is worth ≥ 0, so the best subset of a
 *   group would be "all of them" — that is `stack-all`.
 *
 * "Applies" means the campaign's trigger, targeting and a rule's condition matched and at least one
 * effect survived its limits (see the evaluation). Worth is the attempt's to define (the
 * evaluation uses discount minor units + points × the tenant's point value, exactly).
 *
 * Groups a campaign names but the tenant has not configured behave as `stack-all` with priority 0.
 */

import type { Exclusivity } from './rules';

export const GROUP_MODES = ['stack-all', 'first-match', 'best-for-customer'] as const;
export type GroupMode = (typeof GROUP_MODES)[number];

export interface EvaluationGroup {
  readonly id: string;
  readonly mode: GroupMode;
  /** Higher first; default 0. */
  readonly priority?: number;
}

/** What stacking needs to know about a campaign. */
export interface Stackable {
  readonly id: string;
  readonly version: number;
  readonly group: string;
  readonly priority: number;
  readonly exclusivity: Exclusivity;
}

export interface OrderedGroup<C> {
  readonly id: string;
  readonly mode: GroupMode;
  readonly priority: number;
  /** Its campaigns in order, `all`-exclusive ones left out (they are tried first, see {@link StackingPlan}). */
  readonly campaigns: readonly C[];
}

/** The campaigns of a tenant in evaluation order; built once per cache refresh. */
export interface StackingPlan<C> {
  readonly groups: readonly OrderedGroup<C>[];
  /** `all`-exclusive campaigns in global order (group order, then campaign order). */
  readonly exclusiveAll: readonly C[];
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The campaign order: priority desc, id asc, version desc. */
export function compareCampaigns(a: Stackable, b: Stackable): number {
  return b.priority - a.priority || byCodeUnits(a.id, b.id) || b.version - a.version;
}

/**
 * Orders campaigns into their groups. Throws a RangeError on a group configured twice or the same
 * campaign version given twice.
 */
export function planStacking<C extends Stackable>(campaigns: readonly C[], groups: readonly EvaluationGroup[] = []): StackingPlan<C> {
  const config = new Map<string, EvaluationGroup>();
  for (const g of groups) {
    if (config.has(g.id)) throw new RangeError(`group "${g.id}" is configured twice`);
    if (!(GROUP_MODES as readonly string[]).includes(g.mode)) throw new RangeError(`group "${g.id}" has an unknown mode`);
    config.set(g.id, g);
  }
  const seen = new Set<string>();
  const members = new Map<string, C[]>();
  for (const c of campaigns) {
    const key = `${c.id}\u0000${c.version}`;
    if (seen.has(key)) throw new RangeError(`campaign ${c.id} version ${c.version} is given twice`);
    seen.add(key);
    const list = members.get(c.group) ?? [];
    list.push(c);
    members.set(c.group, list);
  }
  const ordered = [...members.entries()]
    .map(([id, list]) => {
      const g = config.get(id);
      return { id, mode: g?.mode ?? 'stack-all', priority: g?.priority ?? 0, all: [...list].sort(compareCampaigns) };
    })
    .sort((a, b) => b.priority - a.priority || byCodeUnits(a.id, b.id));
  return {
    groups: ordered.map((g) => ({ id: g.id, mode: g.mode, priority: g.priority, campaigns: g.all.filter((c) => c.exclusivity !== 'all') })),
    exclusiveAll: ordered.flatMap((g) => g.all.filter((c) => c.exclusivity === 'all')),
  };
}

/** The result of applying one campaign to a state: the new state and what it added for the customer. */
export interface Attempt<S> {
  readonly state: S;
  readonly worth: bigint;
}

/** Applies a campaign to a state without changing it; null when the campaign does not apply. */
export type AttemptFn<C, S> = (campaign: C, state: S) => Attempt<S> | null;

export interface StackingResult<C, S> {
  readonly state: S;
  /** The campaigns applied, in the order they were applied. */
  readonly applied: readonly C[];
}

/** Runs the plan from `initial` (see the module comment for the semantics). */
export function stackCampaigns<C extends Stackable, S>(plan: StackingPlan<C>, initial: S, attempt: AttemptFn<C, S>): StackingResult<C, S> {
  for (const c of plan.exclusiveAll) {
    const a = attempt(c, initial);
    if (a) return { state: a.state, applied: [c] };
  }
  let state = initial;
  const applied: C[] = [];
  const commit = (c: C, a: Attempt<S>) => {
    state = a.state;
    applied.push(c);
  };
  for (const g of plan.groups) {
    switch (g.mode) {
      case 'stack-all': {
        let exclusive = false;
        for (const c of g.campaigns) {
          if (c.exclusivity !== 'group') continue;
          const a = attempt(c, state);
          if (a) {
            commit(c, a);
            exclusive = true;
            break;
          }
        }
        if (exclusive) break;
        for (const c of g.campaigns) {
          if (c.exclusivity === 'group') continue;
          const a = attempt(c, state);
          if (a) commit(c, a);
        }
        break;
      }
      case 'first-match':
        for (const c of g.campaigns) {
          const a = attempt(c, state);
          if (a) {
            commit(c, a);
            break;
          }
        }
        break;
      case 'best-for-customer': {
        let best: { c: C; a: Attempt<S> } | null = null;
        for (const c of g.campaigns) {
          const a = attempt(c, state);
          if (a && (best === null || a.worth > best.a.worth)) best = { c, a };
        }
        if (best) commit(best.c, best.a);
        break;
      }
    }
  }
  return { state, applied };
}
