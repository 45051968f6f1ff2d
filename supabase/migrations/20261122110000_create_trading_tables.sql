-- The StockTrade schema (SPEC §3): profiles, stocks, candles, positions, orders, the fill
-- ledger and watchlists, with their checks, indexes and row-level security.
-- All trust lives here: clients may read their own rows and edit a few harmless columns;
-- cash, positions, orders and the ledger change only through the functions of the next
-- migrations (security definer), never by a direct write.
--
-- Design notes beyond SPEC §3:
-- * Runs: `profiles.current_run` numbers the user's portfolio runs. `reset_portfolio()`
--   starts a new run; orders and transactions keep the run they belong to (`run`), so old
--   history stays readable and is marked as a previous run (`run < current_run`).
-- * Holds: a resting buy reserves cash (`orders.held_cash`, summed in `profiles.held_cash`),
--   a resting sell reserves shares (`portfolios.held_quantity`). Buying power is
--   `profiles.buying_power` = cash - held_cash.
-- * Resting orders carry the price that wakes them up (`trigger_price`) and its direction
--   (`trigger_above`): market_tick scans only the index range the new price crossed.
-- * Watchlist alerts fire once: market_tick records `alert_triggered_at/_price/_direction`
--   and clears the threshold; the row change reaches the owner through postgres_changes.

create schema if not exists private;
comment on schema private is 'Internal helpers of the trading engine; not exposed through the API.';
revoke all on schema private from public, anon, authenticated;

-- profiles -------------------------------------------------------------------------------

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null check (char_length(display_name) between 1 and 60),
  avatar_url text check (avatar_url is null or char_length(avatar_url) <= 2048),
  cash numeric(20, 4) not null default 100000 check (cash >= 0),
  held_cash numeric(20, 4) not null default 0 check (held_cash >= 0),
  buying_power numeric(20, 4) generated always as (cash - held_cash) stored,
  starting_cash numeric(20, 4) not null default 100000 check (starting_cash > 0),
  show_on_leaderboard boolean not null default false,
  current_run integer not null default 1 check (current_run >= 1),
  run_started_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.profiles is
  'One row per auth user: display settings, cash and the current portfolio run. Created by trigger on auth.users insert.';
comment on column public.profiles.held_cash is 'Cash reserved by the user''s resting buy orders.';
comment on column public.profiles.buying_power is 'cash - held_cash: what a new buy order may spend.';
comment on column public.profiles.current_run is 'Portfolio run number; reset_portfolio() increments it. History rows carry their run.';

-- stocks ---------------------------------------------------------------------------------

create table public.stocks (
  symbol text primary key check (symbol ~ '^[A-Z][A-Z0-9.]{0,9}$'),
  name text not null,
  exchange text not null check (exchange in ('NASDAQ', 'NYSE', 'NYSE American', 'NYSE Arca')),
  sector text not null,
  currency text not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  price numeric(20, 4) not null check (price > 0),
  previous_close numeric(20, 4) not null check (previous_close > 0),
  day_open numeric(20, 4) not null check (day_open > 0),
  day_high numeric(20, 4) not null check (day_high > 0),
  day_low numeric(20, 4) not null check (day_low > 0),
  volume bigint not null default 0 check (volume >= 0),
  average_volume bigint not null default 1000000 check (average_volume >= 0),
  volatility numeric(8, 4) not null check (volatility >= 0 and volatility <= 5),
  drift numeric(8, 4) not null default 0 check (drift between -1 and 1),
  updated_at timestamptz not null default now()
);
comment on table public.stocks is
  'The simulated market: one row per ticker with its live price and day stats, moved by market_tick(). Public.';
comment on column public.stocks.volatility is 'Annualised volatility (sigma) of the geometric Brownian motion.';
comment on column public.stocks.drift is 'Annualised drift (mu) of the geometric Brownian motion.';
comment on column public.stocks.average_volume is 'Typical shares traded per day; scales the simulated volume.';

-- price_candles --------------------------------------------------------------------------

