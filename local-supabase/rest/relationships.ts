import { RestError } from './errors.ts'
import type { ForeignKey, SchemaCache } from './schema-cache.ts'

/**
 * How an embedded resource joins its parent, found through foreign keys the way PostgREST
 * does: many-to-one (parent holds the key), one-to-many (target holds it; one-to-one when
 * the key columns are unique there) and many-to-many through a junction table.
 */
export type Relationship =
  | { kind: 'many-to-one' | 'one-to-one-parent'; target: string; fk: ForeignKey }
  | { kind: 'one-to-many' | 'one-to-one-child'; target: string; fk: ForeignKey }
  | {
      kind: 'many-to-many'
      target: string
      junction: string
      toParent: ForeignKey
      toTarget: ForeignKey
    }

export function isToOne(rel: Relationship): boolean {
  return (
    rel.kind === 'many-to-one' ||
    rel.kind === 'one-to-one-parent' ||
    rel.kind === 'one-to-one-child'
  )
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x))
}

function isUnique(cache: SchemaCache, table: string, columns: string[]): boolean {
  const relation = cache.relations.get(table)
  return relation?.uniqueKeys.some((key) => sameSet(key, columns)) ?? false
}

function candidates(cache: SchemaCache, parent: string, name: string): Relationship[] {
  const found: Relationship[] = []
  const targetIsRelation = cache.relations.has(name)
  for (const fk of cache.foreignKeys) {
    // The target named by table, or (many-to-one) by the key's single column or its name.
    const namesTarget = (table: string) =>
      (targetIsRelation && table === name) ||
      (!targetIsRelation &&
        (fk.name === name || (fk.columns.length === 1 && fk.columns[0] === name)))
    if (fk.table === parent && namesTarget(fk.referencedTable)) {
      const oneToOne = isUnique(cache, parent, fk.columns)
      found.push({
        kind: oneToOne ? 'one-to-one-parent' : 'many-to-one',
        target: fk.referencedTable,
        fk,
      })
    }
    if (fk.referencedTable === parent && targetIsRelation && fk.table === name) {
      const oneToOne = isUnique(cache, name, fk.columns)
      found.push({ kind: oneToOne ? 'one-to-one-child' : 'one-to-many', target: name, fk })
    }
  }
  if (!targetIsRelation) return found
  // A junction's key columns must belong to its primary key (PostgREST's rule).
  const inPrimaryKey = (fk: ForeignKey) => {
    const pk = cache.relations.get(fk.table)?.primaryKey ?? []
    return fk.columns.every((column) => pk.includes(column))
  }
  for (const toParent of cache.foreignKeys) {
    if (toParent.referencedTable !== parent || toParent.table === parent || toParent.table === name)
      continue
    if (!inPrimaryKey(toParent)) continue
    for (const toTarget of cache.foreignKeys) {
      if (
        toTarget.table !== toParent.table ||
        toTarget.referencedTable !== name ||
        toTarget === toParent
      )
        continue
      if (!inPrimaryKey(toTarget)) continue
      found.push({
        kind: 'many-to-many',
        target: name,
        junction: toParent.table,
        toParent,
        toTarget,
      })
    }
  }
  return found
}

function matchesHint(rel: Relationship, hint: string): boolean {
  if (rel.kind === 'many-to-many') {
    return rel.junction === hint || rel.toParent.name === hint || rel.toTarget.name === hint
  }
  return (
    rel.fk.name === hint || rel.fk.columns.includes(hint) || rel.fk.referencedColumns.includes(hint)
  )
}

function describe(rel: Relationship, parent: string): Record<string, string> {
  if (rel.kind === 'many-to-many') {
    return {
      cardinality: 'many-to-many',
      embedding: `${parent} with ${rel.target}`,
      relationship: `${rel.junction} using ${rel.toParent.name}(${rel.toParent.columns.join(', ')}) and ${rel.toTarget.name}(${rel.toTarget.columns.join(', ')})`,
    }
  }
  const cardinality = rel.kind.startsWith('one-to-one') ? 'one-to-one' : rel.kind
  return {
    cardinality,
    embedding: `${parent} with ${rel.target}`,
    relationship: `${rel.fk.name} using ${rel.fk.table}(${rel.fk.columns.join(', ')}) and ${rel.fk.referencedTable}(${rel.fk.referencedColumns.join(', ')})`,
  }
}

export function findRelationship(
  cache: SchemaCache,
  parent: string,
  name: string,
  hint?: string,
): Relationship {
  let found = candidates(cache, parent, name)
  if (hint !== undefined) found = found.filter((rel) => matchesHint(rel, hint))
  if (found.length === 1) return found[0]
  if (found.length === 0) {
    const target = hint === undefined ? name : `${name}!${hint}`
    throw new RestError(
      400,
      'PGRST200',
      `Could not find a relationship between '${parent}' and '${target}' in the schema cache`,
      `Searched for a foreign key relationship between '${parent}' and '${target}' in the schema 'public', but no matches were found.`,
    )
  }
  const options = found.map(
    (rel) => `'${name}!${rel.kind === 'many-to-many' ? rel.junction : rel.fk.name}'`,
  )
  throw new RestError(
    300,
    'PGRST201',
    `Could not embed because more than one relationship was found for '${parent}' and '${name}'`,
    found.map((rel) => describe(rel, parent)),
    `Try changing '${name}' to one of the following: ${options.join(', ')}. Find the desired relationship in the 'details' key.`,
  )
}
