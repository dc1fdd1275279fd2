'use client';
/**
 * Network ACL playground: an editable rule table and a packet, evaluated live by lib/calc/nacl.
 * Shows the rule that decided (or the implicit deny '*') and the core's step-by-step reasons.
 */
import { useEffect, useId, useRef, useState } from 'react';
import {
  DEFAULT_PACKET,
  DEFAULT_RULES,
  evaluatePlayground,
  newRow,
  packetFormFrom,
  rowsFromRules,
  verdictText,
  type PacketForm,
  type RuleRow,
} from './nacl-form';
import { PacketFields } from './nacl-packet-form';
import { RuleTable, ruleNumberId } from './nacl-rule-table';
import { WidgetFrame, WorkedSteps } from './widget-parts';

export function NaclPlayground({ rules, packet }: { rules?: readonly unknown[]; packet?: unknown }) {
  const id = useId();
  const [rows, setRows] = useState<RuleRow[]>(() => rowsFromRules(rules ?? DEFAULT_RULES, (i) => `r${i}`));
  const [form, setForm] = useState<PacketForm>(() => packetFormFrom(packet ?? DEFAULT_PACKET));
  const added = useRef(0);
  const focusRow = useRef<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const verdictRef = useRef<HTMLParagraphElement>(null);

  // A newly added row takes the focus once it exists.
  useEffect(() => {
    if (focusRow.current === null) return;
    document.getElementById(ruleNumberId(`${id}-rules`, focusRow.current))?.focus();
    focusRow.current = null;
  });

  const view = evaluatePlayground(rows, form);
  const decision = view.outcome?.ok ? view.outcome.value.result : null;
  const verdict = decision
    ? verdictText(decision)
    : view.outcome && !view.outcome.ok
      ? view.outcome.error
      : 'No verdict yet: fix the errors shown in the rules or the packet.';

  function changeRow(key: string, change: Partial<RuleRow>) {
    setRows((current) => current.map((r) => (r.key === key ? { ...r, ...change } : r)));
  }
  function addRow() {
    added.current += 1;
    const key = `n${added.current}`;
    focusRow.current = key;
    setRows((current) => [...current, newRow(key, current)]);
  }
  function removeRow(key: string) {
    setRows((current) => current.filter((r) => r.key !== key));
    // The pressed button goes away with its row.
    addButton.current?.focus();
  }

  return (
    <WidgetFrame title="Network ACL playground" testId="widget-nacl">
      <RuleTable
        idPrefix={`${id}-rules`}
        rows={rows}
        rowErrors={view.rowErrors}
        matchedRow={view.matchedRow}
        implicitDenyMatched={decision?.ruleNumber === '*'}
        onChange={changeRow}
        onRemove={removeRow}
      />
      <p>
        <button ref={addButton} type="button" className="secondary" onClick={addRow}>
          Add rule
        </button>
      </p>

      {/* The verdict is always current; Evaluate moves the focus to it so it is read out. */}
      <PacketFields
        idPrefix={`${id}-packet`}
        form={form}
        check={view.packet}
        onChange={setForm}
        onEvaluate={() => verdictRef.current?.focus()}
      />

      <div className="widget-result" aria-live="polite">
        <p
          ref={verdictRef}
          tabIndex={-1}
          data-testid="nacl-verdict"
          className={`nacl-verdict ${decision ? `is-${decision.action}` : 'is-none'}`}
        >
          {verdict}
        </p>
      </div>

      {view.outcome?.ok && <WorkedSteps groups={[{ title: 'Rule by rule', steps: view.outcome.value.steps }]} />}
    </WidgetFrame>
  );
}
