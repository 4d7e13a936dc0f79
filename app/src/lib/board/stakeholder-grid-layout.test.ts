import { describe, expect, it } from 'vitest';
import { GRID_QUADRANTS, gridQuadrant } from '@prozesswerkstatt/plan-model';
import { cellKey, gridCells, groupByCell, nearestCell } from './stakeholder-grid-layout';

describe('gridCells', () => {
  const cells = gridCells();
  const at = (power: number, interest: number) =>
    cells.find((c) => c.power === power && c.interest === interest)!;

  it('lays out 25 cells, power 5 at the top, interest 1 at the left', () => {
    expect(cells).toHaveLength(25);
    expect(cells.slice(0, 5).map(cellKey)).toEqual(['5-1', '5-2', '5-3', '5-4', '5-5']);
    expect(cells.at(-1)).toMatchObject({ power: 1, interest: 5 });
  });

  it('draws every cell in the quadrant the rule gives', () => {
    for (const cell of cells) expect(cell.quadrant).toBe(gridQuadrant(cell));
    // The middle value counts as high: the borders run between 2 and 3.
    expect(at(3, 3).quadrant).toBe('manage_closely');
    expect(at(2, 2).quadrant).toBe('monitor');
  });

  it('draws borders exactly where the quadrant changes', () => {
    const right = cells.filter((c) => c.borderRight).map(cellKey);
    const bottom = cells.filter((c) => c.borderBottom).map(cellKey);
    expect(right).toEqual(['5-2', '4-2', '3-2', '2-2', '1-2']);
    expect(bottom).toEqual(['3-1', '3-2', '3-3', '3-4', '3-5']);
  });

  it('labels each quadrant once, in a corner inside it', () => {
    const labelled = cells.filter((c) => c.label !== null);
    expect(labelled.map((c) => c.label).sort()).toEqual([...GRID_QUADRANTS].sort());
    for (const cell of labelled) expect(cell.label).toBe(cell.quadrant);
  });
});

describe('nearestCell', () => {
  const rect = (left: number, top: number) => ({ left, top, right: left + 10, bottom: top + 10 });
  const cells = [
    { rect: rect(0, 0), value: 'a' },
    { rect: rect(10, 0), value: 'b' },
    { rect: rect(0, 10), value: 'c' },
  ];

  it('finds the cell under the point and snaps a point outside to the closest', () => {
    expect(nearestCell(cells, 15, 5)).toBe('b');
    expect(nearestCell(cells, 2, 18)).toBe('c');
    expect(nearestCell(cells, 100, 2)).toBe('b');
    expect(nearestCell(cells, -50, 50)).toBe('c');
    expect(nearestCell([], 0, 0)).toBeNull();
  });
});

describe('groupByCell', () => {
  it('groups items by their cell, keeping their order', () => {
    const items = [
      { id: 'a', power: 3, interest: 3 },
      { id: 'b', power: 5, interest: 1 },
      { id: 'c', power: 3, interest: 3 },
    ];
    const groups = groupByCell(items, (item) => item);
    expect([...groups.keys()]).toEqual(['3-3', '5-1']);
    expect(groups.get('3-3')?.map((i) => i.id)).toEqual(['a', 'c']);
  });
});
