'use client';
/**
 * Cross-zone load balancing calculator: targets per zone and the cross-zone switch in, each LB
 * node's share and each target's share out (computed by lib/calc/load-balancing), drawn as a
 * diagram and explained with the core's worked steps.
 */
import { useId, useRef, useState } from 'react';
import { explainCrossZoneTargetShares, lbNodeShares } from '@/lib/calc/load-balancing';
import { CrossZoneDiagram } from './cross-zone-diagram';
import { attempt, formatPercent, WidgetFrame, WorkedSteps } from './widget-parts';

/** What the widget lets a student set up (the core accepts more; the picture stays readable). */
export const CROSS_ZONE_LIMITS = { minZones: 1, maxZones: 6, minTargets: 0, maxTargets: 20 } as const;
const DEFAULT_TARGETS = [2, 8];
const NEW_ZONE_TARGETS = 2;

/** Zone names as the core's steps write them: zone A, B, C … */
export function zoneName(index: number): string {
  return `zone ${String.fromCharCode(65 + index)}`;
}

const clampTargets = (n: number) => Math.min(CROSS_ZONE_LIMITS.maxTargets, Math.max(CROSS_ZONE_LIMITS.minTargets, Math.trunc(n)));

/** A lesson's starting set-up, brought within the widget's limits (at most 6 zones of 0–20 targets). */
function initialCounts(targetsPerZone: number[] | undefined): number[] {
  const start = targetsPerZone && targetsPerZone.length > 0 ? targetsPerZone : DEFAULT_TARGETS;
  return start.slice(0, CROSS_ZONE_LIMITS.maxZones).map(clampTargets);
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const targetsText = (n: number) => `${n} target${n === 1 ? '' : 's'}`;

/** The result in one sentence, e.g. "Cross-zone off: each target in zone A gets 25 %, …". */
function sharesSummary(counts: number[], on: boolean, targetShares: number[]): string {
  const zones = counts.map((n, i) =>
    n === 0 ? `${zoneName(i)} has no targets` : `each target in ${zoneName(i)} gets ${formatPercent(targetShares[i] ?? 0)}`,
  );
  return `Cross-zone ${on ? 'on' : 'off'}: ${zones.join(', ')}.`;
}

/** The diagram's text alternative: every number it shows, zone by zone. */
function diagramLabel(counts: number[], on: boolean, nodeShares: number[] | null, targetShares: number[] | null): string {
  const zones = counts.map((n, i) => {
    const zone = capital(zoneName(i));
    if (!nodeShares || !targetShares) return `${zone}: ${targetsText(n)}`;
    const targets = n === 0 ? 'no targets' : `${targetsText(n)} at ${formatPercent(targetShares[i] ?? 0)} each`;
    return `${zone}: its node gets ${formatPercent(nodeShares[i] ?? 0)} of the clients; ${targets}`;
  });
  const setUp = `clients are spread over one load balancer node per zone; cross-zone load balancing is ${on ? 'on' : 'off'}`;
  return `Diagram: ${setUp}. ${zones.join('. ')}.`;
}

export function CrossZoneCalculator({ targetsPerZone, crossZone }: { targetsPerZone?: number[]; crossZone?: boolean }) {
  const [counts, setCounts] = useState(() => initialCounts(targetsPerZone));
  const [on, setOn] = useState(crossZone ?? false);
  const addZoneButton = useRef<HTMLButtonElement>(null);

  const shares = attempt(() => ({ explained: explainCrossZoneTargetShares(counts, on), nodes: lbNodeShares(counts) }));
  const nodeShares = shares.ok ? shares.value.nodes : null;
  const targetShares = shares.ok ? shares.value.explained.result : null;
  const canAddZone = counts.length < CROSS_ZONE_LIMITS.maxZones;
  const canRemoveZone = counts.length > CROSS_ZONE_LIMITS.minZones;

  function changeTargets(zone: number, delta: number) {
    setCounts((current) => current.map((n, i) => (i === zone ? clampTargets(n + delta) : n)));
  }
  function addZone() {
    if (canAddZone) setCounts((current) => [...current, NEW_ZONE_TARGETS]);
  }
  function removeZone(zone: number) {
    if (!canRemoveZone) return;
    setCounts((current) => current.filter((_, i) => i !== zone));
    // The pressed button goes away with its zone; keep the keyboard user in the zone controls.
    addZoneButton.current?.focus();
  }

  const summary = shares.ok && targetShares ? sharesSummary(counts, on, targetShares) : 'No traffic shares to show.';
  const label = diagramLabel(counts, on, nodeShares, targetShares);

  return (
    <WidgetFrame title="Cross-zone load balancing calculator" testId="widget-cross-zone">
      <div className="widget-controls">
        <label className="widget-switch">
          <input type="checkbox" role="switch" checked={on} onChange={(e) => setOn(e.target.checked)} />
          Cross-zone load balancing
          <span className="widget-switch-state" aria-hidden="true">
            {on ? 'On' : 'Off'}
          </span>
        </label>

        <fieldset className="widget-zones">
          <legend>Targets per zone</legend>
          <ul>
            {counts.map((n, i) => (
              <li key={i} className="widget-zone">
                <span className="widget-zone-name">
                  {capital(zoneName(i))}
                </span>
                <button
                  type="button"
                  className="secondary widget-icon-button"
                  aria-label={`Remove a target from ${zoneName(i)}`}
                  aria-disabled={n <= CROSS_ZONE_LIMITS.minTargets}
                  onClick={() => changeTargets(i, -1)}
                >
                  −
                </button>
                <span className="widget-zone-count">{targetsText(n)}</span>
                <button
                  type="button"
                  className="secondary widget-icon-button"
                  aria-label={`Add a target to ${zoneName(i)}`}
                  aria-disabled={n >= CROSS_ZONE_LIMITS.maxTargets}
                  onClick={() => changeTargets(i, 1)}
                >
                  +
                </button>
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Remove ${zoneName(i)}`}
                  aria-disabled={!canRemoveZone}
                  onClick={() => removeZone(i)}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
          <button ref={addZoneButton} type="button" className="secondary" aria-disabled={!canAddZone} onClick={addZone}>
            Add zone
          </button>
          <p className="hint">
            {CROSS_ZONE_LIMITS.minZones}–{CROSS_ZONE_LIMITS.maxZones} zones,{' '}
            {CROSS_ZONE_LIMITS.minTargets}–{CROSS_ZONE_LIMITS.maxTargets} targets each.
          </p>
        </fieldset>
        {!shares.ok && (
          <p className="field-error widget-error" role="alert">
            {shares.error}
          </p>
        )}
      </div>

      <p className="widget-result" aria-live="polite">
        {summary}
      </p>

      <div className="widget-diagram" role="region" aria-label="Traffic diagram" tabIndex={0}>
        <CrossZoneDiagram
          counts={counts}
          crossZone={on}
          nodeShares={nodeShares}
          targetShares={targetShares}
          label={label}
          zoneName={(i) => capital(zoneName(i))}
        />
      </div>

      {shares.ok && nodeShares && targetShares && (
        <SharesTable counts={counts} nodeShares={nodeShares} targetShares={targetShares} />
      )}

      {shares.ok && <WorkedSteps groups={[{ title: `Cross-zone ${on ? 'on' : 'off'}`, steps: shares.value.explained.steps }]} />}
    </WidgetFrame>
  );
}

function SharesTable({ counts, nodeShares, targetShares }: { counts: number[]; nodeShares: number[]; targetShares: number[] }) {
  const captionId = useId();
  return (
    <div className="widget-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="widget-table">
        <caption id={captionId}>Share of all client traffic</caption>
        <thead>
          <tr>
            <th scope="col">Zone</th>
            <th scope="col">Targets</th>
            <th scope="col">LB node</th>
            <th scope="col">Each target</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((n, i) => (
            <tr key={i}>
              <th scope="row">{capital(zoneName(i))}</th>
              <td>{n}</td>
              <td>{formatPercent(nodeShares[i] ?? 0)}</td>
              <td>{n === 0 ? '—' : formatPercent(targetShares[i] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
