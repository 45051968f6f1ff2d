import { createContext } from 'react'
import type { PriceStore } from './price-store'
import { priceStore } from './prices'

/** The store the quote hooks read; the app's singleton unless a test provides its own. */
export const PriceStoreContext = createContext<PriceStore>(priceStore)
