/* chorus-sample-people.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chorus-sample-private.h"

/* Who is in the sample: the team, the brand's sources, and the community:
 * people with one to three accounts on different networks, a few segments,
 * imported CRM fields and notes. Some display names are deliberately
 * awkward (right-to-left text, zero-width and bidi control characters,
 * emoji only, empty) because real ones are. */

#define PEOPLE_MIN 60
#define PEOPLE_MAX 25000

static const struct
{
  const char *name;
  const char *email;
  const char *role;
} team[SAMPLE_N_TEAM] = {
  { "Marta Quintero", "marta@tallpine.example", "owner" },
  { "Jonas Berg", "jonas@tallpine.example", "member" },
  { "Priya Raman", "priya@tallpine.example", "member" },
  { "Diego Salas", "diego@tallpine.example", "member" },
  { "Elena Novak", "elena@tallpine.example", "viewer" },
};

static const char * const first_en[] = {
  "Ana", "Ben", "Chloe", "Dylan", "Emma", "Finn", "Grace", "Hannah", "Isaac", "Jade", "Kai",
  "Liam", "Maya", "Noah", "Olivia", "Piper", "Quinn", "Rosa", "Sam", "Tess", "Uma", "Violet",
  "Wes", "Yara", "Zoe", "Aiden", "Bea", "Cole", "Daisy", "Eli",
};
static const char * const last_en[] = {
  "Walker", "Brooks", "Hayes", "Foster", "Reed", "Price", "Bennett", "Ward", "Hughes", "Perry",
  "Long", "Butler", "Barnes", "Fisher", "Hart", "Lane", "Marsh", "Stone", "Wells", "Frost",
  "Pike", "Holt", "Ridge", "Moss", "Vale", "Park", "Kim", "Novak", "Okafor", "Lindqvist",
};
static const char * const first_es[] = {
  "Lucía", "Mateo", "Sofía", "Hugo", "Martina", "Pablo", "Valeria", "Álvaro", "Carmen",
  "Javier", "Elena", "Diego", "Irene", "Sergio", "Nerea", "Iker", "Ainhoa", "Marcos", "Paula",
  "Raúl", "Noelia", "Andrés", "Julia", "Óscar", "Claudia", "Íñigo", "Rocío", "Tomás", "Alba",
  "Gonzalo",
};
static const char * const last_es[] = {
  "García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz", "Díaz",
  "Moreno", "Muñoz", "Álvarez", "Romero", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos",
  "Gil", "Serrano", "Blanco", "Molina", "Ortega", "Delgado", "Castro", "Ortiz", "Rubio",
  "Marín", "Sanz", "Iglesias",
};
static const char * const handle_words[] = {
  "hikes", "outdoors", "trails", "camps", "wanders", "peaks", "montana", "camina", "ruta",
};
static const char * const name_emoji[] = { "🏕️", "🥾", "🌲", "⛰️", "🌄" };
static const char * const mastodon_servers[] = {
  "trailfolk.example", "trailfolk.example", "trailfolk.example", "social.example",
  "social.example", "hikers.example", "fedi.example", "montana.example",
};
static const char * const person_notes[] = {
  "Runs the Pine Ridge hiking club; happy to test prototypes.",
  "Had two warranty claims in 2025, both solved. Keep an eye on tone.",
  "Writes long, thoughtful trip reports on the forum. Possible ambassador.",
  "Prefers to be contacted in Spanish.",
  "Met at the Valencia store opening. Photographer.",
  "Asked not to be featured in our reposts.",
};
static const char * const odd_names[] = {
  "نور حداد",                     /* Arabic, right to left */
  "Zoë\u200BTrail",               /* a zero-width space */
  "Kai \u202Eredlaw\u202C",       /* a right-to-left override */
  "🏔️🏔️🏔️",
  "",
};

/* Feed identities are blogs, each read by its own source. */
static const struct
{
  const char *person;
  const char *blog;
  const char *host;
  const char *feed_url;
  gboolean    spanish;
} blogs[SAMPLE_N_FEEDS] = {
  { "Sam Ortega", "Gear Notes", "gearnotes.example",
    "https://gearnotes.example/feed.xml", FALSE },
  { "Hannah Price", "Trail Journal", "trailjournal.example",
    "https://trailjournal.example/atom.xml", FALSE },
  { "Lucía Ferrer", "Mochila Ligera", "mochilaligera.example",
    "https://mochilaligera.example/feed/", TRUE },
};

