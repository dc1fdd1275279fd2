import { CalcError } from '../errors';
import { PEERINGS_PER_VPC_DEFAULT_QUOTA, PEERINGS_PER_VPC_MAX_QUOTA, checkPeering, checkPeeringPath, explainCheckPeeringPath } from '../peering';

const A = { id: 'vpc-a', cidrs: ['10.0.0.0/16', '2001:db8:a::/56'] };
const B = { id: 'vpc-b', cidrs: ['10.1.0.0/16', '10.2.0.0/16'] };

describe('VPCs with overlapping blocks cannot be peered (facts row 138)', () => {
  it('non-overlapping VPCs can be peered', () => expect(checkPeering(A, B)).toEqual({ ok: true, reasons: [] }));
  it('an overlap in any block, even a secondary one, blocks peering', () => {
    const C = { id: 'vpc-c', cidrs: ['192.168.0.0/16', '10.2.128.0/17'] };
    const v = checkPeering(B, C);
    expect(v.ok).toBe(false);
    expect(v.reasons[0]).toMatch(/10\.2\.0\.0\/16 overlaps vpc-c's block 10\.2\.128\.0\/17/);
  });
  it('overlapping IPv6 blocks block peering too', () => {
    expect(checkPeering(A, { id: 'vpc-d', cidrs: ['172.16.0.0/16', '2001:db8:a:10::/60'] }).ok).toBe(false);
  });
  it('only one peering connection between the same two VPCs', () => {
    expect(checkPeering(A, B, [['vpc-b', 'vpc-a']]).reasons[0]).toMatch(/already peered/);
  });
  it('a VPC cannot peer with itself', () => expect(checkPeering(A, A).ok).toBe(false));
  it('quota constants (facts row 143)', () => {
    expect(PEERINGS_PER_VPC_DEFAULT_QUOTA).toBe(50);
    expect(PEERINGS_PER_VPC_MAX_QUOTA).toBe(125);
  });
  it('junk is a CalcError', () => {
    expect(() => checkPeering(null as never, B)).toThrow(CalcError);
    expect(() => checkPeering({ id: 'x', cidrs: ['10.0.0.0/33'] }, B)).toThrow(CalcError);
  });
});

describe('peering paths', () => {
  const peerings: [string, string][] = [
    ['A', 'B'],
    ['B', 'C'],
  ];
  it('directly peered VPCs can talk', () => expect(checkPeeringPath({ vpcs: ['A', 'B'], peerings })).toEqual({ possible: true, reasons: [] }));
  it('peering is not transitive: A–B–C does not let A reach C (facts row 140)', () => {
    const v = checkPeeringPath({ vpcs: ['A', 'B', 'C'], peerings });
    expect(v.possible).toBe(false);
    expect(v.reasons).toEqual([expect.stringMatching(/not transitive: A cannot reach C through B/)]);
  });
  it('no peering between two VPCs means no path', () => {
    expect(checkPeeringPath({ vpcs: ['A', 'C'], peerings }).reasons[0]).toMatch(/no peering connection/);
  });
  it.each(['igw', 'nat', 'vpn', 'dx', 'gateway-endpoint'] as const)("no edge-to-edge routing through the peer's %s (facts row 141)", (exit) => {
    const v = checkPeeringPath({ vpcs: ['A', 'B'], peerings, exit });
    expect(v.possible).toBe(false);
    expect(v.reasons[0]).toMatch(/No edge-to-edge routing/);
  });
  it("a VPC may use its own gateways", () => expect(checkPeeringPath({ vpcs: ['A'], peerings, exit: 'igw' }).possible).toBe(true));
  it("a peer's interface endpoint can be reached over peering (facts row 88)", () => {
    expect(checkPeeringPath({ vpcs: ['A', 'B'], peerings, exit: 'interface-endpoint' }).possible).toBe(true);
  });
  it('explains each hop', () => {
    const e = explainCheckPeeringPath({ vpcs: ['A', 'B', 'C'], peerings });
    expect(e.steps.map((s) => s.text)).toEqual([
      'A and B are peered directly',
      'B and C are peered directly',
      expect.stringMatching(/not transitive/),
    ]);
  });
  it('junk is a CalcError', () => {
    expect(() => checkPeeringPath({ vpcs: [], peerings })).toThrow(CalcError);
    expect(() => checkPeeringPath({ vpcs: ['A'], peerings, exit: 'teleport' as never })).toThrow(CalcError);
    expect(() => checkPeeringPath(undefined as never)).toThrow(CalcError);
  });
});