create table public.price_candles (
  symbol text not null references public.stocks (symbol) on delete cascade,
  "interval" text not null check ("interval" in ('1m', '1d')),
  bucket timestamptz not null,
  open numeric(20, 4) not null check (open > 0),
  high numeric(20, 4) not null check (high > 0),
  low numeric(20, 4) not null check (low > 0),
  close numeric(20, 4) not null check (close > 0),
  volume bigint not null default 0 check (volume >= 0),
  primary key (symbol, "interval", bucket),
  check (low <= high)
);
comment on table public.price_candles is
  'OHLCV candles per symbol: 1-minute (kept 7 days) and daily. Written by market_tick() and the seed. Public.';

-- portfolios -----------------------------------------------------------------------------

create table public.portfolios (
  user_id uuid not null references public.profiles (id) on delete cascade,
  symbol text not null references public.stocks (symbol),
  quantity numeric(20, 6) not null default 0 check (quantity >= 0),
  held_quantity numeric(20, 6) not null default 0 check (held_quantity >= 0 and held_quantity <= quantity),
  average_cost numeric(20, 4) not null default 0 check (average_cost >= 0),
  realized_pnl numeric(20, 4) not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- also serves the portfolios(user_id) lookups of SPEC §6
  primary key (user_id, symbol)
);
comment on table public.portfolios is
  'Positions of the current run, one row per (user, symbol); kept at quantity 0 to remember realized P&L.';
comment on column public.portfolios.held_quantity is 'Shares reserved by the user''s resting sell orders.';

create index portfolios_open_positions_idx on public.portfolios (user_id, symbol) where quantity > 0;

-- orders ---------------------------------------------------------------------------------

create table public.orders (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  run integer not null default 1 check (run >= 1),
  client_order_id uuid,
  symbol text not null references public.stocks (symbol),
  side text not null check (side in ('buy', 'sell')),
  type text not null check (type in ('market', 'limit', 'stop', 'stop_limit')),
  quantity numeric(20, 6) not null check (quantity > 0),
  notional numeric(20, 4) check (notional is null or notional > 0),
  limit_price numeric(20, 4) check (limit_price is null or limit_price > 0),
  stop_price numeric(20, 4) check (stop_price is null or stop_price > 0),
  time_in_force text not null default 'gtc' check (time_in_force in ('day', 'gtc')),
  status text not null default 'pending'
    check (status in ('pending', 'filled', 'cancelled', 'rejected', 'expired')),
  trigger_price numeric(20, 4),
  trigger_above boolean,
  triggered_at timestamptz,
  held_cash numeric(20, 4) not null default 0 check (held_cash >= 0),
  filled_price numeric(20, 4),
  filled_at timestamptz,
  reject_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint orders_client_order_id_key unique (user_id, client_order_id),
  constraint orders_limit_price_required check ((type in ('limit', 'stop_limit')) = (limit_price is not null)),
  constraint orders_stop_price_required check ((type in ('stop', 'stop_limit')) = (stop_price is not null)),
  constraint orders_resting_has_trigger
    check (status <> 'pending' or type = 'market' or (trigger_price is not null and trigger_above is not null)),
  constraint orders_filled_has_price check ((status = 'filled') = (filled_price is not null and filled_at is not null))
);
comment on table public.orders is
  'Every order a user placed, in every run. Written only by place_order, cancel_order, reset_portfolio and market_tick.';
comment on column public.orders.run is 'The portfolio run (profiles.current_run) the order belongs to.';
comment on column public.orders.trigger_price is
  'Price at which a resting order wakes up: limit price for limits, stop price for stops and untriggered stop-limits.';
comment on column public.orders.trigger_above is 'true: wakes when price >= trigger_price; false: when price <= trigger_price.';
comment on column public.orders.triggered_at is 'When a stop or stop-limit order''s stop price was reached.';
comment on column public.orders.held_cash is 'Cash this buy order reserves while it rests (see place_order for the rule).';

create index orders_user_created_idx on public.orders (user_id, created_at desc);
-- the resting-order index: market_tick range-scans it per symbol from the new price
create index orders_resting_idx on public.orders (symbol, trigger_above, trigger_price)
  where status = 'pending';

