/**
 * alb-path-pattern — ALB listener rules (facts rows 151, 153–155): which request paths a path
 * pattern matches (case-sensitive, `*` any run, `?` exactly one character), which rule wins by
 * priority, whether a rule's path condition is valid (128 characters, 3 values per condition,
 * 5 wildcards per rule), and how many wildcards a rule has left.
 */
import {
  ALB_WILDCARDS_PER_RULE,
  countWildcards,
  evaluateAlbRules,
  explainEvaluateAlbRules,
  explainPathMatches,
  matchPathPattern,
  validateAlbRuleConditions,
} from '../../calc/alb';
import type { Step } from '../../calc/steps';
import { defineGenerator, type QuestionBody } from '../define';
import { multipleChoice, singleChoice, type Distractor } from '../choices';
import type { Rng } from '../rng';
import type { NamedMistake } from '../types';

/** Plain-data twin of the core's AlbPathRule, so params stay JSON-typed. */
type PathRule = { priority: number; pathPatterns: string[]; target: string };
type Params =
  | { variant: 'match'; pattern: string; paths: string[] }
  | { variant: 'priority'; rules: PathRule[]; defaultTarget: string; path: string }
  | { variant: 'valid'; values: string[] }
  | { variant: 'wildcards-left'; values: string[] };

const LESSON = '/lessons/elb';
const WORDS = ['images', 'img', 'api', 'static', 'docs', 'assets', 'media', 'users', 'orders', 'admin', 'reports', 'cart', 'blog', 'search', 'account'] as const;
const FILES = ['index.html', 'app.js', 'logo.png', 'style.css', 'report.pdf', 'feed.xml'] as const;
const EXTS = ['png', 'jpg', 'css', 'js', 'html', 'pdf'] as const;
const STAR_FILLS = ['', 'a', 'photos', 'x/y', '2024/summer', 'cat', 'v2/list'] as const;
const ONE_CHARS = 'abcxyz0123789';

type Part = string | { w: '*' | '?' };
const STAR: Part = { w: '*' };
const Q: Part = { w: '?' };

function patternOf(parts: readonly Part[]): string {
  let out = '';
  for (const p of parts) out += typeof p === 'string' ? p : p.w;
  return out;
}

function drawParts(rng: Rng): Part[] {
  const [a, b] = rng.sample(WORDS, 2) as [string, string];
  const A = rng.chance(0.2) ? a.charAt(0).toUpperCase() + a.slice(1) : a;
  switch (rng.int(1, 6)) {
    case 1:
      return [`/${A}/`, STAR];
    case 2:
      return [`/${A}/v`, Q, `/${b}`];
    case 3:
      return [`/${A}/`, STAR, `.${rng.pick(EXTS)}`];
    case 4:
      return [`/${A}/`, STAR, `/${rng.pick(FILES)}`];
    case 5:
      return [`/${A}/`, Q, Q, `/${rng.pick(FILES)}`];
    default:
      return [`/${A}/${b}-`, Q, '/', STAR];
  }
}

/** How `pathFrom` fills each wildcard of a pattern's parts. */
const enum Fill {
  /** * → a random non-empty run, ? → one random character. */
  Good,
  /** * → nothing, ? → one random character. */
  EmptyStar,
  /** * → a random run, ? → two random characters. */
  DoubleQ,
  /** * → a random run, ? → nothing. */
  EmptyQ,
  /** Like Good, but the first literal part with a letter has one letter's case flipped. */
  FlipCase,
}

/** A path made from the parts, wildcards filled as `fill` says, parts drawn left to right. */
function pathFrom(rng: Rng, parts: readonly Part[], fill: Fill): string {
  let out = '';
  let flipped = false;
  for (const p of parts) {
    if (typeof p === 'string') {
      if (fill === Fill.FlipCase && !flipped && HAS_LETTER.test(p)) {
        flipped = true;
        out += flipCase(p);
      } else out += p;
    } else if (p === STAR) {
      out += fill === Fill.EmptyStar ? '' : (rng.pick(STAR_FILLS_NON_EMPTY) as string);
    } else if (fill === Fill.DoubleQ) {
      out += pickChar(rng);
      out += pickChar(rng);
    } else if (fill !== Fill.EmptyQ) out += pickChar(rng);
  }
  return out;
}

