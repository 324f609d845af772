import Link from "next/link";

/**
 * Customer messages by weekday and hour, as a grid of shaded cells (server-rendered; each cell has its count and,
 * when it counts any, opens the conversations behind it).
 */
export function Heatmap({
  data,
  weekdays,
  label,
  href,
}: {
  data: number[][];
  weekdays: string[];
  label: (day: string, hour: number, n: number) => string;
  href: (weekday: number, hour: number) => string;
}) {
  const max = Math.max(1, ...data.flat());
  return (
    <div className="overflow-x-auto" data-testid="chart-heatmap">
      <table className="border-separate border-spacing-0.5 text-[10px]">
        <thead>
          <tr>
            <th />
            {Array.from({ length: 24 }, (_, h) => (
              <th key={h} scope="col" className="w-5 font-normal text-muted-foreground">
                {h % 3 === 0 ? h : ""}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.map((row, d) => (
            <tr key={d}>
              <th scope="row" className="pr-2 text-right font-normal text-muted-foreground">
                {weekdays[d]}
              </th>
              {row.map((n, h) => (
                <td key={h} className="h-5 w-5 p-0">
                  {n === 0 ? (
                    <span
                      title={label(weekdays[d]!, h, n)}
                      aria-label={label(weekdays[d]!, h, n)}
                      className="block h-5 w-5 rounded-sm bg-primary opacity-[0.06]"
                    />
                  ) : (
                    <Link
                      href={href(d, h)}
                      title={label(weekdays[d]!, h, n)}
                      aria-label={label(weekdays[d]!, h, n)}
                      data-testid="heatmap-cell"
                      className="block h-5 w-5 rounded-sm bg-primary focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                      style={{ opacity: 0.15 + 0.85 * (n / max) }}
                    />
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
