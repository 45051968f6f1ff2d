-- Seed data (SPEC §2): 64 well-known US stocks with a realistic reference price, annual
-- volatility and drift, one year of daily candles and today's 1-minute candles (UTC).
-- Deterministic: every draw comes from private.normal/uniform with the fixed seed 20240101,
-- keyed by symbol and day (or minute of the day), so seeding on the same day yields the same
-- history.
-- The daily walk is anchored so that yesterday's close is exactly the reference price.
-- Idempotent so `supabase db push --include-seed` can re-run it on a live database: history
-- is generated only for stocks that have no candles yet, and nothing else is touched.

insert into public.stocks
  (symbol, name, exchange, sector, price, previous_close, day_open, day_high, day_low, volatility, drift, average_volume)
select symbol, name, exchange, sector, price, price, price, price, price, volatility, drift, average_volume
from (values
  ('AAPL', 'Apple Inc.', 'NASDAQ', 'Technology', 229.50, 0.26, 0.10, 55000000),
  ('MSFT', 'Microsoft Corporation', 'NASDAQ', 'Technology', 415.20, 0.24, 0.10, 21000000),
  ('NVDA', 'NVIDIA Corporation', 'NASDAQ', 'Technology', 135.40, 0.52, 0.20, 250000000),
  ('AMZN', 'Amazon.com, Inc.', 'NASDAQ', 'Consumer Discretionary', 201.30, 0.32, 0.10, 40000000),
  ('GOOGL', 'Alphabet Inc. Class A', 'NASDAQ', 'Communication Services', 175.80, 0.30, 0.09, 25000000),
  ('META', 'Meta Platforms, Inc.', 'NASDAQ', 'Communication Services', 585.10, 0.38, 0.12, 14000000),
  ('TSLA', 'Tesla, Inc.', 'NASDAQ', 'Consumer Discretionary', 248.60, 0.60, 0.08, 95000000),
  ('BRK.B', 'Berkshire Hathaway Inc. Class B', 'NYSE', 'Financials', 462.30, 0.16, 0.07, 3800000),
  ('JPM', 'JPMorgan Chase & Co.', 'NYSE', 'Financials', 224.70, 0.22, 0.08, 9000000),
  ('V', 'Visa Inc.', 'NYSE', 'Financials', 298.40, 0.19, 0.08, 6500000),
  ('MA', 'Mastercard Incorporated', 'NYSE', 'Financials', 512.60, 0.20, 0.08, 2800000),
  ('UNH', 'UnitedHealth Group Incorporated', 'NYSE', 'Health Care', 560.20, 0.25, 0.06, 3900000),
  ('JNJ', 'Johnson & Johnson', 'NYSE', 'Health Care', 155.30, 0.16, 0.04, 7000000),
  ('LLY', 'Eli Lilly and Company', 'NYSE', 'Health Care', 815.50, 0.34, 0.15, 3500000),
  ('PFE', 'Pfizer Inc.', 'NYSE', 'Health Care', 28.60, 0.24, 0.00, 38000000),
  ('MRK', 'Merck & Co., Inc.', 'NYSE', 'Health Care', 101.20, 0.22, 0.03, 9000000),
  ('ABBV', 'AbbVie Inc.', 'NYSE', 'Health Care', 182.40, 0.22, 0.06, 6000000),
  ('AMGN', 'Amgen Inc.', 'NASDAQ', 'Health Care', 285.30, 0.23, 0.05, 3000000),
  ('TMO', 'Thermo Fisher Scientific Inc.', 'NYSE', 'Health Care', 535.20, 0.22, 0.06, 1600000),
  ('XOM', 'Exxon Mobil Corporation', 'NYSE', 'Energy', 118.90, 0.24, 0.05, 15000000),
  ('CVX', 'Chevron Corporation', 'NYSE', 'Energy', 152.30, 0.25, 0.04, 7500000),
  ('WMT', 'Walmart Inc.', 'NYSE', 'Consumer Staples', 82.60, 0.18, 0.08, 16000000),
  ('PG', 'The Procter & Gamble Company', 'NYSE', 'Consumer Staples', 168.70, 0.15, 0.05, 6500000),
  ('KO', 'The Coca-Cola Company', 'NYSE', 'Consumer Staples', 64.10, 0.14, 0.04, 13000000),
  ('PEP', 'PepsiCo, Inc.', 'NASDAQ', 'Consumer Staples', 158.40, 0.16, 0.03, 6000000),
  ('COST', 'Costco Wholesale Corporation', 'NASDAQ', 'Consumer Staples', 905.80, 0.20, 0.10, 2000000),
  ('HD', 'The Home Depot, Inc.', 'NYSE', 'Consumer Discretionary', 402.10, 0.22, 0.06, 3500000),
  ('MCD', 'McDonald''s Corporation', 'NYSE', 'Consumer Discretionary', 291.60, 0.17, 0.05, 3200000),
  ('NKE', 'NIKE, Inc.', 'NYSE', 'Consumer Discretionary', 76.40, 0.30, 0.00, 11000000),
  ('SBUX', 'Starbucks Corporation', 'NASDAQ', 'Consumer Discretionary', 98.60, 0.28, 0.03, 9000000),
  ('ABNB', 'Airbnb, Inc.', 'NASDAQ', 'Consumer Discretionary', 136.20, 0.40, 0.05, 5000000),
  ('DIS', 'The Walt Disney Company', 'NYSE', 'Communication Services', 96.20, 0.27, 0.03, 9000000),
  ('NFLX', 'Netflix, Inc.', 'NASDAQ', 'Communication Services', 775.30, 0.36, 0.14, 3200000),
  ('T', 'AT&T Inc.', 'NYSE', 'Communication Services', 22.40, 0.20, 0.04, 35000000),
  ('VZ', 'Verizon Communications Inc.', 'NYSE', 'Communication Services', 41.80, 0.19, 0.03, 18000000),
  ('ADBE', 'Adobe Inc.', 'NASDAQ', 'Technology', 498.70, 0.32, 0.05, 3000000),
  ('CRM', 'Salesforce, Inc.', 'NYSE', 'Technology', 292.40, 0.33, 0.07, 6000000),
  ('ORCL', 'Oracle Corporation', 'NYSE', 'Technology', 172.50, 0.30, 0.10, 9000000),
  ('INTC', 'Intel Corporation', 'NASDAQ', 'Technology', 22.40, 0.45, -0.05, 60000000),
  ('AMD', 'Advanced Micro Devices, Inc.', 'NASDAQ', 'Technology', 142.80, 0.50, 0.10, 40000000),
  ('CSCO', 'Cisco Systems, Inc.', 'NASDAQ', 'Technology', 57.30, 0.20, 0.05, 18000000),
  ('AVGO', 'Broadcom Inc.', 'NASDAQ', 'Technology', 168.90, 0.45, 0.18, 25000000),
  ('QCOM', 'QUALCOMM Incorporated', 'NASDAQ', 'Technology', 162.10, 0.35, 0.06, 8000000),
  ('TXN', 'Texas Instruments Incorporated', 'NASDAQ', 'Technology', 198.50, 0.27, 0.05, 5500000),
  ('IBM', 'International Business Machines Corporation', 'NYSE', 'Technology', 221.30, 0.22, 0.08, 4000000),
  ('PLTR', 'Palantir Technologies Inc.', 'NASDAQ', 'Technology', 58.70, 0.65, 0.20, 60000000),
  ('BAC', 'Bank of America Corporation', 'NYSE', 'Financials', 44.10, 0.26, 0.06, 35000000),
  ('WFC', 'Wells Fargo & Company', 'NYSE', 'Financials', 70.20, 0.27, 0.06, 16000000),
  ('GS', 'The Goldman Sachs Group, Inc.', 'NYSE', 'Financials', 575.40, 0.27, 0.08, 2300000),
  ('MS', 'Morgan Stanley', 'NYSE', 'Financials', 128.60, 0.27, 0.07, 7000000),
  ('C', 'Citigroup Inc.', 'NYSE', 'Financials', 68.30, 0.29, 0.05, 14000000),
  ('AXP', 'American Express Company', 'NYSE', 'Financials', 285.90, 0.26, 0.09, 2800000),
  ('PYPL', 'PayPal Holdings, Inc.', 'NASDAQ', 'Financials', 79.30, 0.38, 0.04, 14000000),
  ('COIN', 'Coinbase Global, Inc.', 'NASDAQ', 'Financials', 265.40, 0.75, 0.15, 10000000),
  ('BA', 'The Boeing Company', 'NYSE', 'Industrials', 152.40, 0.38, -0.02, 8000000),
  ('CAT', 'Caterpillar Inc.', 'NYSE', 'Industrials', 385.70, 0.29, 0.07, 2500000),
  ('GE', 'GE Aerospace', 'NYSE', 'Industrials', 178.20, 0.30, 0.12, 5500000),
  ('HON', 'Honeywell International Inc.', 'NASDAQ', 'Industrials', 221.50, 0.20, 0.05, 3500000),
  ('UPS', 'United Parcel Service, Inc.', 'NYSE', 'Industrials', 132.80, 0.28, -0.02, 4500000),
  ('LMT', 'Lockheed Martin Corporation', 'NYSE', 'Industrials', 540.10, 0.20, 0.05, 1200000),
  ('UBER', 'Uber Technologies, Inc.', 'NYSE', 'Industrials', 72.40, 0.42, 0.12, 20000000),
  ('NEE', 'NextEra Energy, Inc.', 'NYSE', 'Utilities', 76.50, 0.24, 0.05, 10000000),
  ('PLD', 'Prologis, Inc.', 'NYSE', 'Real Estate', 115.20, 0.27, 0.04, 3500000),
  ('LIN', 'Linde plc', 'NASDAQ', 'Materials', 455.60, 0.18, 0.06, 2000000)
) as t (symbol, name, exchange, sector, price, volatility, drift, average_volume)
on conflict (symbol) do nothing;