typedef struct
{
  ChorusSample    *sample;
  ChorusSampleRng  rng;
  GHashTable      *taken;       /* "network/server/handle" */
  gint64           next_person;
  gint64           next_identity;
} PeopleBuilder;

const char *
_chorus_sample_intern (ChorusSample *self,
                       const char   *text)
{
  return g_string_chunk_insert_const (self->strings, text);
}

void
_chorus_sample_write_team (ChorusSample *self)
{
  ChorusSampleRng rng;

  _chorus_sample_rng_init (&rng, self->seed, SAMPLE_STREAM_TEAM);

  for (guint i = 0; i < SAMPLE_N_TEAM; i++)
    {
      self->team[i] = i + 1;
      SAMPLE_ROW (self->writer, CHORUS_SAMPLE_TEAM_MEMBER,
                  SAMPLE_INT (self->team[i]), SAMPLE_TEXT (team[i].name), SAMPLE_TEXT (team[i].email),
                  SAMPLE_TEXT (team[i].role), SAMPLE_INT (i == 0),
                  SAMPLE_INT (self->anchor - (400 - 30 * (gint64) i) * SAMPLE_DAY
                              - _chorus_sample_rng_below (&rng, SAMPLE_DAY)));
    }
}

static gint64
add_source (ChorusSample        *self,
            gint64               id,
            ChorusSampleNetwork  network,
            const char          *url,
            const char          *account,
            const char          *name,
            const char          *hashtags,
            const char          *cursor_stream,
            const char          *cursor)
{
  gint64 created = self->anchor - 300 * SAMPLE_DAY + id * 3 * SAMPLE_HOUR;
  gint64 synced = self->anchor - 60 - id * 47;

  SAMPLE_ROW (self->writer, CHORUS_SAMPLE_SOURCE,
              SAMPLE_INT (id), SAMPLE_TEXT (_chorus_sample_network_key (network)), SAMPLE_TEXT (url),
              SAMPLE_TEXT (account), SAMPLE_TEXT (name), SAMPLE_INT (network != SAMPLE_FEED),
              SAMPLE_TEXT (hashtags), SAMPLE_TEXT (network == SAMPLE_FEED ? "" : "Tallpine"),
              SAMPLE_INT (1), SAMPLE_INT (synced), SAMPLE_INT (created));
  SAMPLE_ROW (self->writer, CHORUS_SAMPLE_SOURCE_CURSOR,
              SAMPLE_INT (id), SAMPLE_TEXT (cursor_stream), SAMPLE_TEXT (cursor), SAMPLE_INT (synced));

  return id;
}

static void
write_sources (ChorusSample *self)
{
  g_autofree char *bsky_cursor = g_strdup_printf ("%" G_GINT64_FORMAT "000", self->anchor - 60);

  self->sources[SAMPLE_MASTODON] =
    add_source (self, 1, SAMPLE_MASTODON, "https://social.example", "tallpine", "Tallpine on Mastodon",
                "Tallpine TallpineTrail TrailTested", "notifications", "min_id=113927450028841983");
  self->sources[SAMPLE_BLUESKY] =
    add_source (self, 2, SAMPLE_BLUESKY, "https://bsky.example", "tallpine.bsky.example",
                "Tallpine on Bluesky", "Tallpine TallpineTrail", "notifications", bsky_cursor);
  self->sources[SAMPLE_DISCOURSE] =
    add_source (self, 3, SAMPLE_DISCOURSE, "https://community.tallpine.example", "tallpine_team",
                "Tallpine Community forum", "", "c/support/4", "before=48211");
  SAMPLE_ROW (self->writer, CHORUS_SAMPLE_SOURCE_CURSOR,
              SAMPLE_INT (3), SAMPLE_TEXT ("c/trip-reports/7"), SAMPLE_TEXT ("before=48197"),
              SAMPLE_INT (self->anchor - 240));
  SAMPLE_ROW (self->writer, CHORUS_SAMPLE_SOURCE_CURSOR,
              SAMPLE_INT (3), SAMPLE_TEXT ("c/ideas/9"), SAMPLE_TEXT ("before=48102"),
              SAMPLE_INT (self->anchor - 240));

  for (guint i = 0; i < SAMPLE_N_FEEDS; i++)
    {
      gint64 id = add_source (self, 4 + i, SAMPLE_FEED, blogs[i].feed_url, NULL, blogs[i].blog, "",
                              "feed", "etag:\"5f3a-91c\"");

      if (i == 0)
        self->sources[SAMPLE_FEED] = id;
    }
}

static void
ascii_lower (GString    *out,
             const char *name,
             gsize       max)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");

  for (const char *p = ascii; *p != '\0' && max > 0; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          g_string_append_c (out, g_ascii_tolower (*p));
          max--;
        }
    }
}

