-- A guest who links Google (manual identity linking: the same user, now with a Google identity)
-- keeps their profile, which takes the Google name instead of the generated "Guest xxxx", and
-- the Google picture when it has none (as does an e-mail user's first Google sign-in). A name
-- the guest chose is kept, and so is the guest name of one shown on the leaderboard: linking
-- must not publish their real name there. A new Google user's profile already has both from
-- the user's metadata (handle_new_user), so this changes nothing for them. A picture URL longer
-- than profiles allow is ignored rather than failing the sign-in.
create or replace function private.adopt_linked_identity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_data jsonb := coalesce(new.identity_data, '{}'::jsonb);
  v_name text := coalesce(
    nullif(btrim(v_data ->> 'full_name'), ''),
    nullif(btrim(v_data ->> 'name'), '')
  );
  v_picture text := coalesce(nullif(v_data ->> 'avatar_url', ''), nullif(v_data ->> 'picture', ''));
  v_profile public.profiles;
  v_adopt_name boolean;
begin
  if char_length(v_picture) > 2048 then
    v_picture := null;
  end if;
  select * into v_profile from public.profiles where id = new.user_id for update;
  if not found then
    return new;
  end if;
  v_adopt_name := v_name is not null and not v_profile.show_on_leaderboard
    and v_profile.display_name = 'Guest ' || left(replace(v_profile.id::text, '-', ''), 4);
  if v_adopt_name or (v_profile.avatar_url is null and v_picture is not null) then
    update public.profiles set
      display_name = case when v_adopt_name then left(v_name, 60) else display_name end,
      avatar_url = coalesce(avatar_url, v_picture)
    where id = new.user_id;
  end if;
  return new;
end
$$;

comment on function private.adopt_linked_identity() is
  'After an OAuth identity is added to a user (a guest linking Google): the profile takes its name if it still has the generated guest name and is not on the leaderboard, and its picture if it has none.';

create trigger on_auth_identity_linked after insert on auth.identities
  for each row when (new.provider not in ('email', 'phone'))
  execute function private.adopt_linked_identity();

revoke all on function private.adopt_linked_identity() from public, anon, authenticated;

-- The same guard for a new user's picture: a URL longer than profiles allow is left out rather
-- than failing the sign-up (the rest of handle_new_user is unchanged).
create or replace function private.handle_new_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_meta jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
  v_name text;
  v_picture text := coalesce(nullif(v_meta ->> 'avatar_url', ''), nullif(v_meta ->> 'picture', ''));
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
    case when char_length(v_picture) <= 2048 then v_picture end,
    100000,
    100000
  )
  on conflict (id) do nothing;
  return new;
end
$$;
