"use client";

import {
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortingState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export type ConversationRow = {
  id: string;
  contact: string;
  phoneMasked: string | null;
  connectionName: string;
  lastMessageAt: string | null;
  messageCount: number;
  avgSentiment: number | null;
  avgSatisfaction: number | null;
  trend: "recovered" | "deteriorated" | null;
};

type Strings = Record<
  | "contact"
  | "connection"
  | "last"
  | "messages"
  | "sentiment"
  | "satisfaction"
  | "trend"
  | "recovered"
  | "deteriorated",
  string
>;

const features = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof features, ConversationRow>();
// Column ids are the server's sort keys; the contact and connection columns are not sortable.
const SORTABLE = new Set(["last", "sentiment", "satisfaction", "messages"]);

/**
 * The conversation list: sorting is the server's (the URL holds it), the table only renders the page it got.
 * Header buttons rewrite `sort`/`dir` in the URL, so the state survives reloads and can be shared.
 */
export function ConversationsTable({
  rows,
  tenant,
  strings,
  locale,
  timezone,
}: {
  rows: ConversationRow[];
  tenant: string;
  strings: Strings;
  locale: string;
  timezone: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const sorting: SortingState = [{ id: params.get("sort") ?? "last", desc: (params.get("dir") ?? "desc") === "desc" }];
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: timezone });
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  const columns = helper.columns([
    helper.accessor("contact", {
      id: "contact",
      header: strings.contact,
      enableSorting: false,
      cell: (c) => (
        <Link
          className="font-medium underline-offset-4 hover:underline"
          href={`/t/${tenant}/conversations/${c.row.original.id}`}
        >
          {c.getValue()}
          {c.row.original.phoneMasked ? (
            <span className="block text-xs font-normal text-muted-foreground">{c.row.original.phoneMasked}</span>
          ) : null}
        </Link>
      ),
    }),
    helper.accessor("connectionName", { id: "connection", header: strings.connection, enableSorting: false }),
    helper.accessor("lastMessageAt", {
      id: "last",
      header: strings.last,
      cell: (c) => (c.getValue() ? dates.format(new Date(c.getValue()!)) : "—"),
    }),
    helper.accessor("messageCount", { id: "messages", header: strings.messages }),
    helper.accessor("avgSentiment", {
      id: "sentiment",
      header: strings.sentiment,
      cell: (c) => {
        const v = c.getValue();
        if (v === null) return "—";
        return (
          <Badge variant={v <= -0.1 ? "destructive" : v >= 0.1 ? "default" : "secondary"}>{decimal.format(v)}</Badge>
        );
      },
    }),
    helper.accessor("avgSatisfaction", {
      id: "satisfaction",
      header: strings.satisfaction,
      cell: (c) => (c.getValue() === null ? "—" : Math.round(c.getValue()!)),
    }),
    helper.accessor("trend", {
      id: "trend",
      header: strings.trend,
      enableSorting: false,
      cell: (c) =>
        c.getValue() ? (
          <Badge variant={c.getValue() === "recovered" ? "default" : "destructive"}>{strings[c.getValue()!]}</Badge>
        ) : null,
    }),
  ]);

  const table = useTable({
    features,
    columns,
    data: rows,
    state: { sorting },
    manualSorting: true,
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      const search = new URLSearchParams(params.toString());
      search.set("sort", first?.id ?? "last");
      search.set("dir", first?.desc === false ? "asc" : "desc");
      search.delete("page");
      router.push(`${pathname}?${search.toString()}`);
    },
  });

  return (
    <Table data-testid="conversations-table">
      <TableHeader>
        {table.getHeaderGroups().map((group) => (
          <TableRow key={group.id}>
            {group.headers.map((header) => {
              const sortable = SORTABLE.has(header.column.id);
              const current = sorting[0]?.id === header.column.id ? (sorting[0]!.desc ? "desc" : "asc") : null;
              return (
                <TableHead
                  key={header.id}
                  aria-sort={current === "asc" ? "ascending" : current === "desc" ? "descending" : undefined}
                >
                  {sortable ? (
                    <button
                      type="button"
                      className="inline-flex items-center gap-1 hover:text-foreground"
                      onClick={() => header.column.toggleSorting(current === "desc" ? false : true)}
                    >
                      <table.FlexRender header={header} />
                      {current === "asc" ? (
                        <ArrowUp className="size-3" />
                      ) : current === "desc" ? (
                        <ArrowDown className="size-3" />
                      ) : (
                        <ArrowUpDown className="size-3 opacity-50" />
                      )}
                    </button>
                  ) : (
                    <table.FlexRender header={header} />
                  )}
                </TableHead>
              );
            })}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody>
        {table.getRowModel().rows.map((row) => (
          <TableRow
            key={row.id}
            data-testid="conversation-row"
            className="cursor-pointer"
            // The whole row opens the conversation; the contact's link stays the keyboard's and the new tab's way in.
            onClick={(e) => {
              if ((e.target as HTMLElement).closest("a, button")) return;
              router.push(`/t/${tenant}/conversations/${row.original.id}`);
            }}
          >
            {row.getAllCells().map((cell) => (
              <TableCell key={cell.id}>
                <table.FlexRender cell={cell} />
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
