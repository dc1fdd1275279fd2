/**
 * The NACL playground's editable rule table: one row per rule, the row's problems right under it,
 * the rule that decided highlighted, and the built-in '*' deny as the last row.
 */
import type { ReactNode } from 'react';
import { NACL_ACTIONS, NACL_PROTOCOLS, type NaclProtocol } from '@/lib/calc/nacl';
import { oneOf, takesPorts, type RuleRow } from './nacl-form';
import { describedBy } from './widget-parts';

const TYPE_LABELS: Record<NaclProtocol, string> = { tcp: 'Custom TCP', udp: 'Custom UDP', icmp: 'All ICMP', all: 'All traffic' };

export interface RuleTableProps {
  idPrefix: string;
  rows: RuleRow[];
  rowErrors: string[][];
  matchedRow: number | undefined;
  implicitDenyMatched: boolean;
  onChange: (key: string, change: Partial<RuleRow>) => void;
  onRemove: (key: string) => void;
}

/** The id of a row's rule-number field, so a new row can take the focus. */
export const ruleNumberId = (idPrefix: string, key: string) => `${idPrefix}-${key}-number`;

export function RuleTable({ idPrefix, rows, rowErrors, matchedRow, implicitDenyMatched, onChange, onRemove }: RuleTableProps) {
  const captionId = `${idPrefix}-caption`;
  const badge = <span className="nacl-badge">Matched</span>;
  return (
    <div className="widget-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="widget-table nacl-table">
        <caption id={captionId}>Rules, checked lowest number first</caption>
        <thead>
          <tr>
            <th scope="col">Rule #</th>
            <th scope="col">Allow / deny</th>
            <th scope="col">Type</th>
            <th scope="col">Port range</th>
            <th scope="col">CIDR block</th>
            <th scope="col">
              <span className="visually-hidden">Match and remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            // Field names avoid "port" and "protocol" so the packet form's labels stay unique.
            const name = `Row ${i + 1}`;
            const errors = rowErrors[i] ?? [];
            const errorId = `${idPrefix}-${row.key}-error`;
            const invalid = errors.length > 0;
            const common = { 'aria-invalid': invalid, 'aria-describedby': describedBy(invalid && errorId), autoComplete: 'off' };
            const matched = matchedRow === i;
            const set = (change: Partial<RuleRow>) => onChange(row.key, change);
            return (
              <RowWithErrors key={row.key} errors={errors} errorId={errorId}>
                <tr className={matched ? `is-match is-${row.action}` : undefined}>
                  <td>
                    <input
                      id={ruleNumberId(idPrefix, row.key)}
                      className="nacl-number"
                      inputMode="numeric"
                      aria-label={`${name} rule number`}
                      value={row.ruleNumber}
                      onChange={(e) => set({ ruleNumber: e.target.value })}
                      {...common}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={`${name} allow or deny`}
                      value={row.action}
                      onChange={(e) => set({ action: oneOf(e.target.value, NACL_ACTIONS, row.action) })}
                      {...common}
                    >
                      <option value="allow">Allow</option>
                      <option value="deny">Deny</option>
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={`${name} type`}
                      value={row.protocol}
                      onChange={(e) => set({ protocol: oneOf(e.target.value, NACL_PROTOCOLS, row.protocol) })}
                      {...common}
                    >
                      {NACL_PROTOCOLS.map((p) => (
                        <option key={p} value={p}>
                          {TYPE_LABELS[p]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {takesPorts(row.protocol) ? (
                      <span className="nacl-range">
                        <input
                          inputMode="numeric"
                          aria-label={`${name} range from`}
                          value={row.fromPort}
                          onChange={(e) => set({ fromPort: e.target.value })}
                          {...common}
                        />
                        <span aria-hidden="true">–</span>
                        <input
                          inputMode="numeric"
                          aria-label={`${name} range to`}
                          value={row.toPort}
                          onChange={(e) => set({ toPort: e.target.value })}
                          {...common}
                        />
                      </span>
                    ) : (
                      <span className="nacl-static">All</span>
                    )}
                  </td>
                  <td>
                    <input
                      className="nacl-cidr"
                      autoCapitalize="off"
                      spellCheck={false}
                      aria-label={`${name} CIDR block`}
                      value={row.cidr}
                      onChange={(e) => set({ cidr: e.target.value })}
                      {...common}
                    />
                  </td>
                  <td>
                    <span className="nacl-row-end">
                      {matched && badge}
                      <button type="button" className="link-button" aria-label={`Remove row ${i + 1}`} onClick={() => onRemove(row.key)}>
                        Remove
                      </button>
                    </span>
                  </td>
                </tr>
              </RowWithErrors>
            );
          })}
          <tr className={implicitDenyMatched ? 'is-match is-deny' : undefined}>
            {['*', 'Deny', 'All traffic', 'All', '0.0.0.0/0, ::/0'].map((text) => (
              <td key={text}>
                <span className="nacl-static">{text}</span>
              </td>
            ))}
            <td>
              <span className="nacl-row-end">{implicitDenyMatched && badge}</span>
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** A rule's row, followed by a row holding its problems while it has any. */
function RowWithErrors({ errors, errorId, children }: { errors: string[]; errorId: string; children: ReactNode }) {
  return (
    <>
      {children}
      {errors.length > 0 && (
        <tr className="nacl-row-error">
          <td colSpan={6}>
            <div id={errorId} role="alert" className="field-error widget-error">
              {errors.map((message, i) => (
                <p key={i}>{message}</p>
              ))}
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
