-- The simulated market trades around the clock, real ones about 6.5 hours on 252 days a year,
-- so annual volatility spread over every second of the year made one-second moves ~2.3x
-- smaller than a real stock's during trading hours (a $230 stock barely moved a cent). Run
-- simulated time at 8766 / (252 * 6.5) ~= 5.35x real time, which gives each second the
-- volatility of a real trading-hours second. Tests still set speed 0 to freeze prices.

alter table public.market_state alter column speed set default 5.35;
update public.market_state set speed = 5.35 where speed = 1;
