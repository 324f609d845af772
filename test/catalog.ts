import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";

/** Objects in schema public that an extension (pgvector) created: they belong to the extension, not to the app. */
const notExtensionOwned = (classTable: string, oid: string) =>
  `not exists (select 1 from pg_depend d where d.classid = '${classTable}'::regclass and d.objid = ${oid} and d.deptype = 'e')`;

const sections: [string, SQL][] = [
  ["extensions", sql`select extname from pg_extension order by 1`],
  [
    "roles",
    sql`select r.rolname, r.rolcanlogin, r.rolsuper, r.rolbypassrls,
          array(select m.rolname from pg_auth_members a join pg_roles m on m.oid = a.member where a.roleid = r.oid and m.rolname = current_user) as granted_to_current_user
        from pg_roles r where r.rolname = 'app_user'`,
  ],
  [
    "schema privileges",
    sql`select coalesce(g.rolname, 'PUBLIC') as grantee, a.privilege_type
        from pg_namespace n, aclexplode(n.nspacl) a left join pg_roles g on g.oid = a.grantee
        where n.nspname = 'public' order by 1, 2`,
  ],
  [
    "enums",
    sql`select t.typname, array_agg(e.enumlabel order by e.enumsortorder) as labels
        from pg_type t join pg_namespace n on n.oid = t.typnamespace join pg_enum e on e.enumtypid = t.oid
        where n.nspname = 'public' group by t.typname order by 1`,
  ],
  [
    "relations",
    sql.raw(`select c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and ${notExtensionOwned("pg_class", "c.oid")}
        order by 1`),
  ],
  [
    "columns",
    sql`select c.relname, a.attname, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull,
          pg_get_expr(d.adbin, d.adrelid) as "default", a.attgenerated, a.attidentity, co.collname
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
        left join pg_collation co on co.oid = a.attcollation and a.attcollation <> 0 and co.collname <> 'default'
        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f') and a.attnum > 0 and not a.attisdropped
        order by c.relname, a.attnum`,
  ],
  [
    "sequences",
    sql`select s.sequencename, s.data_type, s.start_value, s.increment_by, s.max_value, s.cycle,
          (select c2.relname || '.' || a.attname from pg_depend d join pg_class c2 on c2.oid = d.refobjid
            join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
            where d.objid = (quote_ident(s.schemaname) || '.' || quote_ident(s.sequencename))::regclass and d.deptype in ('a', 'i')) as owned_by
        from pg_sequences s where s.schemaname = 'public' order by 1`,
  ],
  ["indexes", sql`select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by 1, 2`],
  [
    "constraints",
    sql`select c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid) as def
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' order by 1, 2`,
  ],
  [
    "policies",
    sql`select tablename, policyname, permissive, roles, cmd, qual, with_check from pg_policies where schemaname = 'public' order by 1, 2`,
  ],
  [
    "triggers",
    sql`select c.relname, t.tgname, pg_get_triggerdef(t.oid) as def, t.tgenabled
        from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and not t.tgisinternal order by 1, 2`,
  ],
  [
    "table grants",
    sql`select table_name, grantee, privilege_type, is_grantable from information_schema.role_table_grants
        where table_schema = 'public' and grantee <> current_user order by 1, 2, 3`,
  ],
  [
    "relation privileges",
    sql.raw(`select c.relname, coalesce(g.rolname, 'PUBLIC') as grantee, a.privilege_type, a.is_grantable
        from pg_class c join pg_namespace n on n.oid = c.relnamespace, aclexplode(c.relacl) a
        left join pg_roles g on g.oid = a.grantee
        where n.nspname = 'public' and a.grantee <> c.relowner and ${notExtensionOwned("pg_class", "c.oid")}
        order by 1, 2, 3`),
  ],
  [
    "column privileges",
    sql`select table_name, column_name, grantee, privilege_type from information_schema.column_privileges
        where table_schema = 'public' and grantee <> current_user
          and (table_name, grantee, privilege_type) not in (
            select table_name, grantee, privilege_type from information_schema.role_table_grants where table_schema = 'public')
        order by 1, 2, 3, 4`,
  ],
  [
    "default privileges",
    sql`select defaclrole::regrole::text, defaclobjtype, defaclacl::text from pg_default_acl order by 1, 2`,
  ],
  [
    "routine privileges",
    sql.raw(`select p.proname, pg_get_function_identity_arguments(p.oid) as args, coalesce(g.rolname, 'PUBLIC') as grantee, a.privilege_type
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace,
          aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a left join pg_roles g on g.oid = a.grantee
        where n.nspname = 'public' and a.grantee <> p.proowner and ${notExtensionOwned("pg_proc", "p.oid")}
        order by 1, 2, 3, 4`),
  ],
  [
    "functions",
    sql.raw(`select p.proname, pg_get_function_identity_arguments(p.oid) as args, p.prokind,
          case when p.prokind = 'a' then (
            select format('sfunc=%s stype=%s initcond=%s finalfunc=%s combinefunc=%s', a.aggtransfn::regproc, format_type(a.aggtranstype, null),
              a.agginitval, a.aggfinalfn::regproc, a.aggcombinefn::regproc)
            from pg_aggregate a where a.aggfnoid = p.oid)
          else pg_get_functiondef(p.oid) end as def
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and ${notExtensionOwned("pg_proc", "p.oid")}
        order by 1, 2`),
  ],
];

function render(value: unknown): string {
  if (value === null || value === undefined) return "∅";
  if (typeof value === "string") return value;
  return JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

/**
 * The schema a migrated database ends with, as text: tables and columns (in column order), types, sequences,
 * indexes, constraints, RLS policies, triggers, grants and the definitions of the app's functions. Two databases
 * with equal catalogues behave alike; the drizzle schema (migration bookkeeping) is not part of it.
 */
export async function describeCatalog(db: Db): Promise<string> {
  const out: string[] = [];
  for (const [title, query] of sections) {
    out.push(`## ${title}`);
    for (const row of rowsOf<Record<string, unknown>>(await db.execute(query))) {
      out.push(Object.values(row).map(render).join(" | "));
    }
  }
  return `${out.join("\n")}\n`;
}
