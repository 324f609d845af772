"use client";

import { useRouter } from "next/navigation";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type VolumePoint = {
  day: string;
  label: string;
  received: number;
  sent: number | null;
  avgSentiment: number | null;
  href: string;
};
export type BarPoint = { key: string; label: string; value: number; href: string };

const COLORS = { received: "#0f766e", sent: "#94a3b8", sentiment: "#f59e0b", bar: "#0f766e" };

/** Daily received/sent bars with the day's average sentiment; a click opens that day's conversations. */
export function VolumeChart({
  data,
  labels,
}: {
  data: VolumePoint[];
  labels: { received: string; sent: string; sentiment: string };
}) {
  const router = useRouter();
  const open = (entry: { payload?: VolumePoint }) => {
    if (entry.payload) router.push(entry.payload.href);
  };
  return (
    <div className="h-72 w-full" data-testid="chart-volume">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -12 }}>
          <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} />
          <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: 11 }} />
          <YAxis yAxisId="sentiment" orientation="right" domain={[-1, 1]} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend />
          <Bar
            yAxisId="count"
            dataKey="received"
            name={labels.received}
            fill={COLORS.received}
            cursor="pointer"
            isAnimationActive={false}
            onClick={open}
          />
          {/* No sent bars under an emotion filter: the business's messages carry no emotion. */}
          {data.some((d) => d.sent !== null) ? (
            <Bar
              yAxisId="count"
              dataKey="sent"
              name={labels.sent}
              fill={COLORS.sent}
              cursor="pointer"
              isAnimationActive={false}
              onClick={open}
            />
          ) : null}
          <Line
            yAxisId="sentiment"
            dataKey="avgSentiment"
            name={labels.sentiment}
            stroke={COLORS.sentiment}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

/** A distribution as bars; each bar opens the conversations it counts. */
export function DistributionChart({
  data,
  testId,
  vertical = false,
}: {
  data: BarPoint[];
  testId: string;
  vertical?: boolean;
}) {
  const router = useRouter();
  return (
    <div className="h-56 w-full" data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data}
          layout={vertical ? "vertical" : "horizontal"}
          margin={{ top: 8, right: 8, bottom: 0, left: vertical ? 24 : -12 }}
        >
          <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
          {vertical ? (
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
          ) : (
            <XAxis dataKey="label" tick={{ fontSize: 11 }} />
          )}
          {vertical ? (
            <YAxis type="category" dataKey="label" tick={{ fontSize: 11 }} width={90} />
          ) : (
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          )}
          <Tooltip />
          <Bar
            dataKey="value"
            fill={COLORS.bar}
            cursor="pointer"
            isAnimationActive={false}
            onClick={(entry: { payload?: BarPoint }) => entry.payload && router.push(entry.payload.href)}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
