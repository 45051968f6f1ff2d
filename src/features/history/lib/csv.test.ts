import fc from 'fast-check'
import { escapeCsvCell, toCsv } from './csv'

/** A small RFC 4180 reader, used to check that any text survives a round trip. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"'
        i += 1
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(cell)
      cell = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i += 1
    } else cell += char
  }
  return rows
}

describe('escapeCsvCell', () => {
  it('leaves plain text and numbers alone', () => {
    expect(escapeCsvCell('AAPL')).toBe('AAPL')
    expect(escapeCsvCell(12.5)).toBe('12.5')
    expect(escapeCsvCell(null)).toBe('')
    expect(escapeCsvCell(undefined)).toBe('')
  })

  it('quotes commas, quotes and line breaks', () => {
    expect(escapeCsvCell('a,b')).toBe('"a,b"')
    expect(escapeCsvCell('say "hi"')).toBe('"say ""hi"""')
    expect(escapeCsvCell('two\nlines')).toBe('"two\nlines"')
  })

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(escapeCsvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(escapeCsvCell('+1')).toBe("'+1")
    expect(escapeCsvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    // Numbers are data, not formulas: negative amounts keep their sign.
    expect(escapeCsvCell(-3.25)).toBe('-3.25')
  })
})

describe('toCsv', () => {
  it('writes a header and one CRLF-terminated line per row', () => {
    const csv = toCsv(
      [
        { symbol: 'AAPL', qty: 2 },
        { symbol: 'MSFT, Inc', qty: 0.5 },
      ],
      [
        { header: 'Symbol', value: (row) => row.symbol },
        { header: 'Quantity', value: (row) => row.qty },
      ],
    )
    expect(csv).toBe('Symbol,Quantity\r\nAAPL,2\r\n"MSFT, Inc",0.5\r\n')
  })

  it('round-trips any text that does not look like a formula', () => {
    const safeText = fc.string().filter((text) => !/^[=+\-@\t\r]/.test(text))
    fc.assert(
      fc.property(fc.array(fc.tuple(safeText, safeText)), (pairs) => {
        const csv = toCsv(pairs, [
          { header: 'a', value: (row) => row[0] },
          { header: 'b', value: (row) => row[1] },
        ])
        expect(parseCsv(csv)).toEqual([['a', 'b'], ...pairs.map(([a, b]) => [a, b])])
      }),
    )
  })
})
