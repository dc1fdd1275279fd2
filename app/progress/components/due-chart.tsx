'use client';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { DueDay } from '@/lib/practice/progress';
import { formatDayShort, formatWeekday, plural } from '../format';

/** Reviews due on each of the next days (today includes overdue cards). */
export function DueChart({ data, title }: { data: DueDay[]; title: string }) {
  return (
    <div className="chart-box">
      <BarChart responsive data={data} title={title} style={{ width: '100%', height: 220 }} margin={{ top: 10, right: 12, bottom: 0, left: -12 }}>
        <CartesianGrid vertical={false} />
        <XAxis dataKey="day" tickFormatter={formatWeekday} minTickGap={12} tickMargin={6} />
        <YAxis allowDecimals={false} width={52} />
        <Tooltip
          labelFormatter={(day) => formatDayShort(String(day))}
          formatter={(value) => [plural(Number(value), 'review'), 'Due']}
          cursor={{ fill: 'var(--bg-soft)' }}
          contentStyle={{ background: 'var(--bg)', border: '1px solid var(--border)', borderRadius: 8, color: 'var(--fg)' }}
        />
        <Bar dataKey="count" name="Due" className="chart-bar" fill="currentColor" isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
