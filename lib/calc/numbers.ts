/**
 * Number text for worked steps and messages. Internal helper of the core (not in the barrel).
 */

/**
 * A whole number with thousands separators, the same text as `n.toLocaleString('en-US')`
 * (65,536; -1,000) without a call into Intl. Anything but a safe integer (fractions, -0, huge
 * or non-finite numbers) still goes through toLocaleString.
 */
export function thousands(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-US');
  const digits = String(n < 0 ? -n : n);
  if (digits.length <= 3) return n < 0 ? `-${digits}` : digits;
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}
