'use client';
/**
 * CIDR calculator: a block's size, its usable addresses as an AWS subnet (or why it cannot be
 * one), the five reserved addresses, and a split into smaller subnets, with the core's worked steps.
 */
import { useId, useState } from 'react';
import { defaultSplitPrefix, describeCidr, describeSplit, SPLIT_SHOWN, type CidrView, type SplitView } from './cidr-view';
import { attempt, describedBy, FieldError, formatCount, readNumber, WidgetFrame, WorkedSteps, type Attempt } from './widget-parts';

const DEFAULT_CIDR = '10.0.0.0/24';

export function CidrCalculator({ cidr }: { cidr?: string }) {
  const id = useId();
  const [text, setText] = useState(cidr ?? DEFAULT_CIDR);
  // null until the student picks a split size; until then it follows the block.
  const [splitText, setSplitText] = useState<string | null>(null);

  const view = attempt(() => describeCidr(text.trim()));
  const block = view.ok ? view.value.block : null;
  const splitShown = splitText ?? (block ? String(defaultSplitPrefix(block)) : '');
  const split = block ? splitFor(text.trim(), block.version, splitShown) : null;

  const ids = {
    input: `${id}-cidr`,
    hint: `${id}-cidr-hint`,
    error: `${id}-cidr-error`,
    split: `${id}-split`,
    splitError: `${id}-split-error`,
  };
  const cidrError = view.ok ? null : view.error;
  const splitError = split && !split.ok ? split.error : null;

  return (
    <WidgetFrame title="CIDR calculator" testId="widget-cidr">
      <div className="widget-field">
        <label htmlFor={ids.input}>CIDR block</label>
        <input
          id={ids.input}
          type="text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          aria-invalid={cidrError !== null}
          aria-describedby={describedBy(ids.hint, cidrError !== null && ids.error)}
        />
        <p id={ids.hint} className="hint">
          IPv4 or IPv6, for example 10.0.0.0/24 or 2001:db8::/56.
        </p>
        <FieldError id={ids.error} message={cidrError} />
      </div>

      <div className="widget-result" aria-live="polite">
        {view.ok ? <Summary view={view.value} /> : <p className="muted">Enter a valid CIDR block to see its addresses.</p>}
      </div>

      {view.ok && <ReservedTable view={view.value} />}

      {view.ok && (
        <div className="widget-field widget-inline">
          <label htmlFor={ids.split}>Split into subnets of /</label>
          <input
            id={ids.split}
            className="widget-narrow"
            type="text"
            inputMode="numeric"
            value={splitShown}
            onChange={(e) => setSplitText(e.target.value)}
            autoComplete="off"
            aria-invalid={splitError !== null}
            aria-describedby={describedBy(splitError !== null && ids.splitError)}
          />
          <FieldError id={ids.splitError} message={splitError} />
        </div>
      )}
      {split?.ok && <SplitTable split={split.value} />}

      {view.ok && (
        <WorkedSteps
          groups={[
            { title: 'Address range', steps: view.value.rangeSteps },
            { title: 'Size', steps: view.value.usable.ok ? view.value.usable.value.steps : view.value.totalSteps },
            { title: 'Reserved addresses', steps: view.value.reserved.ok ? view.value.reserved.value.steps : [] },
            { title: `Split into /${splitShown}`, steps: split?.ok ? split.value.split.steps : [] },
          ]}
        />
      )}
    </WidgetFrame>
  );
}

function splitFor(text: string, version: 4 | 6, prefixText: string): Attempt<SplitView> {
  const prefix = readNumber(prefixText);
  if (prefix.kind === 'empty') return { ok: false, error: 'Enter a prefix length to split into, such as 26.' };
  if (prefix.kind === 'junk') return { ok: false, error: `'${prefix.text}' is not a number; enter a prefix length such as 26.` };
  return attempt(() => describeSplit(text, version, prefix.value));
}

function Summary({ view }: { view: CidrView }) {
  const { block, usable } = view;
  return (
    <dl className="widget-facts">
      <div>
        <dt>Block</dt>
        <dd>
          {block.network}/{block.prefix} (IPv{block.version})
        </dd>
      </div>
      <div>
        <dt>Range</dt>
        <dd className="widget-address">
          {view.first} – {view.last}
        </dd>
      </div>
      <div>
        <dt>Total addresses</dt>
        <dd>{formatCount(view.total)}</dd>
      </div>
      <div>
        <dt>Usable in an AWS subnet</dt>
        <dd>{usable.ok ? formatCount(usable.value.result) : <span className="widget-note">Cannot be a subnet: {usable.error}</span>}</dd>
      </div>
    </dl>
  );
}

function ReservedTable({ view }: { view: CidrView }) {
  const captionId = useId();
  if (!view.reserved.ok) return null;
  return (
    <div className="widget-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="widget-table">
        <caption id={captionId}>
          The {view.reserved.value.result.length} addresses AWS reserves in {`${view.block.network}/${view.block.prefix}`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Address</th>
            <th scope="col">Purpose</th>
          </tr>
        </thead>
        <tbody>
          {view.reserved.value.result.map((r) => (
            <tr key={r.address}>
              <td className="widget-address">{r.address}</td>
              <td>{r.purpose}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SplitTable({ split }: { split: SplitView }) {
  const captionId = useId();
  const { count, truncated } = split.split.result;
  const refused = split.rows.find((r) => !r.usable.ok);
  return (
    <>
      <div className="widget-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="widget-table">
          <caption id={captionId}>
            {formatCount(count)} subnet{count === 1n ? '' : 's'} of /{split.prefix}
            {truncated ? ` (the first ${SPLIT_SHOWN} are listed)` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Subnet</th>
              <th scope="col">Usable IPs</th>
            </tr>
          </thead>
          <tbody>
            {split.rows.map((row, i) => (
              <tr key={row.subnet}>
                <td>{i + 1}</td>
                <td className="widget-address">{row.subnet}</td>
                <td>{row.usable.ok ? formatCount(row.usable.value) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {refused && !refused.usable.ok && <p className="widget-note">No usable count: {refused.usable.error}</p>}
    </>
  );
}
