-- A trading day opens at a gap from the previous close, as stocks do.
-- Until now the roll-over at 00:00 UTC set every stock's day_open to its previous close, so the
-- stock page's "Open" always equalled "Previous close" and every day's first move was one
-- tick's. News and orders that arrive while a market is shut make real stocks open away from
-- their close; the simulator now draws that gap when it starts a day:
--   open = previous close * exp(volatility * sqrt(1 / 365.25) / 2 * z),  z ~ N(0, 1)
-- about a quarter of a calendar day's variance (0.8 % for a stock with 30 % volatility),
-- keyed by the market seed, the symbol and the new day, so a seeded market stays
-- deterministic. The day's stats start at the open, the tick that rolls the day moves on from
-- it, and resting orders the gap crosses fill in that same tick as brokers fill them: a stop
-- at the price it gapped to, a limit at its limit or better. A frozen market (speed 0, tests)
-- opens where it closed. The seed draws the same gaps for its history (seed.sql).
-- Everything else roll_trading_day does is unchanged.

create or replace function private.roll_trading_day(p_old_day date, p_new_day date, p_now timestamptz)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_start timestamptz := p_new_day::timestamp at time zone 'utc';
  v_state public.market_state;
  v_order_id uuid;
  v_expired integer := 0;
begin
  select * into v_state from public.market_state where id;

  insert into public.price_candles as c (symbol, "interval", bucket, open, high, low, close, volume)
  select s.symbol, '1d', p_old_day::timestamp at time zone 'utc', s.day_open,
    greatest(s.day_high, s.day_open, s.price), least(s.day_low, s.day_open, s.price), s.price, s.volume
  from public.stocks s
  on conflict (symbol, "interval", bucket) do update set
    open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close,
    volume = excluded.volume;

  with opening as (
    select s.symbol, greatest(round((s.price * exp(
        s.volatility::double precision * sqrt(1 / 365.25) / 2 * sign(v_state.speed)
        * private.normal(v_state.seed, s.symbol || ':g:' || p_new_day)
      ))::numeric, 4), 0.0001) as open
    from public.stocks s
  )
  update public.stocks s set
    previous_close = s.price,
    price = opening.open,
    day_open = opening.open,
    day_high = opening.open,
    day_low = opening.open,
    volume = 0,
    updated_at = p_now
  from opening
  where s.symbol = opening.symbol;

  perform 1 from public.profiles
    where id in (
      select o.user_id from public.orders o
      where o.status = 'pending' and o.time_in_force = 'day' and o.created_at < v_start
    )
    order by id
    for update;
  for v_order_id in
    select o.id from public.orders o
    where o.status = 'pending' and o.time_in_force = 'day' and o.created_at < v_start
    order by o.user_id, o.created_at
  loop
    perform private.close_order(v_order_id, 'expired');
    v_expired := v_expired + 1;
  end loop;

  insert into public.price_candles (symbol, "interval", bucket, open, high, low, close, volume)
  select c.symbol, '1d', date_trunc('day', c.bucket, 'UTC'),
    (array_agg(c.open order by c.bucket))[1], max(c.high), min(c.low),
    (array_agg(c.close order by c.bucket desc))[1], sum(c.volume)
  from public.price_candles c
  where c."interval" = '1m' and c.bucket < p_now - interval '7 days'
  group by c.symbol, date_trunc('day', c.bucket, 'UTC')
  on conflict (symbol, "interval", bucket) do nothing;
  delete from public.price_candles
    where "interval" = '1m' and bucket < p_now - interval '7 days';

  return v_expired;
end
$$;
