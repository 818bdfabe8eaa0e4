import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CostHistoryTable } from '../../../src/renderer/src/features/review/CostHistoryChart';
import { history } from './fixtures';

const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent));

describe('cost history table', () => {
  it('lists every month with its total, marking months with estimated costs', () => {
    render(<CostHistoryTable history={history} />);
    expect(cells(screen.getByRole('table', { name: 'Live SMS and cost per month' }))).toEqual([
      ['Month', 'SMS', 'Parts', 'Cost'],
      ['October 2026', '3', '3', '€0.168'],
      ['November 2026', '5', '6', '€0.336 (includes estimates)'],
      ['Total', '8', '9', '€0.504 (includes estimates)'],
    ]);
    expect(screen.getByRole('rowheader', { name: 'Total' }).closest('tfoot')).not.toBeNull();
    expect(screen.getByRole('rowheader', { name: 'November 2026' })).toBeInTheDocument();
  });

  it('lists the total per participant number', () => {
    render(<CostHistoryTable history={history} />);
    expect(cells(screen.getByRole('table', { name: 'Per participant number' }))).toEqual([
      ['Participant', 'SMS', 'Parts', 'Cost'],
      ['11111', '8', '9', '€0.504'],
    ]);
  });

  it('has no per-participant table without profiles', () => {
    render(<CostHistoryTable history={{ ...history, profiles: [] }} />);
    expect(screen.getAllByRole('table')).toHaveLength(1);
  });
});
