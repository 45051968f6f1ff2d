-- The stock chart's 1W range showed 7 daily candles: too coarse to see a week move, where
-- trading sites draw a week in hours. The 1-minute candles are kept 7 days, a whole week, so
-- get_hourly_candles() rolls them up into UTC hours for one symbol: the open of an hour's first
-- minute, the close of its last, and the high, low and volume over all of them. Hours with no
-- minute (the market clock was stopped) have no row. Read-only over public candles, as the
-- invoker; for signed-in users, as the stock page is. Its cost is one range scan of the
-- candles' primary key, at most 10,080 minutes (7 days).

create function public.get_hourly_candles(p_symbol text, p_since timestamptz)
returns table (
  bucket timestamptz,
  open numeric,
  high numeric,
  low numeric,
  close numeric,
  volume bigint
)
language sql
stable
set search_path = ''
as $$
  select
    date_trunc('hour', c.bucket, 'UTC'),
    (array_agg(c.open order by c.bucket))[1],
    max(c.high),
    min(c.low),
    (array_agg(c.close order by c.bucket desc))[1],
    sum(c.volume)::bigint
  from public.price_candles c
  where c.symbol = p_symbol
    and c."interval" = '1m'
    and c.bucket >= date_trunc('hour', p_since, 'UTC')
  group by 1
  order by 1
$$;

comment on function public.get_hourly_candles(text, timestamptz) is
  'One symbol''s 1-minute candles since the hour of p_since, rolled up into UTC hours (open of the first minute, close of the last, high, low, volume); the chart''s 1W range.';

revoke all on function public.get_hourly_candles(text, timestamptz) from public, anon;
grant execute on function public.get_hourly_candles(text, timestamptz) to authenticated;