static void
build_handle (GString         *handle,
              ChorusSampleRng *rng,
              const char      *first,
              const char      *last)
{
  switch (_chorus_sample_rng_below (rng, 5))
    {
    case 0:
      ascii_lower (handle, first, 12);
      ascii_lower (handle, last, 12);
      break;
    case 1:
      ascii_lower (handle, first, 12);
      g_string_append_c (handle, '_');
      ascii_lower (handle, last, 12);
      break;
    case 2:
      ascii_lower (handle, first, 12);
      g_string_append_c (handle, '.');
      ascii_lower (handle, last, 1);
      break;
    case 3:
      ascii_lower (handle, first, 12);
      g_string_append_c (handle, '_');
      g_string_append (handle, SAMPLE_PICK (rng, handle_words));
      break;
    default:
      ascii_lower (handle, first, 12);
      g_string_append_printf (handle, "%u", 70 + _chorus_sample_rng_below (rng, 40));
      break;
    }
}

static ChorusSampleIdentity
add_identity (PeopleBuilder       *builder,
              GArray              *pool,
              gint64               person_id,
              ChorusSampleNetwork  network,
              gint64               source_id,
              const char          *server,
              const char          *handle,
              const char          *display_name,
              gboolean             spanish)
{
  ChorusSample *self = builder->sample;
  g_autofree char *avatar = NULL;
  g_autofree char *profile = NULL;
  ChorusSampleIdentity identity = { 0 };
  gint64 age_days;

  identity.id = builder->next_identity++;
  identity.person_id = person_id;
  identity.network = network;
  identity.spanish = spanish;
  identity.source_id = source_id;
  identity.server = _chorus_sample_intern (self, server);
  identity.handle = _chorus_sample_intern (self, handle);
  identity.display_name = _chorus_sample_intern (self, display_name);

  if (network == SAMPLE_MASTODON)
    {
      avatar = g_strdup_printf ("https://%s/avatars/%s.png", server, handle);
      profile = g_strdup_printf ("https://%s/@%s", server, handle);
    }
  else if (network == SAMPLE_BLUESKY)
    {
      avatar = g_strdup_printf ("https://cdn.bsky.example/avatar/%s.jpg", handle);
      profile = g_strdup_printf ("https://bsky.example/profile/%s", handle);
    }
  else if (network == SAMPLE_DISCOURSE)
    {
      avatar = g_strdup_printf ("https://%s/user_avatar/%s/96.png", server, handle);
      profile = g_strdup_printf ("https://%s/u/%s", server, handle);
    }
  else
    profile = g_strdup_printf ("https://%s/", server);

  age_days = 30 + _chorus_sample_rng_below (&builder->rng, 3000);
  SAMPLE_ROW (self->writer, CHORUS_SAMPLE_IDENTITY,
              SAMPLE_INT (identity.id), SAMPLE_INT (person_id),
              SAMPLE_TEXT (_chorus_sample_network_key (network)), SAMPLE_TEXT (server),
              SAMPLE_TEXT (handle), SAMPLE_TEXT (display_name), SAMPLE_TEXT (avatar),
              SAMPLE_TEXT (profile), SAMPLE_INT (self->anchor - age_days * SAMPLE_DAY));

  if (pool != NULL)
    g_array_append_val (pool, identity);

  return identity;
}

static gint64
add_person (PeopleBuilder *builder,
            const char    *name,
            const char    *notes,
            gint64         age_days)
{
  ChorusSample *self = builder->sample;
  gint64 id = builder->next_person++;

  SAMPLE_ROW (self->writer, CHORUS_SAMPLE_PERSON,
              SAMPLE_INT (id), SAMPLE_TEXT (name), SAMPLE_TEXT (notes ? notes : ""),
              SAMPLE_INT (self->anchor - age_days * SAMPLE_DAY
                          - _chorus_sample_rng_below (&builder->rng, SAMPLE_DAY)));
  return id;
}

