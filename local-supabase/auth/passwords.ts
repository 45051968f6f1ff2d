import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

// OWASP suggests N=2^17 for production; 2^15 (32 MB, tens of ms) keeps local sign-ins and
// tests quick and is still costly to brute-force. The parameters live in each hash.
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const
const KEY_LENGTH = 32
const PREFIX = '$scrypt$'

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_LENGTH,
      { ...options, maxmem: 64 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    )
  })
}

/** `$scrypt$N=..,r=..,p=..$<salt>$<key>` (base64url), the parameters kept so they can change. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, PARAMS)
  const params = `N=${PARAMS.N},r=${PARAMS.r},p=${PARAMS.p}`
  return `${PREFIX}${params}$${salt.toString('base64url')}$${key.toString('base64url')}`
}

// Compared against when the account does not exist, so a miss costs as long as a hit.
const DUMMY_HASH = hashPassword(randomBytes(12).toString('hex'))

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const encoded = stored ?? (await DUMMY_HASH)
  const match = /^\$scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/.exec(encoded)
  if (!match) return false
  const [, n, r, p, salt, key] = match
  const expected = Buffer.from(key, 'base64url')
  const actual = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  })
  return stored !== null && actual.length === expected.length && timingSafeEqual(actual, expected)
}