create temporary table seed_fresh_symbols as
select s.symbol from public.stocks s
where not exists (select 1 from public.price_candles c where c.symbol = s.symbol);

-- One year of daily candles ending yesterday (UTC), anchored on the reference price. A day's
-- return r runs close to close; it opens at a gap from the previous close (':g:' draws, a
-- quarter of the day's variance, as market_tick's roll-over draws them) and trades the rest.
with steps as (
  select s.symbol, s.price as reference, s.volatility::double precision as sigma, s.average_volume, d.i,
    (s.drift - s.volatility * s.volatility / 2)::double precision / 365.25
      + s.volatility::double precision * sqrt(1 / 365.25) * private.normal(20240101, s.symbol || ':d:' || d.i) as r,
    s.volatility::double precision * sqrt(1 / 365.25) / 2 * private.normal(20240101, s.symbol || ':g:' || d.i) as gap
  from public.stocks s
  join seed_fresh_symbols using (symbol)
  cross join generate_series(1, 365) as d (i)
), walk as (
  select symbol, reference, sigma, average_volume, i, r, gap,
    sum(r) over (partition by symbol order by i) - sum(r) over (partition by symbol) as log_close
  from steps
), bars as (
  select symbol, i, sigma, average_volume,
    reference * exp(log_close - r + gap)::numeric as open,
    reference * exp(log_close)::numeric as close
  from walk
)
insert into public.price_candles (symbol, "interval", bucket, open, high, low, close, volume)
select b.symbol, '1d',
  ((now() at time zone 'utc')::date - (366 - b.i))::timestamp at time zone 'utc',
  round(b.open, 4),
  round(greatest(b.open, b.close) * exp(abs(private.normal(20240101, b.symbol || ':h:' || b.i)) * b.sigma / sqrt(365.25) / 2)::numeric, 4),
  round(least(b.open, b.close) * exp(-abs(private.normal(20240101, b.symbol || ':l:' || b.i)) * b.sigma / sqrt(365.25) / 2)::numeric, 4),
  round(b.close, 4),
  floor(b.average_volume * (0.6 + 0.8 * private.uniform(20240101, b.symbol || ':v:' || b.i)))::bigint
