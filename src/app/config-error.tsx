/** A bad configuration gets one plain screen naming the variable, not a crashed app. */
export function ConfigError({ message }: { message: string }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-xl font-semibold">StockTrade cannot start</h1>
      <p role="alert" className="mt-4">
        {message}
      </p>
    </main>
  )
}
