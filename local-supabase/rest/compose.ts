/** How the response body is rendered; Postgres renders it so values serialize as PostgREST's do. */
export type BodyMode = 'array' | 'object' | 'csv' | 'none'

export interface ComposeOptions {
  /** Earlier CTEs (`name as (...)`), e.g. the mutation or the function call. */
  ctes: string[]
  /** The page query: the rows the response is made of. */
  page: string
  /** A `select count(*) ...` for Prefer: count=exact. */
  total?: string
  mode: BodyMode
  stripNulls: boolean
  /** For functions returning `setof <scalar>`: aggregate this column, not the row. */
  scalarColumn?: string
}

const csvField = (value: string) =>
  `case when ${value} is null then '' when ${value} ~ '[",\\r\\n]' then '"' || replace(${value}, '"', '""') || '"' else ${value} end`

function body(options: ComposeOptions): string {
  const row = options.scalarColumn ? `_page.${options.scalarColumn}` : '_page.*'
  const strip = (json: string) => (options.stripNulls ? `json_strip_nulls(${json})` : json)
  switch (options.mode) {
    case 'none':
      return 'null::text'
    case 'object':
      return `(select ${strip(`json_agg(${row})->0`)} from _page)::text`
    case 'array':
      return `(select ${strip(`coalesce(json_agg(${row}), '[]'::json)`)} from _page)::text`
    case 'csv': {
      const header = `(select string_agg(${csvField('_keys._k')}, ',') from json_object_keys((select row_to_json(_page.*) from _page limit 1)) as _keys(_k))`
      const line = `(select string_agg(${csvField('_c._v')}, ',' order by _c._o) from json_each_text(row_to_json(_page.*)) with ordinality as _c(_key, _v, _o))`
      return `(select coalesce(string_agg(_lines._line, E'\\n' order by _lines._n), '') from (
        select 0::bigint as _n, ${header} as _line
        union all select row_number() over (), ${line} from _page) as _lines where _lines._line is not null)`
    }
  }
}

/** One statement answering a read or a mutation: body text, rows in the page, optional total. */
export function composeStatement(options: ComposeOptions): string {
  const ctes = [...options.ctes, `_page as (${options.page})`].join(',\n')
  const total = options.total ? `, (${options.total})::int as total` : ''
  return `with ${ctes}\nselect ${body(options)} as body, (select count(*) from _page)::int as page_count${total}`
}

export interface StatementRow {
  body: string | null
  page_count: number
  total?: number
}
