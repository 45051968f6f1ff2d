-- place_order throughput, part three (bench/place-order-throughput.ts, goal 0.8x pgbench),
-- profiled on PostgreSQL 15 with callgrind (instructions per market order, one session, buys
-- and sells of one share: 1.60 M per order, of which 0.31 M is the transaction and RPC call
-- around it). Postgres rebuilds each CHECK of a table from its stored node text once per
-- statement that writes the table and runs every foreign-key check as its own query, so a
-- trade paid for rules about columns it never writes. Nothing a trade could write is checked
-- any less:
-- * profiles' display_name and avatar_url rules (profiles_display_name_check,
--   profiles_display_name_visible_check with its two regular expressions, and
--   profiles_avatar_url_check): 0.12 M per order, rebuilt and run on every cash update. They
--   are now checked by a BEFORE INSERT OR UPDATE OF display_name, avatar_url trigger, so they
--   run whenever one of those columns is written (a new profile, a rename, a linked identity's
--   picture) and never when cash is: same conditions (a NULL result passes, as in a CHECK),
--   same order, and a violation is still SQLSTATE 23514 with the same constraint name and
--   message. The trigger's name sorts after profiles_touch_updated_at, so it sees the row as
--   the other BEFORE triggers leave it, as a CHECK does.
-- * transactions had three foreign keys, to orders, profiles and stocks: three referential
--   checks per fill, 0.06 M net. A fill row now references its order by (id, user_id, symbol)
--   in one key, which implies the other two (the order's user is a profile and its symbol a
--   stock, by orders' own keys) and is stricter than before: a ledger row can no longer name
--   another user or symbol than its order's. Deleting a profile still deletes its fills
--   (profile -> orders -> transactions, both on delete cascade). The key keeps the name
--   transactions_order_id_fkey; orders gets the unique (id, user_id, symbol) it needs.
-- * portfolios_cost_basis_check (cost_basis >= 0) joins the other position rules in
--   position_row_is_valid: one check per position write instead of two (0.02 M). A violation
--   is reported as portfolios_row_valid, SQLSTATE 23514 as before.
-- Measured: 1.60 M -> 1.40 M instructions per market order (callgrind); bench ratios in the
-- commit message.

alter table public.profiles
  drop constraint profiles_avatar_url_check,
  drop constraint profiles_display_name_check,
  drop constraint profiles_display_name_visible_check;

create function private.check_profile_names()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- the former CHECKs, in their order (by name); a NULL result passes, as it did there
  if not coalesce(new.avatar_url is null or char_length(new.avatar_url) <= 2048, true) then
    raise exception using errcode = 'check_violation', schema = 'public', table = 'profiles',
      constraint = 'profiles_avatar_url_check',
      message = 'new row for relation "profiles" violates check constraint "profiles_avatar_url_check"';
  end if;
  if not coalesce(char_length(new.display_name) >= 1 and char_length(new.display_name) <= 60, true) then
    raise exception using errcode = 'check_violation', schema = 'public', table = 'profiles',
      constraint = 'profiles_display_name_check',
      message = 'new row for relation "profiles" violates check constraint "profiles_display_name_check"';
  end if;
  if not coalesce(
      new.display_name ~ '[^[:space:]\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]'
        and new.display_name !~ '[\u0001-\u001f\u007f-\u009f]',
      true) then
    raise exception using errcode = 'check_violation', schema = 'public', table = 'profiles',
      constraint = 'profiles_display_name_visible_check',
      message = 'new row for relation "profiles" violates check constraint "profiles_display_name_visible_check"';
  end if;
  return new;
end
$$;
revoke all on function private.check_profile_names() from public, anon, authenticated;

-- after every other BEFORE trigger of profiles (they fire by name), as a CHECK would be
create trigger profiles_validate_names before insert or update of display_name, avatar_url
  on public.profiles
  for each row execute function private.check_profile_names();

alter table public.orders
  add constraint orders_id_user_id_symbol_key unique (id, user_id, symbol);
alter table public.transactions
  drop constraint transactions_order_id_fkey,
  drop constraint transactions_user_id_fkey,
  drop constraint transactions_symbol_fkey,
  add constraint transactions_order_id_fkey foreign key (order_id, user_id, symbol)
    references public.orders (id, user_id, symbol) on delete cascade;

create or replace function private.position_row_is_valid(p public.portfolios)
returns boolean
language plpgsql
immutable
as $$
begin
  return p.quantity >= 0
    and p.held_quantity >= 0 and p.held_quantity <= p.quantity
    and p.average_cost >= 0
    and p.cost_basis >= 0;
end
$$;
alter table public.portfolios drop constraint portfolios_cost_basis_check;
