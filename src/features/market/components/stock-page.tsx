import { useParams } from 'react-router'

export function StockPage() {
  const { symbol } = useParams()
  return <h1 className="text-2xl font-semibold">{symbol}</h1>
}