const HAS_LETTER = /[a-z]/i;
const STAR_FILLS_NON_EMPTY = STAR_FILLS.slice(1);

/** The first letter of `s` with its case flipped. */
function flipCase(s: string): string {
  const i = s.search(/[a-z]/i);
  if (i < 0) return s;
  const c = s.charAt(i);
  return s.slice(0, i) + (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) + s.slice(i + 1);
}

function pickChar(rng: Rng): string {
  return ONE_CHARS.charAt(rng.int(0, ONE_CHARS.length - 1));
}

/** A path offered in a match question, with the mistake it stands for (null: it matches, or is plainly wrong). */
type Offer = { path: string; mistake: [string, string] | null };

/** Offered paths: some that match, and some that stand for a named mistake. */
function drawMatch(rng: Rng): { params: Params & { variant: 'match' }; offers: Offer[] } {
  const parts = drawParts(rng);
  const pattern = patternOf(parts);
  // Distinct paths in first-offered order (a short list, scanned); a repeat keeps its first entry.
  const offers: Offer[] = [];
  const offer = (path: string, mistake: [string, string] | null): void => {
    if (!offers.some((o) => o.path === path)) offers.push({ path, mistake });
  };
  offer(pathFrom(rng, parts, Fill.Good), null);
  if (parts.includes(STAR)) offer(pathFrom(rng, parts, Fill.EmptyStar), null);
  else if (rng.chance(0.5)) offer(pathFrom(rng, parts, Fill.Good), null);
  offer(pathFrom(rng, parts, Fill.FlipCase), ['assumed path matching is case-insensitive', `Path patterns are case-sensitive: '${pattern}' does not match a path whose letters differ in case.`]);
  if (parts.includes(Q)) {
    offer(pathFrom(rng, parts, Fill.DoubleQ), ['thought ? matches several characters', `In '${pattern}', each ? stands for exactly one character, not several.`]);
    offer(pathFrom(rng, parts, Fill.EmptyQ), ['thought ? can match no character', `Each ? in '${pattern}' must match exactly one character; only * may match nothing.`]);
  }
  if (parts[parts.length - 1] !== STAR) {
    offer(`${pathFrom(rng, parts, Fill.Good)}/${rng.pick(WORDS)}`, ['thought the pattern only has to match the start of the path', `The whole path must match '${pattern}'; the pattern does not end in *, so nothing may follow.`]);
  }
  const paths = rng.shuffle(offers.map((o) => o.path));
  return { params: { variant: 'match', pattern, paths }, offers };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// The next two build only the choice drawn (`rng.int(0, n − 1)` is the draw `rng.pick` makes
// from a list of n), not every candidate.

/** The second rule's patterns, choice `i` of four: a longer prefix of the path, or another word's prefix too. */
function secondRulePatterns(i: number, a: string, b: string, c: string, other: string, id: number): string[] {
  switch (i) {
    case 0:
      return [`/${a}/${b}/*`];
    case 1:
      return [`/${a}/${b}/${c}/*`];
    case 2:
      return [`/${a}/${b}/${c}/${String(id).slice(0, -1)}?`];
    default:
      return [`/${other}/*`, `/${a}/${b}/*`];
  }
}

/** The legacy rule's pattern, choice `i` of three: the path's prefix with its letter case changed. */
function legacyPattern(i: number, a: string, b: string): string {
  if (i === 0) return `/${cap(a)}/*`;
  if (i === 1) return `/${a}/${cap(b)}/*`;
  return `/${a.toUpperCase()}/*`;
}

function drawPriority(rng: Rng): Params & { variant: 'priority' } {
  const [a, b, c, other] = rng.sample(WORDS, 4) as [string, string, string, string];
  const id = rng.int(2, 9999);
  const path = `/${a}/${b}/${c}/${id}`;
  const noMatch = rng.chance(0.15);
  const rules: Omit<PathRule, 'priority'>[] = [];
  if (!noMatch) {
    rules.push({ pathPatterns: [`/${a}/*`], target: `tg-${a}` });
    rules.push({ pathPatterns: secondRulePatterns(rng.int(0, 3), a, b, c, other, id), target: `tg-${b}` });
  }
  rules.push({ pathPatterns: [legacyPattern(rng.int(0, 2), a, b)], target: 'tg-legacy' });
  if (noMatch || rng.chance(0.6)) rules.push({ pathPatterns: [`/${other}/*`], target: `tg-${other}` });
  if (rng.chance(0.25)) rules.push({ pathPatterns: [`/${a}/?/*`], target: 'tg-short' });
  const priorities = rng.sample([1, 2, 3, 5, 10, 15, 20, 25, 50, 100, 200, 500], rules.length);
  const withPriority = rng.shuffle(rules.map((r, i) => ({ priority: priorities[i] as number, pathPatterns: r.pathPatterns, target: r.target })));
  return { variant: 'priority', rules: withPriority, defaultTarget: 'tg-default', path };
}

/** Patterns for the validity and wildcard questions, each with a known number of wildcards. */
function wildPattern(rng: Rng, wildcards: number): string {
  const words = rng.sample(WORDS, 3);
  let s = `/${words[0] as string}/${words[1] as string}/${words[2] as string}`;
  for (let i = 0; i < wildcards; i++) s += rng.chance(0.6) ? '/*' : `/v?`;
  return s;
}

function drawValid(rng: Rng): { params: Params & { variant: 'valid' }; mistake: [string, string] } {
  switch (rng.int(1, 5)) {
    case 1: {
      const total = rng.int(4, 5);
      const first = rng.int(4, total);
      const values = first === total ? [wildPattern(rng, total)] : [wildPattern(rng, first), wildPattern(rng, total - first)];
      return { params: { variant: 'valid', values }, mistake: ['used the old limit of 3 wildcards per pattern', `The old limit of 3 wildcards per pattern is gone: a rule may now hold up to ${ALB_WILDCARDS_PER_RULE} wildcard characters in all, and this one has ${total}.`] };
    }
    case 2: {
      const total = rng.int(6, 8);
      const first = rng.int(2, 4);
      const values = [wildPattern(rng, first), wildPattern(rng, total - first)];
      return { params: { variant: 'valid', values }, mistake: ['forgot the 5-wildcards-per-rule limit', `Each pattern is fine on its own, but the rule holds ${total} wildcard characters in all; the limit is ${ALB_WILDCARDS_PER_RULE} per rule.`] };
    }
    case 3: {
      const values = rng.sample(WORDS, 4).map((w) => `/${w}/*`).slice(0, 4);
      values[3] = `/${rng.pick(FILES)}`;
      return { params: { variant: 'valid', values }, mistake: ['forgot the limit of 3 values per condition', 'A condition may hold at most 3 match values; this one has 4.'] };
    }
    case 4: {
      let s = '';
      while (s.length < 140) s += `/${rng.pick(WORDS)}`;
      const target = rng.int(118, 140);
      if (target <= 128) {
        return { params: { variant: 'valid', values: [s.slice(0, target)] }, mistake: ['misremembered the 128-character limit', `A path pattern may be up to 128 characters long; this one has ${target}.`] };
      }
      s = s.slice(0, target);
      return { params: { variant: 'valid', values: [s] }, mistake: ['forgot the 128-character limit', `A path pattern may be at most 128 characters long; this one has ${target}.`] };
    }
    default: {
      const n = rng.int(2, 3);
      const values = rng.sample(WORDS, n).map((w) => `/${w}/*`);
      return { params: { variant: 'valid', values }, mistake: ['thought a condition holds only one path pattern', `Since 2019 a path condition can hold up to 3 values (matched as OR); this one has ${n}.`] };
    }
  }
}

function drawWildcards(rng: Rng): Params & { variant: 'wildcards-left' } {
  const count = rng.int(1, 3);
  const budget = rng.int(count === 1 ? 1 : count, ALB_WILDCARDS_PER_RULE);
  const split: number[] = new Array<number>(count).fill(1);
  for (let left = budget - count; left > 0; left--) {
    const i = rng.int(0, count - 1);
    split[i] = (split[i] ?? 0) + 1;
  }
  return { variant: 'wildcards-left', values: split.map((w) => wildPattern(rng, w)) };
}

function ruleTable(rules: readonly PathRule[], defaultTarget: string): string {
  let out = '| Priority | Path pattern(s) | Forward to |\n|---|---|---|\n';
  for (const r of rules) {
    out += `| ${r.priority} | `;
    r.pathPatterns.forEach((p, i) => {
      out += i === 0 ? `\`${p}\`` : ` or \`${p}\``;
    });
    out += ` | ${r.target} |\n`;
  }
  return `${out}| default (last) | any | ${defaultTarget} |`;
}

/** Number of * characters in a pattern. */
function countStars(pattern: string): number {
  let n = 0;
  for (let i = 0; i < pattern.length; i++) if (pattern.charCodeAt(i) === 42) n++;
  return n;
}

function wildcardsLeft(values: readonly string[]): number {
  return ALB_WILDCARDS_PER_RULE - values.reduce((a, v) => a + countWildcards(v), 0);
}

/** How specific a rule's best matching pattern is: its literal characters (`hit[i]`: pattern i matches). */
function specificity(r: PathRule, hit: readonly boolean[]): number {
  let best = -Infinity;
  r.pathPatterns.forEach((x, i) => {
    if (hit[i]) best = Math.max(best, x.length - 2 * countWildcards(x));
  });
  return best;
}

function buildPriority(rng: Rng, p: Params & { variant: 'priority' }): QuestionBody {
  const explained = explainEvaluateAlbRules(p.rules, p.defaultTarget, p.path);
  const win = explained.result;
  // Which of each rule's patterns match the path, worked out once for the distractors below.
  const hits = p.rules.map((r) => r.pathPatterns.map((x) => matchPathPattern(x, p.path)));
  const matching = p.rules.map((_, i) => (hits[i] as boolean[]).includes(true));
  const d: Distractor[] = [];
  // The first matching rule (in listing order) with the most specific pattern, the one with the
  // highest priority number, and the first listed: what sorting copies of the list gave.
  let specific: number | undefined;
  let specificLiterals = -Infinity;
  let highest: number | undefined;
  let top: number | undefined;
  for (let i = 0; i < p.rules.length; i++) {
    if (!matching[i]) continue;
    const r = p.rules[i] as PathRule;
    const literals = specificity(r, hits[i] as boolean[]);
    if (specific === undefined || literals > specificLiterals) {
      specific = i;
      specificLiterals = literals;
    }
    if (highest === undefined || r.priority > (p.rules[highest] as PathRule).priority) highest = i;
    top ??= i;
  }
  if (specific !== undefined) {
    const r = p.rules[specific] as PathRule;
    const hit = hits[specific] as boolean[];
    const quoted = r.pathPatterns.filter((_, j) => hit[j]).map((x) => `'${x}'`).join(', ');
    d.push({ text: r.target, mistake: 'picked the most specific pattern instead of the lowest priority number', feedback: `${quoted} is the most specific match, but rules are evaluated by priority, lowest number first, and the first match wins.` });
  }
  if (top !== undefined) d.push({ text: (p.rules[top] as PathRule).target, mistake: 'read the rules top to bottom', feedback: `The listing order does not matter: rules are evaluated from the lowest priority number up.` });
  if (highest !== undefined) {
    const r = p.rules[highest] as PathRule;
    d.push({ text: r.target, mistake: 'thought a higher priority number wins', feedback: `Priority ${r.priority} is evaluated after the lower numbers; the LOWEST matching priority number wins.` });
  }
  const lowerPath = p.path.toLowerCase();
  for (let i = 0; i < p.rules.length; i++) {
    if (matching[i]) continue;
    const r = p.rules[i] as PathRule;
    const ci = r.pathPatterns.some((x) => matchPathPattern(x.toLowerCase(), lowerPath));
    d.push(
      ci
        ? { text: r.target, mistake: 'assumed path matching is case-insensitive', feedback: `Path patterns are case-sensitive: ${r.pathPatterns.map((x) => `'${x}'`).join(', ')} does not match '${p.path}'.` }
        : { text: r.target, mistake: 'picked a rule that does not match', feedback: `${r.pathPatterns.map((x) => `'${x}'`).join(', ')} does not match '${p.path}'.` },
    );
  }
  d.push({ text: p.defaultTarget, mistake: 'thought no rule matches', feedback: `The rule with priority ${win.priority} matches '${p.path}', so the default rule is never reached.` });
  const built = singleChoice(rng, win.target, d);
  return {
    difficulty: 2, kind: 'single',
    prompt: `An Application Load Balancer's HTTPS listener has these rules:\n\n${ruleTable(p.rules, p.defaultTarget)}\n\nA request arrives for the path \`${p.path}\`. Which target group receives it?`,
    params: p, ...built,
    explanation: {
      summary: `**${win.target}.** Listener rules are evaluated by priority, lowest number first; the first rule whose path pattern matches (case-sensitively) wins, and the default rule goes last.`,
      steps: explained.steps, lesson: LESSON,
    },
    expectedSeconds: 60,
  };
}

export const albPathPattern = defineGenerator<Params>({
  id: 'alb-path-pattern',
  version: 1,
  topic: 'elb',
  title: 'ALB path patterns and listener rule priority',
  kinds: ['multiple', 'single', 'number'],
  solve(p) {
    if (p.variant === 'match') return p.paths.filter((x) => matchPathPattern(p.pattern, x));
    if (p.variant === 'priority') return evaluateAlbRules(p.rules, p.defaultTarget, p.path).target;
    if (p.variant === 'valid') return validateAlbRuleConditions([{ field: 'path-pattern', values: p.values }]).length === 0 ? 'Yes' : 'No';
    return wildcardsLeft(p.values);
  },
  build(rng): QuestionBody {
    const roll = rng.int(1, 10);
    if (roll <= 3) {
      const { params, offers } = drawMatch(rng);
      // Each path matched once: the verdicts give the keys and distractors, the steps the explanation.
      const matched = explainPathMatches(params.pattern, params.paths);
      const keys: string[] = [];
      const distractors: Distractor[] = [];
      for (let i = 0; i < params.paths.length; i++) {
        const x = params.paths[i] as string;
        if (matched.result[i]) {
          keys.push(x);
          continue;
        }
        const [mistake, feedback] = offers.find((o) => o.path === x)?.mistake ?? ['misread the pattern', `'${x}' does not match '${params.pattern}'.`];
        distractors.push({ text: x, mistake, feedback });
      }
      const built = multipleChoice(rng, keys, distractors, params.paths.length);
      return {
        difficulty: 2, kind: 'multiple',
        prompt: `An Application Load Balancer listener rule has the path condition \`${params.pattern}\`. Which of these request paths does it match? Choose all that apply.`,
        params, ...built,
        explanation: {
          summary: `It matches ${keys.map((k) => `\`${k}\``).join(', ')}. Path patterns are case-sensitive, \`*\` matches any run of characters (even none), \`?\` exactly one, and the whole path must match.`,
          steps: matched.steps,
          lesson: LESSON,
        },
        expectedSeconds: 60,
      };
    }
    if (roll <= 6) return buildPriority(rng, drawPriority(rng));
    if (roll <= 8) {
      const { params, mistake } = drawValid(rng);
      const problems = validateAlbRuleConditions([{ field: 'path-pattern', values: params.values }]);
      const key = problems.length === 0 ? 'Yes' : 'No';
      const built = singleChoice(rng, key, [{ text: key === 'Yes' ? 'No' : 'Yes', mistake: mistake[0], feedback: mistake[1] }], 2, 2);
      const steps: Step[] = [
        { text: `Limits: a path pattern is at most 128 characters, a condition holds at most 3 values, and a rule at most ${ALB_WILDCARDS_PER_RULE} wildcard characters in all.` },
        ...params.values.map((v) => ({ text: `'${v.length > 40 ? `${v.slice(0, 37)}…` : v}': ${v.length} characters, ${countWildcards(v)} wildcard(s).`, values: { length: v.length, wildcards: countWildcards(v) } })),
        ...(problems.length === 0 ? [{ text: 'No limit is exceeded, so the rule can be created.' }] : problems.map((text) => ({ text }))),
      ];
      return {
        difficulty: 2, kind: 'single',
        prompt: `You create an Application Load Balancer listener rule with one path-pattern condition whose values are:\n\n${params.values.map((v) => `- \`${v}\`${v.length > 60 ? ` (${v.length} characters)` : ''}`).join('\n')}\n\nWill AWS accept this rule?`,
        params, ...built,
        explanation: { summary: problems.length === 0 ? '**Yes.** The rule stays within every limit.' : `**No.** ${problems.join(' ')}`, steps, lesson: LESSON },
        expectedSeconds: 40,
      };
    }
    const params = drawWildcards(rng);
    const answer = wildcardsLeft(params.values);
    const counts = params.values.map((v) => countWildcards(v));
    const stars = params.values.reduce((a, v) => a + countStars(v), 0);
    const used = ALB_WILDCARDS_PER_RULE - answer;
    const candidates: (NamedMistake & { match: number })[] = [
      { match: counts.reduce((a, w) => a + Math.max(0, 3 - w), 0), name: 'used the old limit of 3 wildcards per pattern', feedback: `The per-pattern limit of 3 was removed in 2019; now a rule holds at most ${ALB_WILDCARDS_PER_RULE} wildcard characters in all.` },
      { match: counts.reduce((a, w) => a + (ALB_WILDCARDS_PER_RULE - w), 0), name: 'applied the limit to each pattern instead of the whole rule', feedback: `The ${ALB_WILDCARDS_PER_RULE}-wildcard limit covers the whole rule, across all its conditions and values, not each pattern.` },
      { match: ALB_WILDCARDS_PER_RULE - stars, name: 'did not count ? as a wildcard', feedback: `Both * and ? count toward the limit: the rule already has ${used}.` },
      { match: 3 - used, name: 'used 3 as the wildcard limit', feedback: `The old limit of 3 no longer applies; a rule may hold ${ALB_WILDCARDS_PER_RULE} wildcard characters.` },
    ];
    const seen: number[] = [answer];
    const mistakes: NamedMistake[] = [];
    for (const c of candidates) {
      if (c.match < 0 || seen.includes(c.match)) continue;
      seen.push(c.match);
      mistakes.push(c);
    }
    const steps: Step[] = [
      ...params.values.map((v, i) => ({ text: `'${v}' holds ${counts[i]} wildcard character(s) (* and ? both count).`, values: { pattern: v, wildcards: counts[i] ?? 0 } })),
      { text: `A rule may hold at most ${ALB_WILDCARDS_PER_RULE} wildcard characters across its host, path, header and query conditions: ${ALB_WILDCARDS_PER_RULE} − ${used} = ${answer} left.`, math: `${ALB_WILDCARDS_PER_RULE} - ${used} = ${answer}` },
    ];
    return {
      difficulty: 2, kind: 'number',
      prompt: `An Application Load Balancer listener rule has one path-pattern condition with these values:\n\n${params.values.map((v) => `- \`${v}\``).join('\n')}\n\nHow many more wildcard characters (\`*\` or \`?\`) can you add to this rule, in any of its conditions?`,
      params, answer, mistakes,
      explanation: { summary: `**${answer}.** The limit is ${ALB_WILDCARDS_PER_RULE} wildcard characters per rule (not 3 per pattern), and the rule already holds ${used}.`, steps, lesson: LESSON },
      expectedSeconds: 40,
    };
  },
});
