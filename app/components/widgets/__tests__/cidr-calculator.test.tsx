/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CidrCalculator } from '../cidr-calculator';

/** The text of each cell of a table row. */
const cells = (row: HTMLElement | undefined) => Array.from(row?.querySelectorAll('th, td') ?? [], (c) => (c.textContent ?? '').replace(/\s+/g, ' '));

function setup(cidr?: string) {
  const user = userEvent.setup();
  render(<CidrCalculator cidr={cidr} />);
  const input = screen.getByLabelText('CIDR block');
  return { user, input };
}

async function retype(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, text: string) {
  await user.clear(input);
  await user.type(input, text);
}

const fact = (term: string) => screen.getByText(term).nextElementSibling;

describe('CidrCalculator', () => {
  it('shows a /24 by default: 256 addresses, 251 usable, the 5 reserved addresses', () => {
    setup();
    expect(screen.getByTestId('widget-cidr')).toHaveTextContent('CIDR calculator');
    expect(fact('Total addresses')).toHaveTextContent('256');
    expect(fact('Usable in an AWS subnet')).toHaveTextContent('251');
    const reserved = screen.getByRole('table', { name: /addresses AWS reserves in 10\.0\.0\.0\/24/ });
    const rows = within(reserved).getAllByRole('row').slice(1);
    expect(rows.map((r) => cells(r)[0])).toEqual(['10.0.0.0', '10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.255']);
    expect(rows[1]).toHaveTextContent('VPC router');
    expect(rows[2]).toHaveTextContent('Amazon DNS');
  });

  it('starts from the lesson spec and shows the worked steps from the core', () => {
    setup('10.0.0.0/27');
    expect(fact('Total addresses')).toHaveTextContent('32');
    expect(fact('Usable in an AWS subnet')).toHaveTextContent('27');
    expect(screen.getByText('32 − 5 = 27 usable addresses')).toBeInTheDocument();
    expect(screen.getByText('The block runs from 10.0.0.0 to 10.0.0.31')).toBeInTheDocument();
  });

  it('updates as the block is typed', async () => {
    const { user, input } = setup();
    await retype(user, input, '10.0.0.16/28');
    expect(fact('Total addresses')).toHaveTextContent('16');
    expect(fact('Usable in an AWS subnet')).toHaveTextContent('11');
    expect(fact('Range')).toHaveTextContent('10.0.0.16 – 10.0.0.31');
  });

  it('says why a /29 and a /15 cannot be AWS subnets, while still sizing them', async () => {
    const { user, input } = setup();
    await retype(user, input, '10.0.0.0/29');
    expect(fact('Total addresses')).toHaveTextContent('8');
    expect(fact('Usable in an AWS subnet')).toHaveTextContent('Cannot be a subnet: An AWS VPC or subnet IPv4 block must be between /16 and /28; /29 is too small');
    expect(screen.queryByRole('table', { name: /reserves/ })).not.toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'false');

    await retype(user, input, '10.0.0.0/15');
    expect(fact('Usable in an AWS subnet')).toHaveTextContent('/15 is too large');
  });

  it('shows an inline error for junk and never a blank', async () => {
    const { user, input } = setup();
    await retype(user, input, '10.0.0.300/24');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent("'10.0.0.300/24' is not an IPv4 address: 300 is larger than 255.");
    expect(input).toHaveAttribute('aria-describedby', expect.stringContaining(alert.id));
    expect(screen.getByText('Enter a valid CIDR block to see its addresses.')).toBeInTheDocument();

    await retype(user, input, '10.0.0.5/24');
    expect(screen.getByRole('alert')).toHaveTextContent('The /24 block that contains it is 10.0.0.0/24.');

    await retype(user, input, '10.0.1.0/24');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(fact('Usable in an AWS subnet')).toHaveTextContent('251');
  });

  it('splits the block into smaller subnets with their usable addresses', async () => {
    const { user } = setup();
    const split = screen.getByLabelText('Split into subnets of /');
    expect(split).toHaveValue('26');
    const table = screen.getByRole('table', { name: '4 subnets of /26' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => cells(r)[1])).toEqual(['10.0.0.0/26', '10.0.0.64/26', '10.0.0.128/26', '10.0.0.192/26']);
    expect(rows.every((r) => cells(r)[2] === '59')).toBe(true);

    await retype(user, split, '28');
    expect(screen.getByRole('table', { name: '16 subnets of /28' })).toBeInTheDocument();
  });

  it('lists only the first 16 subnets of a large split, with the exact count', async () => {
    const { user, input } = setup();
    await retype(user, input, '10.0.0.0/16');
    const split = screen.getByLabelText('Split into subnets of /');
    await retype(user, split, '24');
    const table = screen.getByRole('table', { name: '256 subnets of /24 (the first 16 are listed)' });
    expect(within(table).getAllByRole('row')).toHaveLength(17);
  });

  it('shows the split error next to the split field', async () => {
    const { user } = setup();
    const split = screen.getByLabelText('Split into subnets of /');
    await retype(user, split, '20');
    expect(split).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('A /24 cannot be split into /20 subnets');
    await retype(user, split, 'x');
    expect(screen.getByRole('alert')).toHaveTextContent("'x' is not a number");
  });

  it('handles IPv6: a /56 has 2^72 addresses and splits into 256 /64 subnets', async () => {
    const { user, input } = setup();
    await retype(user, input, '2001:db8::/56');
    expect(fact('Total addresses')).toHaveTextContent('4,722,366,482,869,645,213,696');
    expect(fact('Usable in an AWS subnet')).toHaveTextContent('4,722,366,482,869,645,213,691');
    const table = screen.getByRole('table', { name: '256 subnets of /64 (the first 16 are listed)' });
    const first = within(table).getAllByRole('row')[1];
    expect(first).toHaveTextContent('2001:db8::/64');
    expect(first).toHaveTextContent('18,446,744,073,709,551,611');
  });
});
