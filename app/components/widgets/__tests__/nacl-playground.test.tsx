/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NaclPlayground } from '../nacl-playground';

/** The text of each cell of a table row. */
const cells = (row: HTMLElement | undefined) => Array.from(row?.querySelectorAll('th, td') ?? [], (c) => (c.textContent ?? '').replace(/\s+/g, ' '));

// The rules and packet of the lesson content/lessons/06-nacls.md.
const LESSON_RULES = [
  { ruleNumber: 100, action: 'deny', protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '203.0.113.0/24' },
  { ruleNumber: 200, action: 'allow', protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '0.0.0.0/0' },
  { ruleNumber: 300, action: 'allow', protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' },
  { ruleNumber: 400, action: 'allow', protocol: 'tcp', fromPort: 1024, toPort: 65535, cidr: '0.0.0.0/0' },
];
const LESSON_PACKET = { protocol: 'tcp', port: 22, address: '203.0.113.45' };

function setup(props: { rules?: unknown[]; packet?: unknown } = {}) {
  const user = userEvent.setup();
  render(<NaclPlayground {...props} />);
  return { user, verdict: () => screen.getByTestId('nacl-verdict') };
}

async function retype(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, text: string) {
  await user.clear(input);
  if (text !== '') await user.type(input, text);
}

const rulesTable = () => screen.getByRole('table', { name: 'Rules, checked lowest number first' });
const matchedRows = () => within(rulesTable()).getAllByRole('row').filter((r) => r.classList.contains('is-match'));

describe('NaclPlayground', () => {
  it('evaluates its default rules: the packet is allowed by rule 100, whose row is highlighted', () => {
    const { verdict } = setup();
    expect(screen.getByTestId('widget-nacl')).toHaveTextContent('Network ACL playground');
    expect(verdict()).toHaveTextContent('Allowed by rule 100');
    const matched = matchedRows();
    expect(matched).toHaveLength(1);
    expect(within(matched[0] as HTMLElement).getByLabelText('Row 1 rule number')).toHaveValue('100');
    expect(matched[0]).toHaveTextContent('Matched');
  });

  it('evaluates a lesson spec: SSH from 203.0.113.45 is denied by rule 100 before rule 200 could allow it', () => {
    const { verdict } = setup({ rules: LESSON_RULES, packet: LESSON_PACKET });
    expect(verdict()).toHaveTextContent('Denied by rule 100');
    expect(screen.getByText('Rules are evaluated lowest number first: 100, 200, 300, 400, *. The first rule that matches decides; later rules are ignored.')).toBeInTheDocument();
  });

  it('fills the packet form, presses Evaluate, and reads the verdict (as the end-to-end test does)', async () => {
    const { user, verdict } = setup({ rules: LESSON_RULES, packet: LESSON_PACKET });
    await user.selectOptions(screen.getByLabelText('Protocol'), 'tcp');
    await retype(user, screen.getByLabelText('Port'), '443');
    await retype(user, screen.getByLabelText('Remote address'), '198.51.100.10');
    await user.click(screen.getByRole('button', { name: 'Evaluate' }));
    expect(verdict()).toHaveTextContent('Allowed by rule 300');
    expect(verdict()).toHaveFocus();
  });

  it('labels the packet fields uniquely, even for a substring match', () => {
    setup();
    expect(screen.getAllByLabelText(/protocol/i)).toHaveLength(1);
    expect(screen.getAllByLabelText(/port/i)).toHaveLength(1);
    expect(screen.getAllByLabelText(/remote address/i)).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: /evaluate/i })).toHaveLength(1);
  });

  it('updates live: a packet from 203.0.113.9 meets deny rule 90 first, whatever the row order', async () => {
    const { user, verdict } = setup();
    await retype(user, screen.getByLabelText('Remote address'), '203.0.113.9');
    expect(verdict()).toHaveTextContent('Denied by rule 90');
    expect(screen.getByText(/^Rule 90 \(DENY all traffic for 203\.0\.113\.0\/24\): matches/)).toHaveClass('is-match');
  });

  it('falls through to the implicit deny (*) and explains every skipped rule', async () => {
    const { user, verdict } = setup();
    await user.selectOptions(screen.getByLabelText('Protocol'), 'udp');
    await retype(user, screen.getByLabelText('Port'), '53');
    expect(verdict()).toHaveTextContent('Denied by the implicit deny rule (*)');
    const matched = matchedRows();
    expect(matched).toHaveLength(1);
    expect(cells(matched[0])[0]).toBe('*');
    expect(screen.getByText('Rule 100 (ALLOW TCP port 443 for 0.0.0.0/0): no match: the packet is UDP, the rule is for TCP.')).toHaveClass('is-skip');
    expect(screen.getByText("No numbered rule matched, so the final '*' rule (32767) denies the packet.")).toBeInTheDocument();
  });

  it('ICMP packets have no port: the field is disabled', async () => {
    const { user, verdict } = setup();
    await user.selectOptions(screen.getByLabelText('Protocol'), 'icmp');
    expect(screen.getByLabelText('Port')).toBeDisabled();
    expect(verdict()).toHaveTextContent('Denied by the implicit deny rule (*)');
  });

  it('shows the core error for rule number 40000 in its row, without throwing', async () => {
    const { user, verdict } = setup();
    const number = screen.getByLabelText('Row 2 rule number');
    await retype(user, number, '40000');
    expect(number).toHaveAttribute('aria-invalid', 'true');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent("NACL rule 2's number must be a whole number from 1 to 32,766 (rules run lowest number first), but got 40000.");
    expect(number).toHaveAttribute('aria-describedby', alert.id);
    expect(screen.getByLabelText('Row 1 rule number')).toHaveAttribute('aria-invalid', 'false');
    expect(verdict()).toHaveTextContent('No verdict yet: fix the errors shown in the rules or the packet.');

    await retype(user, number, '120');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(verdict()).toHaveTextContent('Allowed by rule 100');
  });

  it('puts each rule problem on its own row: an empty number, a bad CIDR, a repeated number', async () => {
    const { user } = setup();
    await retype(user, screen.getByLabelText('Row 1 rule number'), '');
    await retype(user, screen.getByLabelText('Row 3 CIDR block'), '203.0.113.0/33');
    const alerts = screen.getAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual([
      'Row 1: enter a rule number.',
      expect.stringContaining("'203.0.113.0/33' is not a CIDR block: an IPv4 prefix length is at most /32, not /33."),
    ]);

    await retype(user, screen.getByLabelText('Row 1 rule number'), '110');
    await retype(user, screen.getByLabelText('Row 3 CIDR block'), '203.0.113.0/24');
    expect(screen.getByRole('alert')).toHaveTextContent('Rule number 110 is used 2 times; each rule number in a direction must be unique.');
    expect(screen.getByLabelText('Row 2 rule number')).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows packet errors next to the port and the address', async () => {
    const { user, verdict } = setup();
    await retype(user, screen.getByLabelText('Port'), '70000');
    await retype(user, screen.getByLabelText('Remote address'), '10.0.0');
    expect(screen.getByLabelText('Port')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Remote address')).toHaveAttribute('aria-invalid', 'true');
    const [portError, addressError] = screen.getAllByRole('alert');
    expect(portError).toHaveTextContent("The packet's port must be a whole number from 0 to 65,535");
    expect(addressError).toHaveTextContent("'10.0.0' is not an IPv4 address");
    expect(verdict()).toHaveTextContent('No verdict yet');
  });

  it('ports of an all-traffic or ICMP rule are not asked for', async () => {
    const { user } = setup();
    expect(screen.queryByLabelText('Row 3 range from')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Row 1 type'), 'icmp');
    expect(screen.queryByLabelText('Row 1 range from')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('adds a row (focusing its number) and removes rows', async () => {
    const { user, verdict } = setup();
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    const number = screen.getByLabelText('Row 4 rule number');
    expect(number).toHaveFocus();
    expect(number).toHaveValue('120');
    await user.selectOptions(screen.getByLabelText('Row 4 allow or deny'), 'deny');
    await retype(user, screen.getByLabelText('Row 4 rule number'), '50');
    await retype(user, screen.getByLabelText('Row 4 range from'), '443');
    await retype(user, screen.getByLabelText('Row 4 range to'), '443');
    expect(verdict()).toHaveTextContent('Denied by rule 50');

    await user.click(screen.getByRole('button', { name: 'Remove row 4' }));
    expect(screen.getByRole('button', { name: 'Add rule' })).toHaveFocus();
    expect(verdict()).toHaveTextContent('Allowed by rule 100');
    for (let i = 0; i < 3; i++) await user.click(screen.getByRole('button', { name: 'Remove row 1' }));
    expect(verdict()).toHaveTextContent('Denied by the implicit deny rule (*)');
  });
});
