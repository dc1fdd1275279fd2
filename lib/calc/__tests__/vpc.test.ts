import { CalcError } from '../errors';
import {
  VPC_IPV4_BLOCKS_DEFAULT_QUOTA,
  VPC_IPV4_BLOCKS_MAX_QUOTA,
  checkSecondaryCidr,
  explainCheckSecondaryCidr,
  explainValidateVpcCidr,
  validateVpcCidr,
} from '../vpc';

describe('a VPC IPv4 block is /16 to /28 (facts row 3)', () => {
  it.each(['10.0.0.0/16', '10.0.0.0/28', '10.0.0.0/20'])('%s is valid', (c) => expect(validateVpcCidr(c)).toEqual({ ok: true, reasons: [] }));
  it('/15 is too large', () => {
    const v = validateVpcCidr('10.0.0.0/15');
    expect(v.ok).toBe(false);
    expect(v.reasons[0]).toMatch(/\/15 is too large/);
  });
  it('/29 is too small', () => expect(validateVpcCidr('10.0.0.0/29').reasons[0]).toMatch(/\/29 is too small/));
  it('a VPC must be created with an IPv4 block (facts rows 2, 14)', () => expect(validateVpcCidr('2001:db8::/56').ok).toBe(false));
  it('junk is a CalcError, not a verdict', () => expect(() => validateVpcCidr('10.0.0.0/40')).toThrow(CalcError));
  it('explains each rule', () => expect(explainValidateVpcCidr('10.0.0.0/16').steps[0]?.text).toMatch(/within the allowed \/16–\/28/));
});

