"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DateInput } from "@/components/date-input";
import { SelectField } from "@/components/filter-fields";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { isCalendarDay } from "@/lib/i18n/day-format";

type Option = { value: string; label: string };
export type DashboardFilterValue = { range: string; from: string; to: string; connection?: string; emotion?: string };
type Strings = Record<
  | "form"
  | "period"
  | "from"
  | "to"
  | "apply"
  | "connection"
  | "allConnections"
  | "emotion"
  | "allEmotions"
  | "invalidDate"
  | "invertedDates",
  string
>;

/**
 * The dashboard's one filter form. The URL is its state: presets are links that set the range, Apply writes the
 * typed days; a new URL remounts the form, so its fields show what the URL now says, while a live refresh of the
 * same URL keeps what is being typed. A day that cannot be read is answered here, before it reaches the URL.
 */
export function DashboardFilters({
  basePath,
  value,
  presets,
  connections,
  emotions,
  strings,
  problem,
}: {
  basePath: string;
  value: DashboardFilterValue;
  presets: { range: string; label: string }[];
  connections: Option[];
  emotions: Option[];
  strings: Strings;
  problem?: string;
}) {
  const router = useRouter();
  const urlKey = JSON.stringify(value);
  // An error belongs to the URL it was found on; any navigation clears it.
  const [error, setError] = useState<{ urlKey: string; message: string }>();

  const href = (extra: Record<string, string>) => {
    const q = new URLSearchParams({
      ...(value.connection ? { connection: value.connection } : {}),
      ...(value.emotion ? { emotion: value.emotion } : {}),
      ...extra,
    });
    return `${basePath}?${q}`;
  };
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const field = (name: string) => String(form.get(name) ?? "");
    const [from, to] = [field("from"), field("to")];
    if (!isCalendarDay(from) || !isCalendarDay(to)) return setError({ urlKey, message: strings.invalidDate });
    if (from > to) return setError({ urlKey, message: strings.invertedDates });
    const q = new URLSearchParams({
      from,
      to,
      ...(field("connection") ? { connection: field("connection") } : {}),
      ...(field("emotion") ? { emotion: field("emotion") } : {}),
    });
    router.push(`${basePath}?${q}`);
  };
  const message = (error?.urlKey === urlKey ? error.message : undefined) ?? problem;

  return (
    <div className="grid gap-3">
      <nav className="flex flex-wrap gap-1" aria-label={strings.period}>
        {presets.map((p) => (
          <Button key={p.range} size="sm" variant={value.range === p.range ? "default" : "outline"} asChild>
            <Link href={href({ range: p.range })} aria-current={value.range === p.range ? "page" : undefined}>
              {p.label}
            </Link>
          </Button>
        ))}
      </nav>
      <form
        key={urlKey}
        onSubmit={submit}
        method="get"
        action={basePath}
        className="flex flex-wrap items-end gap-2 text-sm"
        aria-label={strings.form}
        noValidate
      >
        <label className="grid gap-1">
          {strings.from}
          <DateInput name="from" value={value.from} aria-invalid={Boolean(message)} />
        </label>
        <label className="grid gap-1">
          {strings.to}
          <DateInput name="to" value={value.to} aria-invalid={Boolean(message)} />
        </label>
        <SelectField
          label={strings.connection}
          name="connection"
          value={value.connection}
          allLabel={strings.allConnections}
          options={connections}
          className="w-full sm:w-56"
        />
        <SelectField
          label={strings.emotion}
          name="emotion"
          value={value.emotion}
          allLabel={strings.allEmotions}
          options={emotions}
          className="w-full sm:w-44"
          testId="dashboard-emotion"
        />
        <Button type="submit" variant="secondary">
          {strings.apply}
        </Button>
      </form>
      {message ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{message}</AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}