static void
write_brand_and_blogs (PeopleBuilder *builder)
{
  ChorusSample *self = builder->sample;
  gint64 brand = add_person (builder, "Tallpine Outdoor Co.", "Our own accounts.", 420);

  SAMPLE_ROW (self->writer, CHORUS_SAMPLE_PERSON_SEGMENT,
              SAMPLE_INT (brand), SAMPLE_TEXT ("employee"));

  /* The brand's accounts are not in the community pools: they only answer. */
  self->brand[SAMPLE_MASTODON] =
    add_identity (builder, NULL, brand, SAMPLE_MASTODON, self->sources[SAMPLE_MASTODON],
                  "social.example", "tallpine", "Tallpine Outdoor Co. 🌲", FALSE);
  self->brand[SAMPLE_BLUESKY] =
    add_identity (builder, NULL, brand, SAMPLE_BLUESKY, self->sources[SAMPLE_BLUESKY],
                  "bsky.example", "tallpine.bsky.example", "Tallpine", FALSE);
  self->brand[SAMPLE_DISCOURSE] =
    add_identity (builder, NULL, brand, SAMPLE_DISCOURSE, self->sources[SAMPLE_DISCOURSE],
                  "community.tallpine.example", "tallpine_team", "Tallpine Team", FALSE);

  for (guint i = 0; i < SAMPLE_N_FEEDS; i++)
    {
      gint64 person = add_person (builder, blogs[i].person, NULL, 200 + i * 40);

      SAMPLE_ROW (self->writer, CHORUS_SAMPLE_PERSON_SEGMENT,
                  SAMPLE_INT (person), SAMPLE_TEXT ("influencer"));
      add_identity (builder, self->identities[SAMPLE_FEED], person, SAMPLE_FEED, 4 + i,
                    blogs[i].host, blogs[i].host, blogs[i].blog, blogs[i].spanish);
    }
}

