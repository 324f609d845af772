import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";

export type Column<Row> = {
  key: string;
  header?: React.ReactNode;
  cell: (row: Row) => React.ReactNode;
  /** Numbers and actions sit on the right. */
  align?: "right";
  className?: string;
};

/**
 * A server-rendered table: columns as data, one row per item, and a line of its own when there are none. Wide tables
 * scroll inside their card on a phone (the table primitive's own overflow), never the page.
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  empty,
  rowTestId,
}: {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  empty?: React.ReactNode;
  rowTestId?: (row: Row) => string;
}) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          {columns.map((c) => (
            <TableHead key={c.key} className={cn(c.align === "right" && "text-right")}>
              {c.header}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.length === 0 && empty ? (
          <TableRow>
            <TableCell colSpan={columns.length} className="py-10 text-center text-muted-foreground">
              {empty}
            </TableCell>
          </TableRow>
        ) : null}
        {rows.map((row) => (
          <TableRow key={rowKey(row)} data-testid={rowTestId?.(row)}>
            {columns.map((c) => (
              <TableCell key={c.key} className={cn(c.align === "right" && "text-right", c.className)}>
                {c.cell(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** A card holding a table: an optional title and description above, the table edge to edge. */
export function TableCard({
  title,
  description,
  children,
  ...props
}: { title?: React.ReactNode; description?: React.ReactNode; children: React.ReactNode } & Omit<
  React.ComponentProps<typeof Card>,
  "title"
>) {
  return (
    <Card {...props}>
      {title || description ? (
        <CardHeader>
          {title ? <CardTitle className="text-base">{title}</CardTitle> : null}
          {description ? <CardDescription>{description}</CardDescription> : null}
        </CardHeader>
      ) : null}
      <CardContent className="p-0">{children}</CardContent>
    </Card>
  );
}