describe('adding a secondary IPv4 block', () => {
  const vpc = ['10.0.0.0/16'];
  it('a non-overlapping block of the same RFC 1918 range is accepted', () => {
    expect(checkSecondaryCidr({ vpcCidrs: vpc, candidate: '10.1.0.0/16' })).toEqual({ ok: true, reasons: [] });
  });
  it('an overlapping block is refused (facts row 4)', () => {
    const v = checkSecondaryCidr({ vpcCidrs: vpc, candidate: '10.0.128.0/17' });
    expect(v.ok).toBe(false);
    expect(v.reasons.join(' ')).toMatch(/overlaps the VPC's block 10\.0\.0\.0\/16/);
  });
  it('the same block again is refused as already associated', () => {
    expect(checkSecondaryCidr({ vpcCidrs: vpc, candidate: '10.0.0.0/16' }).reasons.join(' ')).toMatch(/already associated/);
  });
  it('size rules apply: /28 accepted, /29 refused, /15 refused', () => {
    expect(checkSecondaryCidr({ vpcCidrs: vpc, candidate: '10.2.0.0/28' }).ok).toBe(true);
    expect(checkSecondaryCidr({ vpcCidrs: vpc, candidate: '10.2.0.0/29' }).ok).toBe(false);
    expect(checkSecondaryCidr({ vpcCidrs: vpc, candidate: '10.2.0.0/15' }).ok).toBe(false);
  });

  describe('default quota of 5 IPv4 blocks, primary included, adjustable to 50 (facts row 6)', () => {
    const four = ['10.0.0.0/16', '10.1.0.0/16', '10.2.0.0/16', '10.3.0.0/16'];
    it('the 5th block is accepted', () => expect(checkSecondaryCidr({ vpcCidrs: four, candidate: '10.4.0.0/16' }).ok).toBe(true));
    it('the 6th block is refused at the default quota', () => {
      const v = checkSecondaryCidr({ vpcCidrs: [...four, '10.4.0.0/16'], candidate: '10.5.0.0/16' });
      expect(v.ok).toBe(false);
      expect(v.reasons[0]).toMatch(/already has 5 IPv4 blocks and the quota is 5/);
    });
    it('the 6th block is accepted with a raised quota', () => {
      expect(checkSecondaryCidr({ vpcCidrs: [...four, '10.4.0.0/16'], candidate: '10.5.0.0/16', quota: 6 }).ok).toBe(true);
    });
    it('IPv6 blocks do not count toward the IPv4 quota', () => {
      expect(checkSecondaryCidr({ vpcCidrs: [...four, '2001:db8::/56'], candidate: '10.4.0.0/16' }).ok).toBe(true);
    });
    it('a quota above 50 is a CalcError', () => {
      expect(VPC_IPV4_BLOCKS_DEFAULT_QUOTA).toBe(5);
      expect(VPC_IPV4_BLOCKS_MAX_QUOTA).toBe(50);
      expect(() => checkSecondaryCidr({ vpcCidrs: vpc, candidate: '10.1.0.0/16', quota: 51 })).toThrow(CalcError);
      expect(() => checkSecondaryCidr({ vpcCidrs: vpc, candidate: '10.1.0.0/16', quota: NaN })).toThrow(CalcError);
    });
  });

  describe('not equal to or larger than an existing route destination (facts row 8)', () => {
    const base = { vpcCidrs: ['172.16.0.0/16'], routeDestinations: ['10.0.0.0/24', '0.0.0.0/0'] };
    it('with a route to 10.0.0.0/24, 10.0.0.0/25 can be added', () => {
      expect(checkSecondaryCidr({ ...base, vpcCidrs: ['10.1.0.0/16'], candidate: '10.0.0.0/25' }).ok).toBe(true);
    });
    it('with a route to 10.0.0.0/24, 10.0.0.0/24 cannot', () => {
      const v = checkSecondaryCidr({ ...base, vpcCidrs: ['10.1.0.0/16'], candidate: '10.0.0.0/24' });
      expect(v.ok).toBe(false);
      expect(v.reasons[0]).toMatch(/route to 10\.0\.0\.0\/24/);
      expect(v.reasons[0]).toMatch(/10\.0\.0\.0\/25/);
    });
    it('with a route to 10.0.0.0/24, 10.0.0.0/16 (larger) cannot', () => {
      expect(checkSecondaryCidr({ ...base, vpcCidrs: ['10.1.0.0/16'], candidate: '10.0.0.0/16' }).ok).toBe(false);
    });
    it('a default route (0.0.0.0/0) blocks nothing', () => {
      expect(checkSecondaryCidr({ vpcCidrs: ['10.1.0.0/16'], routeDestinations: ['0.0.0.0/0'], candidate: '10.2.0.0/16' }).ok).toBe(true);
    });
  });

  describe('restricted ranges (facts row 4)', () => {
    it('different RFC 1918 ranges cannot be mixed with the primary', () => {
      const v = checkSecondaryCidr({ vpcCidrs: ['10.0.0.0/16'], candidate: '192.168.0.0/16' });
      expect(v.ok).toBe(false);
      expect(v.reasons[0]).toMatch(/mix different RFC 1918 ranges/);
      expect(checkSecondaryCidr({ vpcCidrs: ['172.16.0.0/16'], candidate: '10.0.0.0/16' }).ok).toBe(false);
    });
    it('the same RFC 1918 range is fine', () => {
      expect(checkSecondaryCidr({ vpcCidrs: ['172.16.0.0/16'], candidate: '172.17.0.0/16' }).ok).toBe(true);
    });
    it('198.19.0.0/16 is restricted', () => {
      expect(checkSecondaryCidr({ vpcCidrs: ['10.0.0.0/16'], candidate: '198.19.0.0/16' }).reasons[0]).toMatch(/198\.19\.0\.0\/16/);
      expect(checkSecondaryCidr({ vpcCidrs: ['10.0.0.0/16'], candidate: '198.19.4.0/24' }).ok).toBe(false);
      expect(checkSecondaryCidr({ vpcCidrs: ['10.0.0.0/16'], candidate: '198.18.0.0/16' }).ok).toBe(true);
    });
  });

  it('reports every broken rule at once', () => {
    const v = checkSecondaryCidr({ vpcCidrs: ['10.0.0.0/16'], candidate: '192.168.0.0/29' });
    expect(v.reasons).toHaveLength(2);
  });
  it('explains every rule, passed or not', () => {
    const e = explainCheckSecondaryCidr({ vpcCidrs: ['10.0.0.0/16'], candidate: '10.1.0.0/16' });
    expect(e.result.ok).toBe(true);
    expect(e.steps).toHaveLength(6);
    expect(e.steps.every((s) => s.values?.passed === true)).toBe(true);
  });
  it('junk input is a CalcError', () => {
    expect(() => checkSecondaryCidr(null as never)).toThrow(CalcError);
    expect(() => checkSecondaryCidr({ vpcCidrs: 'x' as never, candidate: '10.1.0.0/16' })).toThrow(CalcError);
    expect(() => checkSecondaryCidr({ vpcCidrs: [], candidate: '10.1.0.0/16' })).toThrow(/primary/);
    expect(() => checkSecondaryCidr({ vpcCidrs: ['10.0.0.0/16'], candidate: '2001:db8::/56' })).toThrow(CalcError);
    expect(() => checkSecondaryCidr({ vpcCidrs: new Array(1e5).fill('10.0.0.0/16'), candidate: '10.1.0.0/16' })).toThrow(/at most/);
  });
});
