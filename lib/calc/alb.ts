/**
 * Application Load Balancer listener rules: path-pattern validation and matching, rule limits,
 * and rule evaluation by priority. Facts sheet section 18, rows 151, 153, 154 and 155.
 */
import type { Explained, Step } from './steps';
import { describeInput } from './ip';
import { checkInteger, checkList, checkObject, checkOneOf, fail } from './traffic-guards';

/** Longest path pattern, in characters (facts row 154). */
export const ALB_PATH_PATTERN_MAX_LENGTH = 128;
/** Wildcard characters (* and ?) allowed per rule, across host, path, header and query conditions (facts row 155). */
export const ALB_WILDCARDS_PER_RULE = 5;
/** Match values allowed in one condition (facts row 153). */
export const ALB_VALUES_PER_CONDITION = 3;
/** Match evaluations (values) allowed across all conditions of one rule (facts row 153). */
export const ALB_MATCH_EVALUATIONS_PER_RULE = 5;
/** Characters a path pattern may contain besides letters and digits (facts row 154); `&` stands for `&amp;` in the API. */
export const ALB_PATH_PATTERN_SYMBOLS = '_-.$/~"\'@:+&*?';

/** Character codes allowed in a path pattern: A–Z, a–z, 0–9 and the symbols above (facts row 154). */
const PATH_CHAR = new Uint8Array(128);
for (let c = 48; c <= 57; c++) PATH_CHAR[c] = 1;
for (let c = 65; c <= 90; c++) PATH_CHAR[c] = 1;
for (let c = 97; c <= 122; c++) PATH_CHAR[c] = 1;
for (const ch of ALB_PATH_PATTERN_SYMBOLS) PATH_CHAR[ch.charCodeAt(0)] = 1;

function isPathPatternChar(code: number): boolean {
  return code < 128 && PATH_CHAR[code] === 1;
}

/** Number of wildcard characters (* and ?) in a pattern. */
export function countWildcards(pattern: string): number {
  let n = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c === 42 || c === 63) n++;
  }
  return n;
}

/**
 * Problems with one path pattern (empty list = valid): it must be 1–128 characters of
 * A–Z a–z 0–9 _ - . $ / ~ " ' @ : + & * ? (facts row 154), and alone may not exceed the
 * 5 wildcards a whole rule may hold (row 155).
 */
export function validatePathPattern(pattern: string): string[] {
  const problems = patternShapeProblems(pattern);
  if (typeof pattern !== 'string') return problems;
  const w = countWildcards(pattern);
  if (w > ALB_WILDCARDS_PER_RULE) {
    problems.push(`The path pattern has ${w} wildcards; a whole rule may have at most ${ALB_WILDCARDS_PER_RULE}.`);
  }
  return problems;
}

/** Length and character-set problems of one path pattern (facts row 154). */
function patternShapeProblems(pattern: unknown): string[] {
  if (typeof pattern !== 'string') return [`A path pattern must be text, but got ${describeInput(pattern)}.`];
  const problems: string[] = [];
  if (pattern.length === 0) problems.push('A path pattern cannot be empty.');
  if (pattern.length > ALB_PATH_PATTERN_MAX_LENGTH) {
    problems.push(`The path pattern is ${pattern.length} characters long; the limit is ${ALB_PATH_PATTERN_MAX_LENGTH}.`);
  }
  // Scan code units first: a pattern of allowed characters only (the usual case) needs no list
  // of the bad ones. Any character outside the table, a surrogate included, is bad.
  let allAllowed = true;
  for (let i = 0; i < pattern.length && allAllowed; i++) allAllowed = isPathPatternChar(pattern.charCodeAt(i));
  if (allAllowed) return problems;
  const bad = new Set<string>();
  for (const ch of pattern) if (ch.length > 1 || !isPathPatternChar(ch.charCodeAt(0))) bad.add(ch);
  if (bad.size > 0) {
    problems.push(
      `The path pattern contains ${[...bad].slice(0, 5).map((c) => `'${c}'`).join(', ')}; allowed are A–Z, a–z, 0–9 and ${ALB_PATH_PATTERN_SYMBOLS.split('').join(' ')}.`,
    );
  }
  return problems;
}

/** Cheap validity check for the matcher's fast path (no strings built). */
function isValidPattern(pattern: unknown): pattern is string {
  if (typeof pattern !== 'string' || pattern.length === 0 || pattern.length > ALB_PATH_PATTERN_MAX_LENGTH) return false;
  let w = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (!isPathPatternChar(c)) return false;
    if (c === 42 || c === 63) w++;
  }
  return w <= ALB_WILDCARDS_PER_RULE;
}

function checkPattern(pattern: unknown): string {
  if (!isValidPattern(pattern)) fail(`Invalid path pattern ${describeInput(pattern)}: ${validatePathPattern(pattern as string).join(' ')}`);
  return pattern;
}

function checkPath(path: unknown): string {
  if (typeof path !== 'string') fail(`A request path must be text, but got ${describeInput(path)}.`);
  if (path.length > 1_000_000) fail('The request path is over a million characters long; netprep does not match paths that long.');
  return path;
}