static void
write_segments_and_fields (PeopleBuilder *builder,
                           gint64         person,
                           guint          index,
                           guint          n_people)
{
  ChorusSample *self = builder->sample;
  ChorusSampleRng *rng = &builder->rng;
  gboolean early = index < n_people / 20;
  static const struct { const char *segment; double early; double rest; } odds[] = {
    { "advocate", 0.45, 0.02 }, { "detractor", 0.05, 0.03 }, { "influencer", 0.2, 0.005 },
    { "vip", 0.05, 0.01 }, { "employee", 0.0, 0.004 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (odds); i++)
    {
      if (_chorus_sample_rng_chance (rng, early ? odds[i].early : odds[i].rest))
        SAMPLE_ROW (self->writer, CHORUS_SAMPLE_PERSON_SEGMENT,
                    SAMPLE_INT (person), SAMPLE_TEXT (odds[i].segment));
    }

  if (_chorus_sample_rng_chance (rng, 0.08))
    {
      g_autofree char *crm = g_strdup_printf ("CRM-%06u", 100000 + (guint) person * 7);
      g_autofree char *value = g_strdup_printf ("€%u", 40 + _chorus_sample_rng_below (rng, 1800));

      SAMPLE_ROW (self->writer, CHORUS_SAMPLE_PERSON_FIELD,
                  SAMPLE_INT (person), SAMPLE_TEXT ("crm_id"), SAMPLE_TEXT (crm));
      SAMPLE_ROW (self->writer, CHORUS_SAMPLE_PERSON_FIELD,
                  SAMPLE_INT (person), SAMPLE_TEXT ("lifetime_value"), SAMPLE_TEXT (value));
      SAMPLE_ROW (self->writer, CHORUS_SAMPLE_PERSON_FIELD,
                  SAMPLE_INT (person), SAMPLE_TEXT ("newsletter"),
                  SAMPLE_TEXT (_chorus_sample_rng_chance (rng, 0.6) ? "yes" : "no"));
    }
}

/* Every third of the first people, among the most active, has an odd name. */
static const char *
odd_name_for (guint index)
{
  if (index < G_N_ELEMENTS (odd_names) * 3 && index % 3 == 2)
    return odd_names[index / 3];

  return NULL;
}

static void
identity_name (GString         *out,
               ChorusSampleRng *rng,
               const char      *first,
               const char      *last,
               guint            index)
{
  if (odd_name_for (index) != NULL)
    {
      g_string_append (out, odd_name_for (index));
      return;
    }

  switch (_chorus_sample_rng_below (rng, 6))
    {
    case 0: g_string_append_printf (out, "%s %s", first, last); break;
    case 1: g_string_append_printf (out, "%s %s", first, SAMPLE_PICK (rng, name_emoji)); break;
    case 2: g_string_append_printf (out, "%s %.1s.", first, last); break;
    case 3: g_string_append (out, first); break;
    default: g_string_append_printf (out, "%s %s", first, last); break;
    }
}

/* One account of a person: handles are unique per network and server, so a
 * taken one gets a number. */
static void
add_account (PeopleBuilder       *builder,
             gint64               person,
             ChorusSampleNetwork  network,
             const char          *handle,
             const char          *display_name,
             gboolean             spanish)
{
  ChorusSample *self = builder->sample;
  ChorusSampleRng *rng = &builder->rng;
  g_autoptr(GString) account = g_string_new (NULL);
  g_autofree char *key = NULL;
  const char *server;

  if (network == SAMPLE_MASTODON)
    {
      /* Spanish speakers gather on their own instance. */
      if (spanish && _chorus_sample_rng_chance (rng, 0.5))
        server = "montana.example";
      else
        server = SAMPLE_PICK (rng, mastodon_servers);
    }
  else if (network == SAMPLE_BLUESKY)
    server = "bsky.example";
  else
    server = "community.tallpine.example";

  for (guint suffix = 1; key == NULL || g_hash_table_contains (builder->taken, key); suffix++)
    {
      g_string_assign (account, handle);
      if (suffix > 1)
        g_string_append_printf (account, "%u", suffix);
      /* Mastodon user names have no dots. */
      if (network == SAMPLE_MASTODON)
        g_strdelimit (account->str, ".", '_');
      g_free (key);
      key = g_strdup_printf ("%u/%s/%s", network, server, account->str);
    }
  g_hash_table_add (builder->taken, g_steal_pointer (&key));

  if (network == SAMPLE_BLUESKY)
    g_string_append (account, ".bsky.example");

  add_identity (builder, self->identities[network], person, network, self->sources[network],
                server, account->str, display_name, spanish);
}

static void
write_community (PeopleBuilder *builder)
{
  static const guint network_weights[] = { 45, 35, 20 };
  static const guint account_weights[] = { 60, 30, 10 };
  ChorusSample *self = builder->sample;
  ChorusSampleRng *rng = &builder->rng;
  guint n_people = CLAMP (self->n_posts / 8, PEOPLE_MIN, PEOPLE_MAX);
  g_autoptr(GString) handle = g_string_new (NULL);
  g_autoptr(GString) name = g_string_new (NULL);

  for (guint index = 0; index < n_people; index++)
    {
      gboolean spanish = _chorus_sample_rng_chance (rng, 0.32);
      const char *first = spanish ? SAMPLE_PICK (rng, first_es) : SAMPLE_PICK (rng, first_en);
      const char *last = spanish ? SAMPLE_PICK (rng, last_es) : SAMPLE_PICK (rng, last_en);
      const char *odd = odd_name_for (index);
      g_autofree char *full = odd && *odd ? g_strdup (odd) : g_strdup_printf ("%s %s", first, last);
      const char *notes = _chorus_sample_rng_chance (rng, 0.01) ? SAMPLE_PICK (rng, person_notes)
                                                                : NULL;
      guint n_accounts = 1 + _chorus_sample_rng_weighted (rng, account_weights, 3);
      guint first_network = _chorus_sample_rng_weighted (rng, network_weights, 3);
      gint64 person = add_person (builder, full, notes, 20 + _chorus_sample_rng_below (rng, 700));

      g_string_truncate (handle, 0);
      build_handle (handle, rng, first, last);

      /* One to three accounts, each on a different network. */
      for (guint k = 0; k < n_accounts; k++)
        {
          g_string_truncate (name, 0);
          identity_name (name, rng, first, last, index);
          add_account (builder, person, (first_network + k) % 3, handle->str, name->str, spanish);
        }

      write_segments_and_fields (builder, person, index, n_people);
      if (notes != NULL)
        SAMPLE_ROW (self->writer, CHORUS_SAMPLE_NOTE,
                    SAMPLE_INT (self->next_note_id++), SAMPLE_NULL, SAMPLE_INT (person),
                    SAMPLE_INT (self->team[_chorus_sample_rng_below (rng, 4)]),
                    SAMPLE_TEXT (SAMPLE_PICK (rng, person_notes)),
                    SAMPLE_INT (self->anchor - _chorus_sample_rng_below (rng, 90 * SAMPLE_DAY)));
    }
}

void
_chorus_sample_write_people (ChorusSample *self)
{
  PeopleBuilder builder = { self };

  _chorus_sample_rng_init (&builder.rng, self->seed, SAMPLE_STREAM_PEOPLE);
  builder.taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  builder.next_person = 1;
  builder.next_identity = 1;

  for (guint i = 0; i < SAMPLE_N_NETWORKS; i++)
    self->identities[i] = g_array_new (FALSE, FALSE, sizeof (ChorusSampleIdentity));

  write_sources (self);
  write_brand_and_blogs (&builder);
  write_community (&builder);

  g_hash_table_unref (builder.taken);
}
