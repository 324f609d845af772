import { DateInput } from "@/components/date-input";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { cn } from "@/lib/utils";

/** The filter controls the dashboard, conversations and search forms share; plain GET forms keep state in the URL. */

export function SelectField({
  label,
  name,
  value,
  allLabel,
  options,
  className,
  testId,
}: {
  label: string;
  name: string;
  value?: string | null;
  allLabel: string;
  options: { value: string; label: string }[];
  className?: string;
  testId?: string;
}) {
  return (
    <label className="grid gap-1 text-sm">
      {label}
      <NativeSelect name={name} defaultValue={value ?? ""} className={className} data-testid={testId}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </label>
  );
}

export function DateField({ label, name, value }: { label: string; name: string; value?: string | null }) {
  return (
    <label className="grid gap-1 text-sm">
      {label}
      <DateInput name={name} value={value} className="w-full" />
    </label>
  );
}

/** Two numbers, e.g. sentimentMin/sentimentMax; each announces itself as "<what> min|max". */
export function RangeField({
  legend,
  what,
  names,
  values,
  bounds,
  step,
  className,
}: {
  legend: string;
  what: string;
  names: [string, string];
  values: [number | undefined, number | undefined];
  bounds: [number, number];
  step?: string;
  className?: string;
}) {
  return (
    <fieldset className={cn("grid gap-1 text-sm", className)}>
      <legend>{legend}</legend>
      <div className="flex gap-2">
        {(["min", "max"] as const).map((end, i) => (
          <Input
            key={end}
            type="number"
            name={names[i]}
            step={step}
            min={bounds[0]}
            max={bounds[1]}
            defaultValue={values[i] ?? ""}
            aria-label={`${what} ${end}`}
          />
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The filters the conversations list and the search share: a period of local days, a connection and an emotion.
 * Each page adds its own after them.
 */
export function PeriodConnectionEmotionFields({
  labels,
  values,
  connections,
  emotions,
}: {
  labels: { from: string; to: string; connection: string; emotion: string; all: string };
  values: { from?: string | null; to?: string | null; connection?: string | null; emotion?: string | null };
  connections: { id: string; name: string }[];
  emotions: { value: string; label: string }[];
}) {
  return (
    <>
      <DateField label={labels.from} name="from" value={values.from} />
      <DateField label={labels.to} name="to" value={values.to} />
      <SelectField
        label={labels.connection}
        name="connection"
        value={values.connection}
        allLabel={labels.all}
        options={connections.map((c) => ({ value: c.id, label: c.name }))}
      />
      <SelectField
        label={labels.emotion}
        name="emotion"
        value={values.emotion}
        allLabel={labels.all}
        options={emotions}
      />
    </>
  );
}
