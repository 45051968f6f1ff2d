import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { format } from 'prettier'
import { prepareDatabase } from '../local-supabase/db/migrate.ts'
import { openDb } from '../local-supabase/db/open.ts'
import type { Queryable } from '../local-supabase/db/types.ts'

/**
 * Generates `src/lib/database.types.ts` from a database prepared with the migrations, in the
 * shape `supabase gen types typescript` (postgres-meta) prints: `Json`, `Database` with
 * Tables (Row/Insert/Update/Relationships), Views, Functions (Args/Returns/SetofOptions),
 * Enums and CompositeTypes, the Tables/TablesInsert/TablesUpdate/Enums/CompositeTypes
 * helpers and `Constants`, formatted the way the CLI formats it (prettier, no semicolons).
 *
 *   tsx scripts/gen-types.ts          write the file
 *   tsx scripts/gen-types.ts --check  exit 1 when the checked-in file differs (CI drift check)
 */

export const TYPES_FILE = fileURLToPath(new URL('../src/lib/database.types.ts', import.meta.url))
const SCHEMA = 'public'

interface Column {
  table: string
  name: string
  type: string
  category: string
  element: string | null
  nullable: boolean
  hasDefault: boolean
  identity: boolean
  generated: boolean
}

interface ForeignKey {
  table: string
  name: string
  columns: string[]
  referencedTable: string
  referencedColumns: string[]
  oneToOne: boolean
}

interface FunctionRow {
  name: string
  argNames: string[] | null
  argModes: string[] | null
  argTypes: string[]
  inputCount: number
  defaultCount: number
  returnType: string
  returnsSet: boolean
  returnTable: string | null
  returnsVoid: boolean
}

const SCALARS: Record<string, string> = {
  bool: 'boolean',
  int2: 'number',
  int4: 'number',
  int8: 'number',
  float4: 'number',
  float8: 'number',
  numeric: 'number',
  oid: 'number',
  json: 'Json',
  jsonb: 'Json',
  void: 'undefined',
  record: 'Record<string, unknown>',
}

function tsType(type: string): string {
  if (type.startsWith('_')) return `${tsType(type.slice(1))}[]`
  return SCALARS[type] ?? 'string'
}