/** Glob match: `*` any run of characters (also none), `?` exactly one; everything else literal and case-sensitive. */
function globMatch(pattern: string, path: string): boolean {
  let p = 0;
  let s = 0;
  let star = -1;
  let resume = 0;
  while (s < path.length) {
    const pc = p < pattern.length ? pattern.charCodeAt(p) : -1;
    if (pc === 42) {
      star = p++;
      resume = s;
    } else if (pc === 63 || pc === path.charCodeAt(s)) {
      p++;
      s++;
    } else if (star >= 0) {
      p = star + 1;
      s = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern.charCodeAt(p) === 42) p++;
  return p === pattern.length;
}

/**
 * Whether a request path matches an ALB path pattern (facts row 154): case-sensitive, `*` matches
 * any run of characters (including none), `?` exactly one character, the whole path must match.
 * Pass the path without its query string. An invalid pattern is a CalcError.
 */
export function matchPathPattern(pattern: string, path: string): boolean {
  return globMatch(checkPattern(pattern), checkPath(path));
}

/** The step saying whether one path matches a pattern. */
function pathMatchStep(pattern: string, path: string, result: boolean): Step {
  return {
    text: result ? `'${path}' matches '${pattern}'.` : `'${path}' does not match '${pattern}'.`,
    values: { path, matches: result },
  };
}

/** `matchPathPattern` with the reason as a step. */
export function explainMatchPathPattern(pattern: string, path: string): Explained<boolean> {
  const result = matchPathPattern(pattern, path);
  const w = countWildcards(pattern);
  const steps: Step[] = [
    {
      text:
        w === 0
          ? `'${pattern}' has no wildcards, so the path must equal it exactly, letter case included.`
          : `'${pattern}' has ${w} wildcard${w === 1 ? '' : 's'}: * stands for any run of characters (even none), ? for exactly one; everything else must match exactly, letter case included.`,
      values: { pattern, wildcards: w },
    },
    pathMatchStep(pattern, path, result),
  ];
  return { result, steps };
}

/**
 * Whether each of several paths matches one pattern, with one step per path (the last step of
 * `explainMatchPathPattern` for it). The pattern is checked once; an invalid one is a CalcError.
 */
export function explainPathMatches(pattern: string, paths: readonly string[]): Explained<boolean[]> {
  const p = checkPattern(pattern);
  const result = new Array<boolean>(paths.length);
  const steps = new Array<Step>(paths.length);
  for (let i = 0; i < paths.length; i++) {
    const path = checkPath(paths[i]);
    const hit = globMatch(p, path);
    result[i] = hit;
    steps[i] = pathMatchStep(p, path, hit);
  }
  return { result, steps };
}

/** Listener rule condition types that count toward the per-rule limits (facts rows 153, 155). */
export type AlbConditionField = 'path-pattern' | 'host-header' | 'http-header' | 'query-string' | 'http-request-method' | 'source-ip';
export const ALB_CONDITION_FIELDS: readonly AlbConditionField[] = [
  'path-pattern',
  'host-header',
  'http-header',
  'query-string',
  'http-request-method',
  'source-ip',
];
/** Fields whose values may hold wildcards (facts row 155). */
const WILDCARD_FIELDS: ReadonlySet<AlbConditionField> = new Set(['path-pattern', 'host-header', 'http-header', 'query-string']);

export interface AlbCondition {
  field: AlbConditionField;
  values: string[];
}

/**
 * Problems with one listener rule's conditions (empty list = valid): up to 3 values per
 * condition and 5 match evaluations per rule (facts row 153), at most 5 wildcard characters across
 * the host, path, header and query conditions (row 155), and each path pattern valid (row 154).
 */
export function validateAlbRuleConditions(conditions: AlbCondition[]): string[] {
  const list = checkList<AlbCondition>(conditions, 'The list of rule conditions');
  const problems: string[] = [];
  let evaluations = 0;
  let wildcards = 0;
  for (let i = 0; i < list.length; i++) {
    // Labels as functions: no message text is built unless a check fails.
    const c = checkObject<AlbCondition>(list[i], () => `Condition ${i + 1}`);
    const field = checkOneOf(c.field, () => `The field of condition ${i + 1}`, ALB_CONDITION_FIELDS);
    const values = checkList<string>(c.values, () => `The values of condition ${i + 1}`, 1);
    if (values.length > ALB_VALUES_PER_CONDITION) {
      problems.push(`Condition ${i + 1} (${field}) has ${values.length} values; a condition may have at most ${ALB_VALUES_PER_CONDITION}.`);
    }
    evaluations += values.length;
    for (const v of values) {
      if (typeof v !== 'string') {
        problems.push(`Condition ${i + 1} (${field}) has a value that is not text: ${describeInput(v)}.`);
        continue;
      }
      if (WILDCARD_FIELDS.has(field)) wildcards += countWildcards(v);
      if (field === 'path-pattern') {
        for (const p of patternShapeProblems(v)) problems.push(`Condition ${i + 1}: ${p}`);
      }
    }
  }
  if (evaluations > ALB_MATCH_EVALUATIONS_PER_RULE) {
    problems.push(`The rule has ${evaluations} match values in all; a rule may have at most ${ALB_MATCH_EVALUATIONS_PER_RULE}.`);
  }
  if (wildcards > ALB_WILDCARDS_PER_RULE) {
    problems.push(`The rule has ${wildcards} wildcard characters in all; a rule may have at most ${ALB_WILDCARDS_PER_RULE} (the old limit of 3 per pattern no longer applies).`);
  }
  return problems;
}

/** A listener rule with path-pattern conditions only (values are OR-ed). */
export interface AlbPathRule {
  priority: number;
  pathPatterns: string[];
  /** Where the rule forwards, e.g. a target group name. */
  target: string;
}

export interface AlbRuleDecision {
  /** Priority of the rule that matched, or 'default' for the listener's default rule. */
  priority: number | 'default';
  target: string;
}

function checkRules(rules: unknown, defaultTarget: unknown): AlbPathRule[] {
  const list = checkList<AlbPathRule>(rules, 'The list of listener rules');
  if (typeof defaultTarget !== 'string') fail(`The default rule's target must be text, but got ${describeInput(defaultTarget)}.`);
  const sorted = new Array<AlbPathRule>(list.length);
  for (let i = 0; i < list.length; i++) {
    const r = list[i] as AlbPathRule;
    // The guards run (and build their messages) only when a field is not what the fast test expects.
    if (typeof r !== 'object' || r === null || Array.isArray(r)) checkObject(r, `Listener rule ${i + 1}`);
    if (!Number.isSafeInteger(r.priority) || r.priority < 1) checkInteger(r.priority, `The priority of listener rule ${i + 1}`, 1, Number.MAX_SAFE_INTEGER);
    const pats = r.pathPatterns;
    if (!Array.isArray(pats) || pats.length === 0 || pats.length > ALB_VALUES_PER_CONDITION) {
      checkList(pats, `The path patterns of the rule with priority ${r.priority}`, 1);
    }
    if (pats.length > ALB_VALUES_PER_CONDITION) {
      fail(`The rule with priority ${r.priority} has ${pats.length} path patterns; a condition may have at most ${ALB_VALUES_PER_CONDITION}.`);
    }
    let w = 0;
    for (const p of pats) w += countWildcards(checkPattern(p));
    if (w > ALB_WILDCARDS_PER_RULE) fail(`The rule with priority ${r.priority} has ${w} wildcards; a rule may have at most ${ALB_WILDCARDS_PER_RULE}.`);
    if (typeof r.target !== 'string') fail(`The target of the rule with priority ${r.priority} must be text.`);
    sorted[i] = r;
  }
  sorted.sort((a, b) => a.priority - b.priority);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]?.priority === sorted[i - 1]?.priority) fail(`Two listener rules have priority ${sorted[i]?.priority}; each priority must be unique.`);
  }
  return sorted;
}

