'use client';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { AccuracyDay } from '@/lib/practice/progress';
import { formatDayShort, plural } from '../format';

/** Percent right per day; a day without answers is a gap in the line, not a 0. */
export function AccuracyChart({ data, title }: { data: AccuracyDay[]; title: string }) {
  return (
    <div className="chart-box">
      <LineChart responsive data={data} title={title} style={{ width: '100%', height: 240 }} margin={{ top: 10, right: 12, bottom: 0, left: -12 }}>
        <CartesianGrid vertical={false} />
        <XAxis dataKey="day" tickFormatter={formatDayShort} minTickGap={24} tickMargin={6} />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" width={52} />
        <Tooltip
          labelFormatter={(day) => formatDayShort(String(day))}
          formatter={(value, _name, item) => {
            const attempts = (item.payload as AccuracyDay | undefined)?.attempts ?? 0;
            return [`${String(value)} % of ${plural(attempts, 'answer')}`, 'Right'];
          }}
          contentStyle={{ background: 'var(--bg)', border: '1px solid var(--border)', borderRadius: 8, color: 'var(--fg)' }}
        />
        <Line type="linear" dataKey="accuracy" name="Right" className="chart-line" stroke="currentColor" strokeWidth={2} dot={{ r: 2.5, fill: 'currentColor' }} connectNulls={false} isAnimationActive={false} />
      </LineChart>
    </div>
  );
}
