/**
 * jsdom has no object URLs, so a download (lib/download.ts) cannot save anything. Call this at
 * the top of a test file: it stands in for `URL.createObjectURL` and returns the list of blobs
 * the app would have saved, emptied before each test.
 */
export function captureDownloads(): Blob[] {
  const downloads: Blob[] = []
  beforeAll(() => {
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        downloads.push(blob)
        return `blob:test-${downloads.length}`
      },
      revokeObjectURL: () => {},
    })
  })
  beforeEach(() => {
    downloads.length = 0
  })
  return downloads
}