function ruleMatches(rule: AlbPathRule, path: string): boolean {
  for (const p of rule.pathPatterns) if (globMatch(p, path)) return true;
  return false;
}

/**
 * Which listener rule handles a request (facts row 151): rules are evaluated from the lowest
 * priority value up, the first whose path patterns match wins, and the default rule goes last.
 * Duplicate priorities are a CalcError.
 */
export function evaluateAlbRules(rules: AlbPathRule[], defaultTarget: string, path: string): AlbRuleDecision {
  const sorted = checkRules(rules, defaultTarget);
  const p = checkPath(path);
  for (const r of sorted) if (ruleMatches(r, p)) return { priority: r.priority, target: r.target };
  return { priority: 'default', target: defaultTarget };
}

/** `evaluateAlbRules` with each rule checked in priority order as a step. */
export function explainEvaluateAlbRules(rules: AlbPathRule[], defaultTarget: string, path: string): Explained<AlbRuleDecision> {
  const sorted = checkRules(rules, defaultTarget);
  const p = checkPath(path);
  const steps: Step[] = [
    {
      text: `Rules in priority order (lowest first): ${sorted.map((r) => r.priority).join(', ') || 'none'}, then the default rule.`,
    },
  ];
  for (const r of sorted) {
    const hit = ruleMatches(r, p);
    steps.push({
      text: hit
        ? `Priority ${r.priority}: '${p}' matches ${r.pathPatterns.map((x) => `'${x}'`).join(' or ')} → forward to ${r.target}. Later rules are not checked.`
        : `Priority ${r.priority}: '${p}' matches none of ${r.pathPatterns.map((x) => `'${x}'`).join(', ')}.`,
      values: { priority: r.priority, matches: hit },
    });
    if (hit) return { result: { priority: r.priority, target: r.target }, steps };
  }
  steps.push({ text: `No rule matched, so the default rule forwards to ${defaultTarget}.` });
  return { result: { priority: 'default', target: defaultTarget }, steps };
}
