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
-- The roll-over as it was (the ended day's candle, day stats reset to the close, `day` orders
-- expired, candle retention) is now private.close_trading_day, unchanged; roll_trading_day
-- closes the day with it and then opens the new one.

alter function private.roll_trading_day(date, date, timestamptz) rename to close_trading_day;
comment on function private.close_trading_day(date, date, timestamptz) is
  'Ends the UTC day p_old_day: its daily candle, day stats reset to the close, day orders expired, 1-minute candles past retention rolled up. Returns the number of orders expired.';

create function private.roll_trading_day(p_old_day date, p_new_day date, p_now timestamptz)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_state public.market_state;
  v_expired integer;
begin
  -- market_tick holds the market_state lock
  select * into v_state from public.market_state where id;
  v_expired := private.close_trading_day(p_old_day, p_new_day, p_now);

  with opening as (
    select s.symbol, greatest(round((s.price * exp(
        s.volatility::double precision * sqrt(1 / 365.25) / 2 * sign(v_state.speed)
        * private.normal(v_state.seed, s.symbol || ':g:' || p_new_day)
      ))::numeric, 4), 0.0001) as open
    from public.stocks s
  )
  update public.stocks s set
    price = opening.open,
    day_open = opening.open,
    day_high = opening.open,
    day_low = opening.open,
    updated_at = p_now
  from opening
  where s.symbol = opening.symbol;

  return v_expired;
end
$$;
comment on function private.roll_trading_day(date, date, timestamptz) is
  'Starts the UTC day p_new_day (market_tick, under the market lock): closes p_old_day, then opens every stock at a seeded gap from its close. Returns the number of day orders expired.';

revoke all on function private.roll_trading_day(date, date, timestamptz)
  from public, anon, authenticated;
