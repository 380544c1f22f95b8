import type { SweepRun } from '../../engine/sweep';
import type { SweepPoint } from '../../worker/sweepProtocol';

/** A mean over seeds and the range the seeds span. */
export interface Spread {
  mean: number;
  min: number;
  max: number;
}

/** One λ of the frontier: where it stands now (over its seeds) and the path of its means so far. */
export interface FrontierPoint {
  lambda: number;
  oldTask: Spread;
  newTask: Spread;
  /** Mean accuracies after each report, oldest first; the last one is where the point stands. */
  trail: { oldTask: number; newTask: number }[];
}

function spread(values: number[]): Spread {
  return {
    mean: values.reduce((a, b) => a + b, 0) / values.length,
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** Groups a sweep's runs by λ (in the order the λs first appear), averaging over seeds. */
export function frontierPoints(runs: SweepRun[], points: SweepPoint[]): FrontierPoint[] {
  const last = points.at(-1);
  if (!last) return [];
  const lambdas = [...new Set(runs.map((r) => r.lambda))];
  return lambdas.map((lambda) => {
    const of = runs.flatMap((r, i) => (r.lambda === lambda ? [i] : []));
    const pick = (values: number[]) => of.map((i) => values[i]);
    return {
      lambda,
      oldTask: spread(pick(last.oldTaskAcc)),
      newTask: spread(pick(last.newTaskAcc)),
      trail: points.map((p) => ({
        oldTask: spread(pick(p.oldTaskAcc)).mean,
        newTask: spread(pick(p.newTaskAcc)).mean,
      })),
    };
  });
}
