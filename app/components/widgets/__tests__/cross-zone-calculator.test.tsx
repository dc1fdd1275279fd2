/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CrossZoneCalculator } from '../cross-zone-calculator';

/** The text of each cell of a table row. */
const cells = (row: HTMLElement | undefined) => Array.from(row?.querySelectorAll('th, td') ?? [], (c) => (c.textContent ?? '').replace(/\s+/g, ' '));

function setup(props: { targetsPerZone?: number[]; crossZone?: boolean } = {}) {
  const user = userEvent.setup();
  const view = render(<CrossZoneCalculator {...props} />);
  return { user, ...view };
}

/** The shares table row of a zone: [targets, LB node share, each target's share]. */
function zoneRow(zone: string): string[] {
  const table = screen.getByRole('table', { name: 'Share of all client traffic' });
  const row = within(table).getByRole('row', { name: new RegExp(`^Zone ${zone} `) });
  return cells(row).slice(1);
}

const targetBoxes = (container: HTMLElement, zone?: number) =>
  container.querySelectorAll(zone === undefined ? 'svg .cz-target' : `svg .cz-target[data-zone="${zone}"]`);

describe('CrossZoneCalculator', () => {
  it('with [2, 8] and cross-zone off, a zone A target gets 25 % and a zone B target 6.25 %', () => {
    setup({ targetsPerZone: [2, 8], crossZone: false });
    expect(zoneRow('A')).toEqual(['2', '50 %', '25 %']);
    expect(zoneRow('B')).toEqual(['8', '50 %', '6.25 %']);
    expect(screen.getByText(/^Cross-zone off:/)).toHaveTextContent('each target in zone A gets 25 %, each target in zone B gets 6.25 %.');
  });

  it('with [2, 8] and cross-zone on, every target gets 10 %', () => {
    setup({ targetsPerZone: [2, 8], crossZone: true });
    expect(zoneRow('A')).toEqual(['2', '50 %', '10 %']);
    expect(zoneRow('B')).toEqual(['8', '50 %', '10 %']);
  });

  it('the switch turns cross-zone on and the shares follow', async () => {
    const { user } = setup();
    const toggle = screen.getByRole('switch', { name: 'Cross-zone load balancing' });
    expect(toggle).not.toBeChecked();
    await user.click(toggle);
    expect(toggle).toBeChecked();
    expect(zoneRow('A')).toEqual(['2', '50 %', '10 %']);
    expect(screen.getByText('Cross-zone is on: every node spreads its requests over all 10 targets, so each target gets 100/10 = 10 %.')).toBeInTheDocument();
  });

  it('shows the core worked steps for cross-zone off', () => {
    setup();
    expect(screen.getByText('zone B: 50 % ÷ 8 targets = 6.25 % per target.')).toBeInTheDocument();
  });

  it('draws one box per target, labelled with its share, and redraws as targets are added', async () => {
    const { user, container } = setup();
    const diagram = screen.getByRole('img');
    expect(diagram).toHaveAccessibleName(/cross-zone load balancing is off\. Zone A: its node gets 50\s% of the clients; 2 targets at 25\s% each\. Zone B: .*8 targets at 6\.25\s% each/);
    expect(targetBoxes(container)).toHaveLength(10);
    expect(targetBoxes(container, 0)[0]).toHaveTextContent('25 %');

    await user.click(screen.getByRole('button', { name: 'Add a target to zone A' }));
    expect(targetBoxes(container, 0)).toHaveLength(3);
    expect(zoneRow('A')).toEqual(['3', '50 %', '16.67 %']);
    expect(targetBoxes(container, 0)[0]).toHaveTextContent('16.67 %');
    expect(diagram).toHaveAccessibleName(/3 targets at 16\.67\s% each/);
  });

  it('adds and removes zones within 1 to 6', async () => {
    const { user } = setup({ targetsPerZone: [1] });
    const add = screen.getByRole('button', { name: 'Add zone' });
    expect(screen.getByRole('button', { name: 'Remove zone A' })).toHaveAttribute('aria-disabled', 'true');
    for (let i = 0; i < 7; i++) await user.click(add);
    expect(add).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Remove zone F' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remove zone G' })).not.toBeInTheDocument();
    // 1 + 2 × 5 = 11 targets; each of the 6 nodes gets 16.67 %.
    expect(zoneRow('F')).toEqual(['2', '16.67 %', '8.33 %']);

    await user.click(screen.getByRole('button', { name: 'Remove zone A' }));
    expect(screen.queryByRole('button', { name: 'Remove zone F' })).not.toBeInTheDocument();
    expect(add).toHaveFocus();
    expect(zoneRow('A')).toEqual(['2', '20 %', '10 %']);
  });

  it('keeps targets per zone within 0 to 20', async () => {
    const { user } = setup({ targetsPerZone: [19, 0] });
    const plus = screen.getByRole('button', { name: 'Add a target to zone A' });
    await user.click(plus);
    await user.click(plus);
    expect(zoneRow('A')[0]).toBe('20');
    expect(plus).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Remove a target from zone B' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('a zone with no targets gets no traffic and its node is left idle', () => {
    const { container } = setup({ targetsPerZone: [2, 0, 2] });
    expect(zoneRow('A')).toEqual(['2', '50 %', '25 %']);
    expect(zoneRow('B')).toEqual(['0', '0 %', '—']);
    expect(container.querySelectorAll('svg .cz-node.is-idle')).toHaveLength(1);
  });

  it('shows the core error inline when no zone has a target, without throwing', async () => {
    const { user, container } = setup({ targetsPerZone: [1, 0] });
    await user.click(screen.getByRole('button', { name: 'Remove a target from zone A' }));
    expect(screen.getByRole('alert')).toHaveTextContent('At least one zone needs a target');
    expect(screen.getByText('No traffic shares to show.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(targetBoxes(container)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Add a target to zone B' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(zoneRow('B')).toEqual(['1', '100 %', '100 %']);
  });

  it('brings a lesson spec outside the limits within them', () => {
    setup({ targetsPerZone: [30, 1, 1, 1, 1, 1, 1] });
    expect(zoneRow('A')[0]).toBe('20');
    expect(screen.queryByRole('row', { name: /^Zone G / })).not.toBeInTheDocument();
  });
});
