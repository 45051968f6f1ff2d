import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, onTestFinished } from 'vitest'

// Temp dirs for tests that remove themselves: left-over dirs used to pile up in /tmp.

const makeTempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix))
const removeTempDir = (dir: string) => rmSync(dir, { recursive: true, force: true })

/**
 * A fresh temp dir, removed when the calling test has finished, pass or fail. The removal
 * runs after the test's afterEach hooks, so close whatever uses the dir (a PGlite data dir,
 * a child process) in the test's `finally` or an afterEach.
 */
export function testTempDir(prefix: string): string {
  const dir = makeTempDir(prefix)
  onTestFinished(() => removeTempDir(dir))
  return dir
}

/**
 * A fresh temp dir for the suite whose body calls this: made in beforeAll (so a skipped
 * suite makes none), removed in afterAll. Call it before the suite's own hooks: vitest runs
 * afterAll hooks in reverse, so the removal comes after them. Returns a getter for the path,
 * usable from the suite's hooks and tests.
 */
export function suiteTempDir(prefix: string): () => string {
  let dir: string | undefined
  beforeAll(() => {
    dir = makeTempDir(prefix)
  })
  afterAll(() => {
    if (dir) removeTempDir(dir)
  })
  return () => {
    if (!dir) throw new Error('suiteTempDir: the path exists only inside the suite')
    return dir
  }
}

/**
 * Runs `use` with a fresh temp dir and removes the dir when `use` settles. Needs no test
 * context, so helpers shared with benchmarks can use it too.
 */
export async function withTempDir<T>(prefix: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = makeTempDir(prefix)
  try {
    return await use(dir)
  } finally {
    removeTempDir(dir)
  }
}