from bars b
on conflict (symbol, "interval", bucket) do nothing;

-- Today's 1-minute candles, from UTC midnight (the market trades around the clock, and the
-- 1D chart and the day's volume cover the UTC day) up to the minute before now, starting from
-- today's open: the reference price (yesterday's close) and today's gap (day 366). A minute
-- moves as a live one does: market_tick runs simulated time at market_state.speed times real
-- time, so a minute's volatility is that of 60 * speed seconds.
-- Volume follows real time, as market_tick's does: average_volume / 1440 a minute.
with minutes as (
  select floor(extract(epoch from now() - date_trunc('day', now(), 'UTC')) / 60)::integer as n,
    sqrt(60 * (select speed from public.market_state) / 31557600.0)::double precision as scale
), steps as (
  select s.symbol, s.price as reference, s.average_volume, m.i,
    date_trunc('minute', now()) - (mm.n - m.i + 1) * interval '1 minute' as bucket,
    s.volatility::double precision * sqrt(1 / 365.25) / 2 * private.normal(20240101, s.symbol || ':g:366') as gap,
    s.volatility::double precision * mm.scale
      * private.normal(20240101, s.symbol || ':m:' || m.i) as r
  from public.stocks s
  join seed_fresh_symbols using (symbol)
  cross join minutes mm
  cross join generate_series(1, (select n from minutes)) as m (i)
), walk as (
  select symbol, reference, average_volume, i, bucket, r,
    gap + sum(r) over (partition by symbol order by i) as log_close
  from steps
)
insert into public.price_candles (symbol, "interval", bucket, open, high, low, close, volume)
select w.symbol, '1m', w.bucket,
  round(w.reference * exp(w.log_close - w.r)::numeric, 4),
  round(w.reference * exp(greatest(w.log_close, w.log_close - w.r) + abs(w.r) / 2)::numeric, 4),
  round(w.reference * exp(least(w.log_close, w.log_close - w.r) - abs(w.r) / 2)::numeric, 4),
  round(w.reference * exp(w.log_close)::numeric, 4),
  floor(w.average_volume / 1440.0 * (0.5 + private.uniform(20240101, w.symbol || ':mv:' || w.i)))::bigint
from walk w
on conflict (symbol, "interval", bucket) do nothing;

-- Day stats from today's candles; the last one is the live price until the first tick.
update public.stocks s set
  price = today.close,
  day_open = today.open,
  day_high = today.high,
  day_low = today.low,
  volume = today.volume,
  updated_at = now()
from (
  select c.symbol,
    (array_agg(c.open order by c.bucket))[1] as open,
    (array_agg(c.close order by c.bucket desc))[1] as close,
    max(c.high) as high, min(c.low) as low, sum(c.volume)::bigint as volume
  from public.price_candles c
  join seed_fresh_symbols using (symbol)
  where c."interval" = '1m' and c.bucket >= date_trunc('day', now(), 'UTC')
  group by c.symbol
) today
where s.symbol = today.symbol;

drop table seed_fresh_symbols;
