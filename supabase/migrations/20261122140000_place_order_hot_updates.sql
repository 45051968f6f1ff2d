-- place_order throughput, part two (bench/place-order-throughput.ts, issue 4), profiled on
-- PostgreSQL 15 (perf on the backends, per-order CPU time, pg_stat_user_tables):
-- * Positions are updated HOT again. A partial index's predicate columns count as indexed
--   columns, so `where quantity > 0` made every trade's position update a non-HOT update:
--   a new entry in both portfolio indexes per trade, and under a steady stream of orders the
--   primary key filled with dead entries for the same few keys that every later lookup had to
--   step over (per-order time grew until autovacuum came by). The open-positions index now
--   tests `is_open`, a stored generated column (quantity > 0) that changes only when a
--   position opens or closes; `where is_open` selects exactly the rows `quantity > 0` did.
-- * orders' client_order_id uniqueness is a partial unique index (client_order_id is not
--   null), same name: NULLs never conflicted, so orders without a client id no longer add an
--   index entry that can never be used.
-- * updated_at: the touch triggers of profiles and portfolios run only when the update does not
--   already set updated_at to now(), which is what the trigger would write; place_order sets
--   it itself and skips a plpgsql trigger call per row. Every other writer is unchanged.
-- * place_order reads the symbol key once (the stock lookup compared upper(btrim(..)) per
--   row of a sequential scan), and a sell locks the profile and the position in one statement
--   (profile first, then position: the engine's lock order), falling back to the separate
--   reads when the user has no position in that stock.
-- Rules, messages, reasons and checks are unchanged.

alter table public.portfolios
  add column is_open boolean not null generated always as (quantity > 0) stored;
comment on column public.portfolios.is_open is
  'quantity > 0, stored: the open-positions index tests it, so trades that keep a position open update the row in place (HOT).';
drop index public.portfolios_open_positions_idx;
create index portfolios_open_positions_idx on public.portfolios (user_id, symbol) where is_open;

alter table public.orders drop constraint orders_client_order_id_key;
create unique index orders_client_order_id_key on public.orders (user_id, client_order_id)
  where client_order_id is not null;

drop trigger profiles_touch_updated_at on public.profiles;
create trigger profiles_touch_updated_at before update on public.profiles
  for each row when (new.updated_at is distinct from now())
  execute function private.touch_updated_at();
drop trigger portfolios_touch_updated_at on public.portfolios;
create trigger portfolios_touch_updated_at before update on public.portfolios
  for each row when (new.updated_at is distinct from now())
  execute function private.touch_updated_at();

create or replace function public.place_order(
  p_symbol text,
  p_side text,
  p_quantity numeric default null,
  p_type text default 'market',
  p_limit_price numeric default null,
  p_stop_price numeric default null,
  p_time_in_force text default 'gtc',
  p_client_order_id uuid default null,
  p_notional numeric default null
)
returns public.orders
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_cash numeric(20, 4);
  v_held_cash numeric(20, 4);
  v_run integer;
  v_symbol text;
  v_price numeric(20, 4);
  v_key text := upper(btrim(p_symbol));
  v_has_position boolean := false;
  v_position_quantity numeric(20, 6);
  v_position_held numeric(20, 6);
  v_position_cost numeric(20, 4);
  v_order public.orders;
  v_side text := lower(btrim(p_side));
  v_type text := lower(btrim(coalesce(p_type, 'market')));
  v_tif text := lower(btrim(coalesce(p_time_in_force, 'gtc')));
  v_limit numeric(20, 4);
  v_stop numeric(20, 4);
  v_reference numeric;
  v_quantity numeric(20, 6);
  v_hold numeric(20, 4) := 0;
  v_amount numeric(20, 4);
  v_pnl numeric(20, 4);
  v_now timestamptz := now();
begin
  if v_uid is null then
    perform private.reject('You must be signed in to trade.', 'not_authenticated');
  end if;
  -- a sell: the caller's profile and position, locked in that order, and the stock in one
  -- statement; without a position, the reads below
  if v_side = 'sell' then
    select p.cash, p.held_cash, p.current_run, s.symbol, s.price, pf.quantity, pf.held_quantity,
        pf.average_cost
      into v_cash, v_held_cash, v_run, v_symbol, v_price, v_position_quantity, v_position_held,
        v_position_cost
      from public.profiles p
      join public.stocks s on s.symbol = v_key
      join public.portfolios pf on pf.user_id = p.id and pf.symbol = s.symbol
      where p.id = v_uid
      for update of p, pf;
    v_has_position := found;
  end if;
  -- the caller's profile, locked, and the stock in the same statement (the stock is only
  -- reported as unknown after the arguments are checked, as before)
  if not v_has_position then
    select p.cash, p.held_cash, p.current_run, s.symbol, s.price
      into v_cash, v_held_cash, v_run, v_symbol, v_price
      from public.profiles p
      left join public.stocks s on s.symbol = v_key
      where p.id = v_uid
      for update of p;
    if not found then
      perform private.reject('You must be signed in to trade.', 'not_authenticated');
    end if;
  end if;

  -- idempotency: a retried submit returns the order the first attempt created
  if p_client_order_id is not null then
    select * into v_order from public.orders where user_id = v_uid and client_order_id = p_client_order_id;
    if found then
      return v_order;
    end if;
  end if;

  if v_side is null or v_side not in ('buy', 'sell') then
    perform private.reject('Side must be buy or sell.', 'invalid_side');
  end if;
  if v_type not in ('market', 'limit', 'stop', 'stop_limit') then
    perform private.reject('Order type must be market, limit, stop or stop_limit.', 'invalid_order_type');
  end if;
  if v_tif not in ('day', 'gtc') then
    perform private.reject('Time in force must be day or gtc.', 'invalid_order_type');
  end if;
  if (p_quantity is null) = (p_notional is null) then
    perform private.reject('Give either a number of shares or a dollar amount.', 'invalid_quantity');
  end if;
  -- the upper bounds also reject NaN and Infinity, which compare above every number
  if p_quantity is not null and (p_quantity <= 0 or p_quantity > 1000000000) then
    perform private.reject('Quantity must be a positive number of shares.', 'invalid_quantity');
  end if;
  if p_notional is not null and (p_notional <= 0 or p_notional > 1000000000000) then
    perform private.reject('The dollar amount must be positive.', 'invalid_quantity');
  end if;

  if v_type in ('limit', 'stop_limit') then
    if p_limit_price is null or p_limit_price <= 0 or p_limit_price > 1000000000 or round(p_limit_price, 4) = 0 then
      perform private.reject('A limit order needs a positive limit price.', 'invalid_price');
    end if;
    v_limit := round(p_limit_price, 4);
  elsif p_limit_price is not null then
    perform private.reject('Only limit and stop-limit orders take a limit price.', 'invalid_price');
  end if;
  if v_type in ('stop', 'stop_limit') then
    if p_stop_price is null or p_stop_price <= 0 or p_stop_price > 1000000000 or round(p_stop_price, 4) = 0 then
      perform private.reject('A stop order needs a positive stop price.', 'invalid_price');
    end if;
    v_stop := round(p_stop_price, 4);
  elsif p_stop_price is not null then
    perform private.reject('Only stop and stop-limit orders take a stop price.', 'invalid_price');
  end if;

  if v_symbol is null then
    perform private.reject(format('Unknown symbol %s.', coalesce(nullif(btrim(p_symbol), ''), '(none)')), 'unknown_symbol');
  end if;

  v_reference := case v_type
    when 'market' then v_price
    when 'stop' then v_stop
    else v_limit
  end;
  if p_quantity is not null then
    v_quantity := round(p_quantity, 6);
  else
    v_quantity := trunc(round(p_notional, 4) / v_reference, 6);
  end if;
  if v_quantity <= 0 or round(v_quantity * v_reference, 4) = 0 then
    perform private.reject('The order is too small: it must be worth at least $0.0001.', 'invalid_quantity');
  end if;

  if v_side = 'buy' then
    if v_type = 'market' then
      if round(v_quantity * v_price, 4) > v_cash - v_held_cash then
        perform private.reject(
          format('Not enough buying power: this order costs %s and you have %s available.',
            round(v_quantity * v_price, 4), v_cash - v_held_cash),
          'insufficient_funds');
      end if;
    else
      v_hold := case v_type
        when 'stop' then round(v_quantity * greatest(v_stop, v_price) * 1.05, 4)
        else round(v_quantity * v_limit, 4)
      end;
      if v_hold > v_cash - v_held_cash then
        perform private.reject(
          format('Not enough buying power: this order holds %s and you have %s available.',
            v_hold, v_cash - v_held_cash),
          'insufficient_funds');
      end if;
    end if;
  else
    if not v_has_position then
      select quantity, held_quantity, average_cost
        into v_position_quantity, v_position_held, v_position_cost
        from public.portfolios
        where user_id = v_uid and symbol = v_symbol
        for update;
      v_has_position := found;
    end if;
    if not v_has_position or v_position_quantity - v_position_held < v_quantity then
      perform private.reject(
        format('Not enough shares: you can sell %s %s.',
          coalesce(v_position_quantity - v_position_held, 0), v_symbol),
        'insufficient_shares');
    end if;
  end if;

  if v_type = 'market' then
    -- born filled: the order, its ledger row, the position and the cash change in one
    -- statement (inserting it pending and then updating it would also re-run the foreign-key
    -- checks, which Postgres repeats for a row inserted earlier in the same transaction)
    v_amount := round(v_quantity * v_price, 4);
    if v_side = 'buy' then
      with placed as (
        insert into public.orders (
          user_id, run, client_order_id, symbol, side, type, quantity, notional, time_in_force,
          status, filled_price, filled_at, created_at, updated_at
        ) values (
          v_uid, v_run, p_client_order_id, v_symbol, 'buy', 'market', v_quantity,
          round(p_notional, 4), v_tif, 'filled', v_price, v_now, v_now, v_now
        )
        returning *
      ), position as (
        insert into public.portfolios as p (user_id, symbol, quantity, average_cost)
        values (v_uid, v_symbol, v_quantity, v_price)
        on conflict (user_id, symbol) do update set
          average_cost = round((p.quantity * p.average_cost + v_amount) / (p.quantity + excluded.quantity), 4),
          quantity = p.quantity + excluded.quantity,
          updated_at = v_now
      ), paid as (
        update public.profiles set cash = cash - v_amount, updated_at = v_now where id = v_uid returning cash
      ), ledger as (
        insert into public.transactions
          (user_id, run, order_id, symbol, side, quantity, price, amount, fee, cash_after, created_at)
        select v_uid, placed.run, placed.id, placed.symbol, 'buy', v_quantity, v_price, v_amount, 0,
          paid.cash, v_now
        from placed, paid
      )
      select * into v_order from placed;
    else
      v_pnl := v_amount - round(v_quantity * v_position_cost, 4);
      with placed as (
        insert into public.orders (
          user_id, run, client_order_id, symbol, side, type, quantity, notional, time_in_force,
          status, filled_price, filled_at, created_at, updated_at
        ) values (
          v_uid, v_run, p_client_order_id, v_symbol, 'sell', 'market', v_quantity,
          round(p_notional, 4), v_tif, 'filled', v_price, v_now, v_now, v_now
        )
        returning *
      ), position as (
        update public.portfolios set
          quantity = quantity - v_quantity,
          realized_pnl = realized_pnl + v_pnl,
          average_cost = case when quantity = v_quantity then 0 else average_cost end,
          updated_at = v_now
        where user_id = v_uid and symbol = v_symbol
      ), paid as (
        update public.profiles set cash = cash + v_amount, updated_at = v_now where id = v_uid returning cash
      ), ledger as (
        insert into public.transactions
          (user_id, run, order_id, symbol, side, quantity, price, amount, fee, realized_pnl, cash_after, created_at)
        select v_uid, placed.run, placed.id, placed.symbol, 'sell', v_quantity, v_price, v_amount, 0,
          v_pnl, paid.cash, v_now
        from placed, paid
      )
      select * into v_order from placed;
    end if;
    return v_order;
  end if;

  -- a resting order and its hold, in one statement
  with placed as (
    insert into public.orders (
      user_id, run, client_order_id, symbol, side, type, quantity, notional, limit_price, stop_price,
      time_in_force, status, trigger_price, trigger_above, held_cash
    ) values (
      v_uid, v_run, p_client_order_id, v_symbol, v_side, v_type, v_quantity,
      round(p_notional, 4), v_limit, v_stop, v_tif, 'pending',
      case v_type when 'limit' then v_limit else v_stop end,
      case v_type when 'limit' then v_side = 'sell' else v_side = 'buy' end,
      v_hold
    )
    returning *
  ), held_cash as (
    update public.profiles set held_cash = held_cash + v_hold, updated_at = v_now
    where id = v_uid and v_side = 'buy'
  ), held_shares as (
    update public.portfolios set held_quantity = held_quantity + v_quantity, updated_at = v_now
    where user_id = v_uid and symbol = v_symbol and v_side = 'sell'
  )
  select * into v_order from placed;
  return v_order;
end
$$;