export async function generateTypes(db: Queryable): Promise<string> {
  const tables = (
    await db.query<{ name: string }>(
      `select c.relname as name from pg_catalog.pg_class c
       join pg_catalog.pg_namespace n on n.oid = c.relnamespace
       where n.nspname = $1 and c.relkind in ('r', 'p') order by c.relname`,
      [SCHEMA],
    )
  ).rows.map((row) => row.name)

  const columns = (
    await db.query<Column>(
      `select c.relname as "table", a.attname as name, t.typname as type, t.typcategory as category,
         et.typname as element, not a.attnotnull as nullable, a.atthasdef as "hasDefault",
         a.attidentity <> '' as identity, a.attgenerated <> '' as generated
       from pg_catalog.pg_attribute a
       join pg_catalog.pg_class c on c.oid = a.attrelid
       join pg_catalog.pg_namespace n on n.oid = c.relnamespace
       join pg_catalog.pg_type t on t.oid = a.atttypid
       left join pg_catalog.pg_type et on et.oid = t.typelem and t.typcategory = 'A'
       where n.nspname = $1 and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
       order by c.relname, a.attname`,
      [SCHEMA],
    )
  ).rows

  // only relationships inside the schema, as postgres-meta reports them (profiles -> auth.users is not one)
  const foreignKeys = (
    await db.query<ForeignKey>(
      `select c.relname as "table", k.conname as name,
         array(select a.attname from unnest(k.conkey) with ordinality u(attnum, i)
               join pg_catalog.pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum order by u.i) as columns,
         rc.relname as "referencedTable",
         array(select a.attname from unnest(k.confkey) with ordinality u(attnum, i)
               join pg_catalog.pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.attnum order by u.i) as "referencedColumns",
         exists (select 1 from pg_catalog.pg_constraint uk
                 where uk.conrelid = k.conrelid and uk.contype in ('p', 'u')
                   and (select array_agg(x order by x) from unnest(uk.conkey) x)
                     = (select array_agg(x order by x) from unnest(k.conkey) x)) as "oneToOne"
       from pg_catalog.pg_constraint k
       join pg_catalog.pg_class c on c.oid = k.conrelid
       join pg_catalog.pg_namespace n on n.oid = c.relnamespace
       join pg_catalog.pg_class rc on rc.oid = k.confrelid
       join pg_catalog.pg_namespace rn on rn.oid = rc.relnamespace
       where k.contype = 'f' and n.nspname = $1 and rn.nspname = $1
       order by c.relname, k.conname`,
      [SCHEMA],
    )
  ).rows

  const functions = (
    await db.query<FunctionRow>(
      `select p.proname as name, p.proargnames as "argNames", p.proargmodes::text[] as "argModes",
         array(select t.typname from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality u(oid, i)
               join pg_catalog.pg_type t on t.oid = u.oid order by u.i) as "argTypes",
         p.pronargs as "inputCount", p.pronargdefaults as "defaultCount",
         rt.typname as "returnType", p.proretset as "returnsSet",
         case when rt.typtype = 'c' and rc.relkind in ('r', 'p', 'v') then rc.relname end as "returnTable",
         rt.typname = 'void' as "returnsVoid"
       from pg_catalog.pg_proc p
       join pg_catalog.pg_namespace n on n.oid = p.pronamespace
       join pg_catalog.pg_type rt on rt.oid = p.prorettype
       left join pg_catalog.pg_class rc on rc.oid = rt.typrelid
       where n.nspname = $1 and p.prokind = 'f' and rt.typname <> 'trigger'
       order by p.proname`,
      [SCHEMA],
    )
  ).rows

  const columnType = (column: Column) =>
    column.category === 'A' && column.element ? `${tsType(column.element)}[]` : tsType(column.type)
  const rowFields = (table: string) =>
    columns
      .filter((column) => column.table === table)
      .map((column) => `${column.name}: ${columnType(column)}${column.nullable ? ' | null' : ''}`)

  const tableBlock = (table: string) => {
    const own = columns.filter((column) => column.table === table)
    const insert = own.map((column) => {
      if (column.generated) return `${column.name}?: never`
      const optional = column.nullable || column.hasDefault || column.identity
      return `${column.name}${optional ? '?' : ''}: ${columnType(column)}${column.nullable ? ' | null' : ''}`
    })
    const update = own.map((column) =>
      column.generated
        ? `${column.name}?: never`
        : `${column.name}?: ${columnType(column)}${column.nullable ? ' | null' : ''}`,
    )
    const relationships = foreignKeys
      .filter((fk) => fk.table === table)
      .map(
        (fk) => `{
          foreignKeyName: ${JSON.stringify(fk.name)}
          columns: ${JSON.stringify(fk.columns)}
          isOneToOne: ${fk.oneToOne}
          referencedRelation: ${JSON.stringify(fk.referencedTable)}
          referencedColumns: ${JSON.stringify(fk.referencedColumns)}
        },`,
      )
    return `${table}: {
      Row: { ${rowFields(table).join('\n')} }
      Insert: { ${insert.join('\n')} }
      Update: { ${update.join('\n')} }
      Relationships: [${relationships.join('\n')}]
    }`
  }

  const functionBlock = (fn: FunctionRow) => {
    const modes = fn.argModes ?? fn.argTypes.map(() => 'i')
    const names = fn.argNames ?? []
    const inputs = modes
      .map((mode, i) => ({ mode, name: names[i] ?? '', type: fn.argTypes[i] }))
      .filter((arg) => arg.mode === 'i' || arg.mode === 'b')
    const firstDefault = inputs.length - fn.defaultCount
    const args = inputs
      .map((arg, i) => `${arg.name}${i >= firstDefault ? '?' : ''}: ${tsType(arg.type)}`)
      .sort()
    const outputs = modes
      .map((mode, i) => ({ mode, name: names[i] ?? '', type: fn.argTypes[i] }))
      .filter((arg) => arg.mode === 't' || arg.mode === 'o')
    let returns: string
    let setof = ''
    if (outputs.length > 0) {
      returns = `{ ${outputs.map((arg) => `${arg.name}: ${tsType(arg.type)}`).join('\n')} }${fn.returnsSet ? '[]' : ''}`
    } else if (fn.returnTable) {
      returns = `{ ${rowFields(fn.returnTable).join('\n')} }${fn.returnsSet ? '[]' : ''}`
      setof = `SetofOptions: {
        from: "*"
        to: ${JSON.stringify(fn.returnTable)}
        isOneToOne: ${!fn.returnsSet}
        isSetofReturn: ${fn.returnsSet}
      }`
    } else {
      returns = `${tsType(fn.returnType)}${fn.returnsSet && !fn.returnsVoid ? '[]' : ''}`
    }
    return `${fn.name}: {
      Args: ${args.length > 0 ? `{ ${args.join('; ')} }` : 'never'}
      Returns: ${returns}
      ${setof}
    }`
  }

  const never = '{ [_ in never]: never }'
  const source = `export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  // Allows to automatically instantiate createClient with right options
  // instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)
  __InternalSupabase: {
    PostgrestVersion: "13.0.5"
  }
  ${SCHEMA}: {
    Tables: { ${tables.map(tableBlock).join('\n')} }
    Views: ${never}
    Functions: { ${functions.map(functionBlock).join('\n')} }
    Enums: ${never}
    CompositeTypes: ${never}
  }
}

${HELPERS}

export const Constants = {
  ${SCHEMA}: {
    Enums: {},
  },
} as const
`
  return format(source, { parser: 'typescript', semi: false })
}

const HELPERS = `type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never`

/** Types of a fresh in-memory database with the migrations applied (no seed needed). */
export async function generateFromMigrations(): Promise<string> {
  const db = await openDb({ dataDir: null })
  try {
    await prepareDatabase(db, { seedFile: 'supabase/seed.sql.none' })
    return await generateTypes(db)
  } finally {
    await db.close()
  }
}

async function main(): Promise<void> {
  const generated = await generateFromMigrations()
  if (process.argv.includes('--check')) {
    const current = await readFile(TYPES_FILE, 'utf8').catch(() => '')
    if (current !== generated) {
      console.error(`${TYPES_FILE} is out of date with supabase/migrations: run npm run types:gen`)
      process.exit(1)
    }
    console.log('Database types are up to date.')
    return
  }
  await writeFile(TYPES_FILE, generated)
  console.log(`Wrote ${TYPES_FILE}`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
