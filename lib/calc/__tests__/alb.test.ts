import fc from 'fast-check';
import { CalcError } from '../errors';
import {
  ALB_PATH_PATTERN_MAX_LENGTH,
  ALB_VALUES_PER_CONDITION,
  ALB_WILDCARDS_PER_RULE,
  countWildcards,
  evaluateAlbRules,
  explainEvaluateAlbRules,
  explainMatchPathPattern,
  explainPathMatches,
  matchPathPattern,
  validateAlbRuleConditions,
  validatePathPattern,
  type AlbPathRule,
} from '../alb';

describe('ALB path patterns (facts row 154)', () => {
  it('* matches any run of characters, including none', () => {
    expect(matchPathPattern('/img/*', '/img/cat.png')).toBe(true);
    expect(matchPathPattern('/img/*', '/img/')).toBe(true);
    expect(matchPathPattern('/img/*', '/img/a/b/c')).toBe(true);
    expect(matchPathPattern('/img/*', '/js/app.js')).toBe(false);
    expect(matchPathPattern('*.png', '/a/b.png')).toBe(true);
  });

  it('? matches exactly one character', () => {
    expect(matchPathPattern('/v?/users', '/v1/users')).toBe(true);
    expect(matchPathPattern('/v?/users', '/v/users')).toBe(false);
    expect(matchPathPattern('/v?/users', '/v12/users')).toBe(false);
  });

  it('matching is case-sensitive', () => {
    expect(matchPathPattern('/API/*', '/api/orders')).toBe(false);
    expect(matchPathPattern('/api/*', '/api/orders')).toBe(true);
  });

  it('without wildcards the whole path must match exactly', () => {
    expect(matchPathPattern('/health', '/health')).toBe(true);
    expect(matchPathPattern('/health', '/health/deep')).toBe(false);
    expect(matchPathPattern('/health', '/healt')).toBe(false);
  });

  it('handles tricky backtracking', () => {
    expect(matchPathPattern('/a*b*c', '/aXbYbZc')).toBe(true);
    expect(matchPathPattern('/a*b*c', '/aXbYbZ')).toBe(false);
    expect(matchPathPattern('*a*a*a*a*b', 'a'.repeat(5000))).toBe(false);
  });

  describe('a pattern is up to 128 characters', () => {
    it('128 is valid, 129 is not', () => {
      const p128 = '/' + 'a'.repeat(ALB_PATH_PATTERN_MAX_LENGTH - 1);
      expect(validatePathPattern(p128)).toEqual([]);
      expect(matchPathPattern(p128, p128)).toBe(true);
      expect(validatePathPattern(p128 + 'a')).toEqual(['The path pattern is 129 characters long; the limit is 128.']);
      expect(() => matchPathPattern(p128 + 'a', '/')).toThrow(CalcError);
    });

    it('an empty pattern is invalid', () => {
      expect(validatePathPattern('')).toEqual(['A path pattern cannot be empty.']);
    });
  });

  it('only the listed characters are allowed', () => {
    expect(validatePathPattern('/a-z_0.9$~"\'@:+&*?')).toEqual([]);
    expect(validatePathPattern('/a b')[0]).toContain("' '");
    expect(validatePathPattern('/é')[0]).toContain("'é'");
    expect(validatePathPattern('/a%20b')[0]).toContain("'%'");
    expect(() => matchPathPattern('/a b', '/a b')).toThrow('Invalid path pattern');
  });

  it('a pattern alone may not hold more than the 5 wildcards a rule allows (row 155)', () => {
    expect(validatePathPattern('/*/*/*/*/*')).toEqual([]);
    expect(validatePathPattern('/*/*/*/*/*/*')).toEqual(['The path pattern has 6 wildcards; a whole rule may have at most 5.']);
  });

  it('junk is a CalcError or a problem, never a TypeError', () => {
    expect(() => matchPathPattern(5 as unknown as string, '/')).toThrow(CalcError);
    expect(() => matchPathPattern('/a', null as unknown as string)).toThrow(CalcError);
    expect(validatePathPattern(undefined as unknown as string)).toEqual(['A path pattern must be text, but got undefined.']);
  });

  it('explains the match', () => {
    const e = explainMatchPathPattern('/img/*', '/img/a.png');
    expect(e.result).toBe(true);
    expect(e.steps[0]?.text).toContain('1 wildcard');
    expect(e.steps[1]?.text).toBe("'/img/a.png' matches '/img/*'.");
  });

  it('laws: a literal pattern matches only itself; * matches everything', () => {
    const pathChar = fc.constantFrom(...'abcXYZ019/_-.'.split(''));
    const path = fc.array(pathChar, { minLength: 1, maxLength: 40 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(path, path, (a, b) => {
        expect(matchPathPattern(a, b)).toBe(a === b);
        expect(matchPathPattern('*', b)).toBe(true);
        expect(matchPathPattern(a + '*', a + b)).toBe(true);
        expect(matchPathPattern('?'.repeat(Math.min(b.length, 4)) + (b.length > 4 ? '*' : ''), b)).toBe(true);
      }),
    );
  });
});

describe('explainPathMatches', () => {
  it('gives, for each path, the verdict and the last step of explainMatchPathPattern', () => {
    const paths = ['/img/cat.png', '/IMG/cat.png', '/img/', '/img/a/b', '/im'];
    const r = explainPathMatches('/img/*', paths);
    expect(r.result).toEqual(paths.map((x) => matchPathPattern('/img/*', x)));
    expect(r.steps).toEqual(paths.map((x) => explainMatchPathPattern('/img/*', x).steps[1]));
  });
  it('rejects an invalid pattern like matchPathPattern', () => {
    expect(() => explainPathMatches('', ['/a'])).toThrow(CalcError);
    expect(() => explainPathMatches('/a/' + '*'.repeat(6), ['/a'])).toThrow(CalcError);
  });
});

describe('listener rule limits (facts rows 153, 155)', () => {
  it('up to 3 values per condition', () => {
    expect(validateAlbRuleConditions([{ field: 'path-pattern', values: ['/a', '/b', '/c'] }])).toEqual([]);
    expect(validateAlbRuleConditions([{ field: 'path-pattern', values: ['/a', '/b', '/c', '/d'] }])).toEqual([
      `Condition 1 (path-pattern) has 4 values; a condition may have at most ${ALB_VALUES_PER_CONDITION}.`,
    ]);
  });

  it('up to 5 match evaluations per rule', () => {
    expect(validateAlbRuleConditions([{ field: 'path-pattern', values: ['/a', '/b', '/c'] }, { field: 'host-header', values: ['a.example.com', 'b.example.com'] }])).toEqual([]);
    expect(
      validateAlbRuleConditions([{ field: 'path-pattern', values: ['/a', '/b', '/c'] }, { field: 'host-header', values: ['a.example.com', 'b.example.com', 'c.example.com'] }]),
    ).toEqual(['The rule has 6 match values in all; a rule may have at most 5.']);
  });

  it('5 wildcards per rule, across host, path, header and query conditions — not the old 3 per pattern', () => {
    expect(countWildcards('/a/*/b?')).toBe(2);
    expect(validateAlbRuleConditions([{ field: 'path-pattern', values: ['/*/*/*/*'] }])).toEqual([]);
    expect(validateAlbRuleConditions([{ field: 'path-pattern', values: ['/*/*/*'] }, { field: 'host-header', values: ['*.example.com', '?.example.org'] }])).toEqual([]);
    const six = validateAlbRuleConditions([{ field: 'path-pattern', values: ['/*/*/*'] }, { field: 'host-header', values: ['*.a.com', '*.b.com', '*.c.com'] }]);
    expect(six).toEqual([`The rule has 6 wildcard characters in all; a rule may have at most ${ALB_WILDCARDS_PER_RULE} (the old limit of 3 per pattern no longer applies).`]);
  });

  it('checks each path pattern’s length and characters', () => {
    expect(validateAlbRuleConditions([{ field: 'path-pattern', values: ['/ok', 'bad path'] }])[0]).toMatch(/^Condition 1: The path pattern contains ' '/);
  });

  it('junk conditions are CalcErrors', () => {
    expect(() => validateAlbRuleConditions([{ field: 'cookie' as 'host-header', values: ['x'] }])).toThrow(CalcError);
    expect(() => validateAlbRuleConditions([{ field: 'path-pattern', values: [] }])).toThrow(CalcError);
    expect(() => validateAlbRuleConditions('x' as unknown as [])).toThrow(CalcError);
  });
});

describe('listener rule evaluation (facts row 151)', () => {
  const rules: AlbPathRule[] = [
    { priority: 20, pathPatterns: ['/api/*'], target: 'api' },
    { priority: 10, pathPatterns: ['/api/admin/*'], target: 'admin' },
    { priority: 30, pathPatterns: ['/img/*', '*.png'], target: 'static' },
  ];

  it('checks rules from the lowest priority value, first match wins', () => {
    expect(evaluateAlbRules(rules, 'web', '/api/admin/users')).toEqual({ priority: 10, target: 'admin' });
    expect(evaluateAlbRules(rules, 'web', '/api/orders')).toEqual({ priority: 20, target: 'api' });
    expect(evaluateAlbRules(rules, 'web', '/logo.png')).toEqual({ priority: 30, target: 'static' });
  });

  it('the default rule goes last', () => {
    expect(evaluateAlbRules(rules, 'web', '/index.html')).toEqual({ priority: 'default', target: 'web' });
    expect(evaluateAlbRules([], 'web', '/')).toEqual({ priority: 'default', target: 'web' });
  });

  it('duplicate priorities and bad rules are CalcErrors', () => {
    expect(() => evaluateAlbRules([...rules, { priority: 20, pathPatterns: ['/x'], target: 'x' }], 'web', '/')).toThrow('priority 20');
    expect(() => evaluateAlbRules([{ priority: 0, pathPatterns: ['/x'], target: 'x' }], 'web', '/')).toThrow(CalcError);
    expect(() => evaluateAlbRules([{ priority: 1, pathPatterns: ['/a', '/b', '/c', '/d'], target: 'x' }], 'web', '/')).toThrow('at most 3');
    expect(() => evaluateAlbRules([{ priority: 1, pathPatterns: ['/*/*/*', '/*/*/*'], target: 'x' }], 'web', '/')).toThrow('6 wildcards');
    expect(() => evaluateAlbRules(rules, 5 as unknown as string, '/')).toThrow(CalcError);
  });

  it('explains the walk in priority order', () => {
    const e = explainEvaluateAlbRules(rules, 'web', '/api/orders');
    expect(e.result).toEqual({ priority: 20, target: 'api' });
    expect(e.steps.map((s) => s.text)).toEqual([
      'Rules in priority order (lowest first): 10, 20, 30, then the default rule.',
      "Priority 10: '/api/orders' matches none of '/api/admin/*'.",
      "Priority 20: '/api/orders' matches '/api/*' → forward to api. Later rules are not checked.",
    ]);
    expect(explainEvaluateAlbRules(rules, 'web', '/').steps.at(-1)?.text).toBe('No rule matched, so the default rule forwards to web.');
  });

  it('laws: the decision does not depend on the order rules are listed in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(rules, { minLength: rules.length }), fc.constantFrom('/api/admin/x', '/api/y', '/a.png', '/img/z', '/'), (shuffled, path) => {
        expect(evaluateAlbRules(shuffled, 'web', path)).toEqual(evaluateAlbRules(rules, 'web', path));
      }),
    );
  });
});

it('junk never escapes as anything but a CalcError', () => {
  const onlyCalcErrors = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (!(e instanceof CalcError)) throw e;
    }
  };
  fc.assert(
    fc.property(fc.anything(), fc.anything(), (a, b) => {
      onlyCalcErrors(() => matchPathPattern(a as string, b as string));
      onlyCalcErrors(() => explainMatchPathPattern(a as string, '/x'));
      onlyCalcErrors(() => validatePathPattern(a as string));
      onlyCalcErrors(() => validateAlbRuleConditions(a as []));
      onlyCalcErrors(() => validateAlbRuleConditions([{ field: 'path-pattern', values: a as string[] }]));
      onlyCalcErrors(() => evaluateAlbRules(a as AlbPathRule[], 'web', '/'));
      onlyCalcErrors(() => evaluateAlbRules([a as AlbPathRule], b as string, '/'));
      onlyCalcErrors(() => explainEvaluateAlbRules([{ priority: 1, pathPatterns: [a as string], target: 'x' }], 'web', b as string));
    }),
  );
});
