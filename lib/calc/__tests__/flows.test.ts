import fc from 'fast-check';
import { CalcError } from '../errors';
import {
  NACL_EPHEMERAL_PORTS_AWS_EXAMPLE,
  evaluateFlow,
  explainEvaluateFlow,
  explainNaclRulesNeeded,
  naclRulesNeeded,
  type Flow,
} from '../flows';
import { evaluateNacl, type Nacl, type NaclRule } from '../nacl';
import type { SecurityGroup } from '../security-groups';

const allow = (ruleNumber: number, cidr: string, fromPort?: number, toPort?: number): NaclRule =>
  fromPort === undefined
    ? { ruleNumber, action: 'allow', protocol: 'all', cidr }
    : { ruleNumber, action: 'allow', protocol: 'tcp', fromPort, toPort, cidr };

const openNacl: Nacl = { inbound: [allow(100, '0.0.0.0/0')], outbound: [allow(100, '0.0.0.0/0')] };
// A server subnet NACL that lets HTTPS in and the replies out to the AWS example ephemeral range.
const serverNacl: Nacl = { inbound: [allow(100, '10.0.1.0/24', 443, 443)], outbound: [allow(100, '10.0.1.0/24', 32768, 65535)] };
const clientNacl: Nacl = { inbound: [allow(100, '10.0.2.0/24', 32768, 65535)], outbound: [allow(100, '10.0.2.0/24', 443, 443)] };
const appSg: SecurityGroup = { id: 'sg-app', inbound: [], outbound: [{ protocol: 'tcp', fromPort: 443, toPort: 443, groupId: 'sg-api' }] };
const apiSg: SecurityGroup = { id: 'sg-api', inbound: [{ protocol: 'tcp', fromPort: 443, toPort: 443, groupId: 'sg-app' }], outbound: [] };

const flow = (over: Partial<Flow> = {}): Flow => ({
  client: { address: '10.0.1.10', subnet: 'subnet-a', nacl: clientNacl, securityGroups: [appSg] },
  server: { address: '10.0.2.20', subnet: 'subnet-b', nacl: serverNacl, securityGroups: [apiSg] },
  protocol: 'tcp',
  port: 443,
  ...over,
});

