-- A guest who links Google (manual identity linking: the same user, now with a Google identity)
-- keeps their profile, which takes the Google name instead of the generated "Guest xxxx", and
-- the Google picture when it has none. A name the guest chose is kept. A new Google user's
-- profile already has both from the user's metadata (handle_new_user), so this changes nothing
-- for them.
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
begin
  update public.profiles p set
    display_name = case
      when v_name is not null and p.display_name = 'Guest ' || left(replace(p.id::text, '-', ''), 4)
        then left(v_name, 60)
      else p.display_name
    end,
    avatar_url = coalesce(p.avatar_url, v_picture)
  where p.id = new.user_id
    and ((v_name is not null and p.display_name = 'Guest ' || left(replace(p.id::text, '-', ''), 4))
      or (p.avatar_url is null and v_picture is not null));
  return new;
end
$$;

comment on function private.adopt_linked_identity() is
  'After an OAuth identity is added to a user (a guest linking Google): the profile takes its name if it still has the generated guest name, and its picture if it has none.';

create trigger on_auth_identity_linked after insert on auth.identities
  for each row when (new.provider not in ('email', 'phone'))
  execute function private.adopt_linked_identity();

revoke all on function private.adopt_linked_identity() from public, anon, authenticated;
