"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type TrajectoryPoint = { label: string; sentiment: number };

/** The customer's sentiment message by message; the dashed lines mark the neutral band. */
export function SentimentTrajectory({ points, title }: { points: TrajectoryPoint[]; title: string }) {
  return (
    <figure aria-label={title} className="h-48 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} />
          <YAxis domain={[-1, 1]} ticks={[-1, -0.5, 0, 0.5, 1]} tick={{ fontSize: 11 }} />
          <ReferenceLine y={0.1} strokeDasharray="4 4" className="stroke-muted-foreground" />
          <ReferenceLine y={-0.1} strokeDasharray="4 4" className="stroke-muted-foreground" />
          <Tooltip />
          <Line
            type="monotone"
            dataKey="sentiment"
            stroke="var(--color-primary, #0f766e)"
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