describe('a round trip through security groups and NACLs (facts rows 41, 49, 50, 54)', () => {
  it('is delivered when all four NACL places and both security groups allow it', () => {
    expect(evaluateFlow(flow())).toEqual({ delivered: true, droppedAt: null, ruleNumber: null, clientPort: null });
  });

  it('needs no outbound rule on the server SG or inbound rule on the client SG for the reply (stateful)', () => {
    expect(appSg.inbound).toHaveLength(0);
    expect(apiSg.outbound).toHaveLength(0);
    expect(evaluateFlow(flow()).delivered).toBe(true);
  });

  it('is dropped by the client security group when it has no outbound rule', () => {
    const f = flow({ client: { ...flow().client, securityGroups: [{ id: 'sg-app', inbound: [], outbound: [] }] } });
    expect(evaluateFlow(f)).toEqual({ delivered: false, droppedAt: 'client-sg-outbound', ruleNumber: null, clientPort: null });
  });

  it('is dropped by the client NACL outbound, naming the rule', () => {
    const f = flow({ client: { ...flow().client, nacl: { ...clientNacl, outbound: [] } } });
    expect(evaluateFlow(f)).toEqual({ delivered: false, droppedAt: 'client-nacl-outbound', ruleNumber: '*', clientPort: null });
  });

  it('is dropped by an explicit deny in the server NACL inbound', () => {
    const deny: NaclRule = { ruleNumber: 50, action: 'deny', protocol: 'all', cidr: '10.0.1.10/32' };
    const f = flow({ server: { ...flow().server, nacl: { ...serverNacl, inbound: [deny, ...serverNacl.inbound] } } });
    expect(evaluateFlow(f)).toMatchObject({ droppedAt: 'server-nacl-inbound', ruleNumber: 50 });
  });

  it('is dropped by the server security group when the client is not in the referenced group', () => {
    const f = flow({ client: { ...flow().client, securityGroups: [{ ...appSg, id: 'sg-other' }] } });
    // the client's own outbound rule still names sg-api, so only the server side fails
    expect(evaluateFlow(f).droppedAt).toBe('server-sg-inbound');
  });

  describe('the reply needs NACL rules for the client ephemeral ports (stateless)', () => {
    it('a server NACL that allows the request in but nothing out drops the reply', () => {
      const f = flow({ server: { ...flow().server, nacl: { ...serverNacl, outbound: [] } } });
      expect(evaluateFlow(f)).toEqual({ delivered: false, droppedAt: 'server-nacl-outbound', ruleNumber: '*', clientPort: 32768 });
    });

    it('a client NACL without an inbound rule for the ephemeral range drops the reply', () => {
      const f = flow({ client: { ...flow().client, nacl: { ...clientNacl, inbound: [] } } });
      expect(evaluateFlow(f).droppedAt).toBe('client-nacl-inbound');
    });

    it('finds the one ephemeral port a NACL misses', () => {
      const gap: Nacl = { ...serverNacl, outbound: [allow(100, '10.0.1.0/24', 32768, 40000), allow(110, '10.0.1.0/24', 40002, 65535)] };
      expect(evaluateFlow(flow({ server: { ...flow().server, nacl: gap } }))).toMatchObject({ droppedAt: 'server-nacl-outbound', clientPort: 40001 });
    });

    it('a NACL that only covers part of the client range drops ports outside it', () => {
      const f = flow({ ephemeralPorts: { from: 1024, to: 65535 } });
      expect(evaluateFlow(f)).toMatchObject({ droppedAt: 'server-nacl-outbound', clientPort: 1024 });
    });

    it('with a known client port only that port is checked', () => {
      expect(evaluateFlow(flow({ clientPort: 50000 })).delivered).toBe(true);
      expect(evaluateFlow(flow({ clientPort: 1500 }))).toMatchObject({ droppedAt: 'server-nacl-outbound', clientPort: 1500 });
    });

    it('the default client range is AWS’s example 32768–65535 (row 50)', () => {
      expect(NACL_EPHEMERAL_PORTS_AWS_EXAMPLE).toEqual({ from: 32768, to: 65535 });
    });
  });

  it('crosses no NACL when both ends are in the same subnet (row 54)', () => {
    const closed: Nacl = { inbound: [], outbound: [] };
    const f = flow({
      client: { address: '10.0.1.10', subnet: 'subnet-a', nacl: closed, securityGroups: [appSg] },
      server: { address: '10.0.1.20', subnet: 'subnet-a', nacl: closed, securityGroups: [apiSg] },
    });
    expect(evaluateFlow(f).delivered).toBe(true);
    expect(naclRulesNeeded(f)).toEqual([]);
    expect(explainEvaluateFlow(f).steps[0]?.text).toContain('same subnet');
  });

  it('an internet client has no NACL or security group of ours', () => {
    const f: Flow = {
      client: { address: '198.51.100.7' },
      server: { address: '10.0.2.20', nacl: openNacl, securityGroups: [{ id: 'sg-web', inbound: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' }], outbound: [] }] },
      protocol: 'tcp',
      port: 443,
    };
    expect(evaluateFlow(f).delivered).toBe(true);
  });

  it('an ICMP flow has no ports; the reply is matched as ICMP', () => {
    const ping: Nacl = { inbound: [{ ruleNumber: 100, action: 'allow', protocol: 'icmp', cidr: '0.0.0.0/0' }], outbound: [{ ruleNumber: 100, action: 'allow', protocol: 'icmp', cidr: '0.0.0.0/0' }] };
    const sg: SecurityGroup = { id: 'sg-ping', inbound: [{ protocol: 'icmp', cidr: '0.0.0.0/0' }], outbound: [{ protocol: 'icmp', cidr: '0.0.0.0/0' }] };
    const f: Flow = { client: { address: '10.0.1.10', nacl: ping, securityGroups: [sg] }, server: { address: '10.0.2.20', nacl: ping, securityGroups: [sg] }, protocol: 'icmp' };
    expect(evaluateFlow(f).delivered).toBe(true);
    expect(() => evaluateFlow({ ...f, clientPort: 5 })).toThrow('ICMP has no ports');
  });

  describe('bad input is a CalcError', () => {
    it.each<[string, unknown]>([
      ['no flow', undefined],
      ['no server', { client: { address: '10.0.0.1' }, protocol: 'tcp', port: 80 }],
      ['a bad client address', { ...flow(), client: { address: '10.0.0' } }],
      ['a missing server port', { ...flow(), port: undefined }],
      ['port 65536', { ...flow(), port: 65536 }],
      ['a backwards ephemeral range', { ...flow(), ephemeralPorts: { from: 60000, to: 1024 } }],
      ['a NACL without lists', { ...flow(), server: { address: '10.0.2.20', nacl: {} } }],
      ['an empty group list', { ...flow(), server: { address: '10.0.2.20', securityGroups: [] } }],
    ])('%s', (_n, f) => {
      expect(() => evaluateFlow(f as Flow)).toThrow(CalcError);
    });
  });
});

describe('explainEvaluateFlow', () => {
  it('walks every place in order and explains stateful versus stateless', () => {
    const e = explainEvaluateFlow(flow());
    expect(e.result.delivered).toBe(true);
    const t = e.steps.map((s) => s.text);
    expect(t[0]).toBe("Request leaves the client: the client's security groups, outbound rules: allowed.");
    expect(t[1]).toBe("Request leaves the client's subnet: its NACL, outbound rules: allowed (rule 100).");
    expect(t[4]).toBe("Reply leaves the server's subnet: its NACL, outbound rules for client port 32768: allowed (rule 100).");
    expect(t.at(-1)).toContain('stateless');
  });

  it('says the reply needed its own NACL rule when it is dropped', () => {
    const e = explainEvaluateFlow(flow({ server: { ...flow().server, nacl: { ...serverNacl, outbound: [] } } }));
    expect(e.steps.some((s) => s.text.includes("DROPPED (the final '*' rule)"))).toBe(true);
    expect(e.steps.at(-1)?.text).toContain('NACLs are stateless');
  });
});

describe('NACL rules a flow needs (facts rows 49–50)', () => {
  it('lists the four rules: request out and in on the server port, reply out and in on the ephemeral range', () => {
    expect(naclRulesNeeded(flow())).toEqual([
      { place: 'client-nacl-outbound', rule: { action: 'allow', protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '10.0.2.20/32' } },
      { place: 'server-nacl-inbound', rule: { action: 'allow', protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '10.0.1.10/32' } },
      { place: 'server-nacl-outbound', rule: { action: 'allow', protocol: 'tcp', fromPort: 32768, toPort: 65535, cidr: '10.0.1.10/32' } },
      { place: 'client-nacl-inbound', rule: { action: 'allow', protocol: 'tcp', fromPort: 32768, toPort: 65535, cidr: '10.0.2.20/32' } },
    ]);
  });

  it('the listed rules, once added, let the flow through', () => {
    const need = naclRulesNeeded(flow());
    const nacl = (placeOut: string, placeIn: string): Nacl => ({
      outbound: need.filter((n) => n.place === placeOut).map((n) => ({ ruleNumber: 100, ...n.rule })),
      inbound: need.filter((n) => n.place === placeIn).map((n) => ({ ruleNumber: 100, ...n.rule })),
    });
    const f = flow({
      client: { ...flow().client, nacl: nacl('client-nacl-outbound', 'client-nacl-inbound') },
      server: { ...flow().server, nacl: nacl('server-nacl-outbound', 'server-nacl-inbound') },
    });
    expect(evaluateFlow(f).delivered).toBe(true);
  });

  it('uses /128 for IPv6 ends and the given ephemeral range', () => {
    const f: Flow = {
      client: { address: '2001:db8:1::10', nacl: openNacl },
      server: { address: '2001:db8:2::20', nacl: openNacl },
      protocol: 'udp',
      port: 53,
      ephemeralPorts: { from: 49152, to: 65535 },
    };
    const need = naclRulesNeeded(f);
    expect(need[0]?.rule).toEqual({ action: 'allow', protocol: 'udp', fromPort: 53, toPort: 53, cidr: '2001:db8:2::20/128' });
    expect(need[2]?.rule).toMatchObject({ fromPort: 49152, toPort: 65535, cidr: '2001:db8:1::10/128' });
    expect(evaluateNacl([{ ruleNumber: 1, ...(need[1]?.rule as Omit<NaclRule, 'ruleNumber'>) }], { protocol: 'udp', port: 53, address: '2001:db8:1::10' }).action).toBe('allow');
  });

  it('needs only the server side for an internet client', () => {
    const need = naclRulesNeeded({ client: { address: '198.51.100.7' }, server: { address: '10.0.2.20', nacl: openNacl }, protocol: 'tcp', port: 443 });
    expect(need.map((n) => n.place)).toEqual(['server-nacl-inbound', 'server-nacl-outbound']);
  });

  it('explains why the reply needs rules', () => {
    const e = explainNaclRulesNeeded(flow());
    expect(e.steps[2]?.text).toBe(
      "server-nacl-outbound: ALLOW TCP ports 32768–65535 for 10.0.1.10/32, because the reply leaves the server's subnet — NACLs are stateless, so the reply needs its own rule.",
    );
  });
});

describe('junk never escapes as anything but a CalcError', () => {
  const onlyCalcErrors = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (!(e instanceof CalcError)) throw e;
    }
  };

  it('for any values at all, at the top and inside a flow', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        onlyCalcErrors(() => evaluateFlow(a as Flow));
        onlyCalcErrors(() => evaluateFlow({ ...flow(), client: a as Flow['client'] }));
        onlyCalcErrors(() => evaluateFlow({ ...flow(), server: { address: '10.0.2.20', nacl: a as Nacl, securityGroups: b as SecurityGroup[] } }));
        onlyCalcErrors(() => evaluateFlow({ ...flow(), ephemeralPorts: a as { from: number; to: number }, clientPort: b as number }));
        onlyCalcErrors(() => explainEvaluateFlow({ ...flow(), port: a as number }));
        onlyCalcErrors(() => naclRulesNeeded({ ...flow(), protocol: a as 'tcp' }));
        onlyCalcErrors(() => explainNaclRulesNeeded(b as Flow));
      }),
    );
  });
});