-- transactions ---------------------------------------------------------------------------

create table public.transactions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  run integer not null default 1 check (run >= 1),
  order_id uuid not null unique references public.orders (id) on delete cascade,
  symbol text not null references public.stocks (symbol),
  side text not null check (side in ('buy', 'sell')),
  quantity numeric(20, 6) not null check (quantity > 0),
  price numeric(20, 4) not null check (price > 0),
  amount numeric(20, 4) not null check (amount >= 0),
  fee numeric(20, 4) not null default 0 check (fee >= 0),
  realized_pnl numeric(20, 4),
  cash_after numeric(20, 4) not null check (cash_after >= 0),
  created_at timestamptz not null default now()
);
comment on table public.transactions is
  'Immutable ledger of fills: exactly one row per filled order. amount = round(quantity * price, 4); fees are 0.';
comment on column public.transactions.realized_pnl is 'For sells: amount - quantity * average cost at the time of the fill.';

create index transactions_user_created_idx on public.transactions (user_id, created_at desc);

-- wishlists ------------------------------------------------------------------------------

create table public.wishlists (
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  symbol text not null references public.stocks (symbol) on delete cascade,
  alert_above numeric(20, 4) check (alert_above is null or alert_above > 0),
  alert_below numeric(20, 4) check (alert_below is null or alert_below > 0),
  alert_triggered_at timestamptz,
  alert_triggered_price numeric(20, 4),
  alert_triggered_direction text check (alert_triggered_direction in ('above', 'below')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- also serves the wishlists(user_id, symbol) lookups of SPEC §6
  primary key (user_id, symbol)
);
comment on table public.wishlists is
  'Watchlist entries with optional one-shot price alerts; market_tick() records a crossing and clears the threshold.';

create index wishlists_alert_above_idx on public.wishlists (symbol, alert_above) where alert_above is not null;
create index wishlists_alert_below_idx on public.wishlists (symbol, alert_below) where alert_below is not null;

-- the market simulator's state -----------------------------------------------------------

create table public.market_state (
  id boolean primary key default true check (id),
  seed bigint not null default (floor(random() * 9007199254740991))::bigint,
  tick_count bigint not null default 0,
  speed double precision not null default 1 check (speed >= 0),
  trading_day date not null default (now() at time zone 'utc')::date,
  last_tick_at timestamptz
);
comment on table public.market_state is
  'Singleton state of the market simulator: RNG seed and counter (a tick is deterministic given both), simulated-time speed, current UTC trading day. service_role only.';
comment on column public.market_state.speed is 'Simulated seconds per real second; 0 freezes prices (tests).';

insert into public.market_state (id) values (true);

-- timestamps and guards ------------------------------------------------------------------

create or replace function private.touch_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

create trigger profiles_touch_updated_at before update on public.profiles
  for each row execute function private.touch_updated_at();
create trigger portfolios_touch_updated_at before update on public.portfolios
  for each row execute function private.touch_updated_at();
create trigger orders_touch_updated_at before update on public.orders
  for each row execute function private.touch_updated_at();

-- a user editing a threshold re-arms the alert; market_tick's own update (which sets the
-- triggered fields) passes through untouched
create or replace function private.rearm_wishlist_alert()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  if new.alert_triggered_at is not distinct from old.alert_triggered_at
    and (new.alert_above is distinct from old.alert_above or new.alert_below is distinct from old.alert_below) then
    new.alert_triggered_at := null;
    new.alert_triggered_price := null;
    new.alert_triggered_direction := null;
  end if;
  return new;
end
$$;

create trigger wishlists_rearm_alert before update on public.wishlists
  for each row execute function private.rearm_wishlist_alert();

create or replace function private.forbid_ledger_update()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'transactions are immutable' using errcode = '42501';
end
$$;

create trigger transactions_immutable before update on public.transactions
  for each row execute function private.forbid_ledger_update();

-- profile for every new auth user --------------------------------------------------------

create or replace function private.handle_new_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_meta jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
  v_name text;
