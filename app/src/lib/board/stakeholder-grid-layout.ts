/**
 * The drawing of the stakeholder grid, derived from plan-model's quadrant rule and nothing else:
 * each cell's quadrant is `gridQuadrant` of its ratings, a border is drawn exactly where the
 * neighbouring cell's quadrant differs, and each quadrant's label sits in its outermost corner.
 * So moving `GRID_HIGH_FROM` moves the drawing with it.
 */
import {
  GRID_RATINGS,
  gridQuadrant,
  type GridPosition,
  type GridQuadrant,
} from '@prozesswerkstatt/plan-model';

/** One cell of the 5×5 plane. */
export interface GridCell extends GridPosition {
  quadrant: GridQuadrant;
  /** The cell to the right (more interest) belongs to another quadrant. */
  borderRight: boolean;
  /** The cell below (less power) belongs to another quadrant. */
  borderBottom: boolean;
  /** The quadrant whose label this cell shows (its corner of the plane), if any. */
  label: GridQuadrant | null;
}

const LOWEST = GRID_RATINGS[0];
const HIGHEST = GRID_RATINGS[GRID_RATINGS.length - 1]!;

/** Power from top (highest) to bottom: the rows of the plane. */
export const GRID_ROWS: readonly number[] = [...GRID_RATINGS].reverse();
/** Interest from left (lowest) to right: the columns of the plane. */
export const GRID_COLUMNS: readonly number[] = [...GRID_RATINGS];

/** The 25 cells in reading order (rows of power 5 … 1, each with interest 1 … 5). */
export function gridCells(): GridCell[] {
  return GRID_ROWS.flatMap((power) =>
    GRID_COLUMNS.map((interest) => {
      const quadrant = gridQuadrant({ power, interest });
      const isCorner =
        (power === LOWEST || power === HIGHEST) && (interest === LOWEST || interest === HIGHEST);
      return {
        power,
        interest,
        quadrant,
        borderRight:
          interest < HIGHEST && gridQuadrant({ power, interest: interest + 1 }) !== quadrant,
        borderBottom: power > LOWEST && gridQuadrant({ power: power - 1, interest }) !== quadrant,
        label: isCorner ? quadrant : null,
      };
    }),
  );
}

/** A key for a cell, for maps and DOM ids. */
export function cellKey({ power, interest }: GridPosition): string {
  return `${power}-${interest}`;
}

/** Items grouped by the cell of their position (by `cellKey`), each group in the given order. */
export function groupByCell<T>(
  items: readonly T[],
  positionOf: (item: T) => GridPosition,
): ReadonlyMap<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = cellKey(positionOf(item));
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * The cell nearest to a point among the drawn cells (distance 0 inside one), so a drag snaps to
 * the plane even when the pointer leaves it. Null when there are no cells.
 */
export function nearestCell<T>(
  cells: ReadonlyArray<{
    rect: { left: number; top: number; right: number; bottom: number };
    value: T;
  }>,
  x: number,
  y: number,
): T | null {
  let best: T | null = null;
  let bestDistance = Infinity;
  for (const { rect, value } of cells) {
    const dx = Math.max(rect.left - x, 0, x - rect.right);
    const dy = Math.max(rect.top - y, 0, y - rect.bottom);
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = value;
    }
  }
  return best;
}
