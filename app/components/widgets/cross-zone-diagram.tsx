/**
 * SVG picture of cross-zone load balancing: clients at the top, one load balancer node per zone,
 * and each zone's targets labelled with the share of all traffic the core gave them. Cross-zone
 * off: each node feeds only its own zone; on: every node feeds every zone with targets.
 */
import { useId } from 'react';
import { formatPercent } from './widget-parts';

const COL = 124;
const MIN_WIDTH = 2 * COL;
const CLIENTS = { y: 8, h: 36 };
const ZONE_TOP = 62;
const NODE = { y: 90, h: 44, inset: 16 };
const TARGETS_TOP = 160;
const TARGET = { w: 52, h: 26, gap: 6, perRow: 2 };

export interface CrossZoneDiagramProps {
  counts: number[];
  crossZone: boolean;
  /** Per zone: % of clients its node receives, and % each of its targets receives (null: no result). */
  nodeShares: number[] | null;
  targetShares: number[] | null;
  /** The text alternative: the numbers the picture shows, in words. */
  label: string;
  zoneName: (index: number) => string;
}

export function CrossZoneDiagram({ counts, crossZone, nodeShares, targetShares, label, zoneName }: CrossZoneDiagramProps) {
  const markerId = `cz-arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const rows = Math.max(1, ...counts.map((n) => Math.ceil(n / TARGET.perRow)));
  const width = Math.max(MIN_WIDTH, counts.length * COL);
  const height = TARGETS_TOP + rows * (TARGET.h + TARGET.gap) + 14;
  const left = (width - counts.length * COL) / 2;
  const centre = (zone: number) => left + zone * COL + COL / 2;
  const clientsW = Math.min(220, width - 16);
  const share = (list: number[] | null, i: number) => (list ? formatPercent(list[i] ?? 0) : '—');
  const receives = (i: number) => nodeShares !== null && (nodeShares[i] ?? 0) > 0;

  return (
    <svg className="cz-svg" role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`} focusable="false">
      <defs>
        <marker id={markerId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" className="cz-arrowhead" />
        </marker>
      </defs>

      <rect className="cz-clients" x={width / 2 - clientsW / 2} y={CLIENTS.y} width={clientsW} height={CLIENTS.h} rx="6" />
      <text x={width / 2} y={CLIENTS.y + CLIENTS.h / 2 + 4} textAnchor="middle" className="cz-strong">
        Clients
      </text>

      {counts.map((n, i) => {
        const x = left + i * COL;
        const cx = centre(i);
        return (
          <g key={`zone-${i}`}>
            <rect className="cz-zone" x={x + 5} y={ZONE_TOP} width={COL - 10} height={height - ZONE_TOP - 6} rx="8" />
            <text x={x + 12} y={ZONE_TOP + 16} className="cz-small">
              {zoneName(i)}
            </text>
            {receives(i) && (
              <line className="cz-link" x1={width / 2} y1={CLIENTS.y + CLIENTS.h} x2={cx} y2={NODE.y - 2} markerEnd={`url(#${markerId})`} />
            )}
            <rect
              className={receives(i) ? 'cz-node' : 'cz-node is-idle'}
              x={x + NODE.inset}
              y={NODE.y}
              width={COL - 2 * NODE.inset}
              height={NODE.h}
              rx="6"
            />
            <text x={cx} y={NODE.y + 18} textAnchor="middle" className="cz-small">
              LB node
            </text>
            <text x={cx} y={NODE.y + 35} textAnchor="middle" className="cz-strong">
              {share(nodeShares, i)}
            </text>
            {n === 0 && (
              <text x={cx} y={TARGETS_TOP + 16} textAnchor="middle" className="cz-small cz-muted">
                no targets
              </text>
            )}
            {Array.from({ length: n }, (_, t) => {
              const row = Math.floor(t / TARGET.perRow);
              const inRow = Math.min(TARGET.perRow, n - row * TARGET.perRow);
              const rowW = inRow * TARGET.w + (inRow - 1) * TARGET.gap;
              const tx = cx - rowW / 2 + (t % TARGET.perRow) * (TARGET.w + TARGET.gap);
              const ty = TARGETS_TOP + row * (TARGET.h + TARGET.gap);
              return (
                <g key={t} className="cz-target" data-zone={i}>
                  <rect x={tx} y={ty} width={TARGET.w} height={TARGET.h} rx="4" />
                  <text x={tx + TARGET.w / 2} y={ty + TARGET.h / 2 + 4} textAnchor="middle" className="cz-small">
                    {share(targetShares, i)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}

      {counts.map((_, from) =>
        counts.map((n, to) => {
          if (n === 0 || !receives(from) || (!crossZone && from !== to)) return null;
          return (
            <line
              key={`feed-${from}-${to}`}
              className={from === to ? 'cz-link' : 'cz-link is-cross'}
              x1={centre(from)}
              y1={NODE.y + NODE.h}
              x2={centre(to)}
              y2={TARGETS_TOP - 4}
              markerEnd={`url(#${markerId})`}
            />
          );
        }),
      )}
    </svg>
  );
}