begin
  v_name := coalesce(
    nullif(btrim(v_meta ->> 'full_name'), ''),
    nullif(btrim(v_meta ->> 'name'), ''),
    nullif(btrim(v_meta ->> 'display_name'), ''),
    case when coalesce(new.is_anonymous, false) then null else nullif(split_part(new.email, '@', 1), '') end,
    'Guest ' || left(replace(new.id::text, '-', ''), 4)
  );
  insert into public.profiles (id, display_name, avatar_url, cash, starting_cash)
  values (
    new.id,
    left(v_name, 60),
    coalesce(nullif(v_meta ->> 'avatar_url', ''), nullif(v_meta ->> 'picture', '')),
    100000,
    100000
  )
  on conflict (id) do nothing;
  return new;
end
$$;

create trigger on_auth_user_created after insert on auth.users
  for each row execute function private.handle_new_user();

revoke all on function private.touch_updated_at(), private.rearm_wishlist_alert(),
  private.forbid_ledger_update(), private.handle_new_user() from public, anon, authenticated;

-- grants: start from nothing, then allow exactly what clients need -----------------------

revoke all on public.profiles, public.stocks, public.price_candles, public.portfolios,
  public.orders, public.transactions, public.wishlists, public.market_state
  from public, anon, authenticated;

grant select on public.stocks, public.price_candles to anon, authenticated;
grant select on public.profiles, public.portfolios, public.orders, public.transactions,
  public.wishlists to authenticated;
grant update (display_name, avatar_url, show_on_leaderboard) on public.profiles to authenticated;
grant insert (user_id, symbol, alert_above, alert_below) on public.wishlists to authenticated;
grant update (alert_above, alert_below) on public.wishlists to authenticated;
grant delete on public.wishlists to authenticated;
grant all on public.profiles, public.stocks, public.price_candles, public.portfolios,
  public.orders, public.transactions, public.wishlists, public.market_state to service_role;

-- row-level security ---------------------------------------------------------------------

alter table public.profiles enable row level security;
alter table public.stocks enable row level security;
alter table public.price_candles enable row level security;
alter table public.portfolios enable row level security;
alter table public.orders enable row level security;
alter table public.transactions enable row level security;
alter table public.wishlists enable row level security;
alter table public.market_state enable row level security;

create policy "Anyone can read stocks" on public.stocks
  for select to anon using (true);
create policy "Signed-in users can read stocks" on public.stocks
  for select to authenticated using (true);

create policy "Anyone can read price candles" on public.price_candles
  for select to anon using (true);
create policy "Signed-in users can read price candles" on public.price_candles
  for select to authenticated using (true);

create policy "Users can read their own profile" on public.profiles
  for select to authenticated using (id = (select auth.uid()));
create policy "Users can update their own profile" on public.profiles
  for update to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));

create policy "Users can read their own positions" on public.portfolios
  for select to authenticated using (user_id = (select auth.uid()));

create policy "Users can read their own orders" on public.orders
  for select to authenticated using (user_id = (select auth.uid()));

create policy "Users can read their own transactions" on public.transactions
  for select to authenticated using (user_id = (select auth.uid()));

create policy "Users can read their own watchlist" on public.wishlists
  for select to authenticated using (user_id = (select auth.uid()));
create policy "Users can add to their own watchlist" on public.wishlists
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy "Users can update their own watchlist alerts" on public.wishlists
  for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));
create policy "Users can remove from their own watchlist" on public.wishlists
  for delete to authenticated using (user_id = (select auth.uid()));

-- realtime: per-user order fills, alerts and profile (cash) changes via postgres_changes --

do $$
declare
  v_table text;
begin
  if exists (select 1 from pg_catalog.pg_publication where pubname = 'supabase_realtime') then
    foreach v_table in array array['orders', 'wishlists', 'profiles', 'portfolios'] loop
      if not exists (
        select 1 from pg_catalog.pg_publication_tables
        where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = v_table
      ) then
        execute format('alter publication supabase_realtime add table public.%I', v_table);
      end if;
    end loop;
  end if;
end
$$;
