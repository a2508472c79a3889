/* chorus-pretest-variants.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "chorus-error.h"
#include "chorus-media-import.h"
#include "chorus-outbox.h"
#include "chorus-outbox-private.h"
#include "chorus-pretest-private.h"
#include "chorus-pretest-variants.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"

/* Launching variant posts and recording them once sent; see the header
 * for the design. The per-account observations of one variant are written
 * as one snapshot (one row per account, at one time), because the
 * campaign's reading sums the rows of a variant's latest snapshot (see
 * chorus-store-campaigns.c). */

typedef struct
{
  ChorusStore *store;           /* for its media folder */
  gint64       campaign_id;
  GArray      *sources;         /* gint64 */
  gint64       spacing;
  guint64      seed;
} Launch;

static void
launch_free (Launch *launch)
{
  g_object_unref (launch->store);
  g_array_unref (launch->sources);
  g_free (launch);
}

static Launch *
launch_new (ChorusStore  *store,
            gint64        campaign_id,
            const gint64 *source_ids,
            guint         n_sources,
            gint64        spacing,
            guint64       seed)
{
  Launch *launch = g_new0 (Launch, 1);

  launch->store = g_object_ref (store);
  launch->campaign_id = campaign_id;
  launch->sources = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (source_ids != NULL)
    g_array_append_vals (launch->sources, source_ids, n_sources);
  launch->spacing = spacing;
  launch->seed = seed;
  return launch;
}

/* One account to post from, as checked. */
typedef struct
{
  gint64  id;
  char   *network;
  gint64  max_characters;
  gint64  max_image_bytes;
  guint  *order;            /* indexes into the variants */
} Channel;

static void
channel_clear (Channel *channel)
{
  g_free (channel->network);
  g_free (channel->order);
}

static const char *
network_title (const char *network)
{
  return g_strcmp0 (network, "bluesky") == 0 ? "Bluesky" : "Mastodon";
}

/* The post a variant makes: its text, then its link on a line of its own. */
static char *
build_text (const ChorusPretestVariant *variant)
{
  if (variant->link_url == NULL)
    return g_strdup (variant->body);
  return g_strconcat (variant->body, "\n\n", variant->link_url, NULL);
}

static gboolean
check_fits (const ChorusPretestVariant  *variant,
            const Channel               *channel,
            GError                     **error)
{
  g_autofree char *text = build_text (variant);
  guint length = chorus_outbox_count_length (channel->network, text);

  if (*variant->body == '\0')
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is a variant's label, such as "A". */
                   _("Variant %s has no text to post."), variant->label);
      return FALSE;
    }

  if (length > channel->max_characters)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: the first %s is a variant's label ("A"), the second a
                                 * network ("Mastodon"); the first %u the post's length (its link
                                 * included, counted as the network counts it), the second the
                                 * longest post the network allows there. */
                                "Variant %s is %u character long, and posts on %s allow %u.",
                                "Variant %s is %u characters long, and posts on %s allow %u.",
                                length),
                   variant->label, length, network_title (channel->network), (guint) channel->max_characters);
      return FALSE;
    }

  /* Bluesky also limits a post's bytes, which many emoji can pass first. */
  if (g_str_equal (channel->network, "bluesky") && strlen (text) > CHORUS_OUTBOX_BLUESKY_MAX_BYTES)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is a variant's label ("A"); the first %u the bytes its
                    * post takes (its link included), the second the most Bluesky allows. */
                   _("Variant %s takes %u bytes, and a post on Bluesky may take %u: shorten it, or use fewer "
                     "emoji."),
                   variant->label, (guint) strlen (text), (guint) CHORUS_OUTBOX_BLUESKY_MAX_BYTES);
      return FALSE;
    }

  if (variant->image_sha256 != NULL && variant->image_size > (guint64) channel->max_image_bytes)
    {
      g_autofree char *limit = g_format_size ((guint64) channel->max_image_bytes);

      if (g_str_equal (channel->network, "bluesky"))
        g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                     /* Translators: the first %s is a variant's label ("A"), the second a size ("1.0 MB"). */
                     _("The image of variant %s is larger than %s, the largest image Bluesky takes. Choose a "
                       "smaller one."), variant->label, limit);
      else
        g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                     /* Translators: the first %s is a variant's label ("A"), the second a size ("16.0 MB"). */
                     _("The image of variant %s is larger than %s, the largest image this Mastodon server takes. "
                       "Choose a smaller one."), variant->label, limit);
      return FALSE;
    }

  return TRUE;
}

/* Each variant's image is in the media folder: its size, for the
 * networks' limits. */
static gboolean
find_images (Launch   *launch,
             GArray   *variants,
             GError  **error)
{
  for (guint i = 0; i < variants->len; i++)
    {
      ChorusPretestVariant *variant = &g_array_index (variants, ChorusPretestVariant, i);
      g_autofree char *path = NULL;
      g_autofree char *name = NULL;
      GStatBuf buf;

      if (variant->image_sha256 == NULL)
        continue;

      path = chorus_media_dup_path (launch->store, variant->image_sha256, variant->image_type);
      if (path == NULL || g_stat (path, &buf) != 0 || !S_ISREG (buf.st_mode))
        {
          name = path != NULL ? g_filename_display_name (path) : g_strdup (variant->image_sha256);
          g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                       /* Translators: the first %s is a variant's label ("A"), the second a file's path. */
                       _("The image of variant %s is missing from the workspace’s media folder (%s). Put the file "
                         "back, or choose the image again."), variant->label, name);
          return FALSE;
        }
      variant->image_size = (guint64) buf.st_size;
    }

  return TRUE;
}

static GArray *
check_channels (sqlite3  *db,
                Launch   *launch,
                GArray   *variants,
                GError  **error)
{
  g_autoptr(GArray) channels = g_array_new (FALSE, TRUE, sizeof (Channel));

  g_array_set_clear_func (channels, (GDestroyNotify) channel_clear);
  if (launch->sources->len == 0)
    {
      _chorus_pretest_fail (error, CHORUS_ERROR_INVALID_ARGUMENT,
                            _("Choose at least one account to post the variants from."));
      return NULL;
    }

  for (guint i = 0; i < launch->sources->len; i++)
    {
      Channel channel = { g_array_index (launch->sources, gint64, i), NULL, CHORUS_OUTBOX_BLUESKY_LIMIT,
                          CHORUS_OUTBOX_BLUESKY_IMAGE_BYTES, NULL };
      Channel *checked;
      ChorusPollLimits limits;

      for (guint j = 0; j < i; j++)
        if (g_array_index (channels, Channel, j).id == channel.id)
          {
            _chorus_pretest_fail (error, CHORUS_ERROR_INVALID_ARGUMENT,
                                  _("The same account is chosen twice: each account posts each variant once."));
            return NULL;
          }

      if (!_chorus_pretest_check_poster (db, channel.id, CHORUS_INSTRUMENT_VARIANT_POSTS, &channel.network, error))
        return NULL;
      g_array_append_val (channels, channel);

      checked = &g_array_index (channels, Channel, i);

      if (g_str_equal (checked->network, "mastodon") &&
          !_chorus_pretest_read_limits (db, checked->id, &limits, &checked->max_characters,
                                        &checked->max_image_bytes, error))
        return NULL;

      for (guint v = 0; v < variants->len; v++)
        if (!check_fits (&g_array_index (variants, ChorusPretestVariant, v), checked, error))
          return NULL;
    }

  return g_steal_pointer (&channels);
}

/* Each account's order: a Fisher-Yates shuffle drawn from the seed, one
 * account after the other, so the same seed gives the same orders. */
static void
draw_orders (GArray  *channels,
             guint    n_variants,
             guint64  seed)
{
  guint32 words[2] = { (guint32) (seed >> 32), (guint32) seed };
  g_autoptr(GRand) rand = g_rand_new_with_seed_array (words, 2);

  for (guint i = 0; i < channels->len; i++)
    {
      Channel *channel = &g_array_index (channels, Channel, i);

      channel->order = g_new (guint, n_variants);
      for (guint v = 0; v < n_variants; v++)
        channel->order[v] = v;
      for (guint v = n_variants; v > 1; v--)
        {
          guint j = (guint) g_rand_int_range (rand, 0, (gint32) v);
          guint swap = channel->order[v - 1];

          channel->order[v - 1] = channel->order[j];
          channel->order[j] = swap;
        }
    }
}

/* {"seed": "…", "spacing": s, "sources": [{"source_id": id, "variants": [ids in order],
 *  "scheduled_at": [times]}]}; the seed is a string, as JSON numbers may not hold it. */
static char *
build_schedule (Launch  *launch,
                GArray  *channels,
                GArray  *variants,
                gint64   now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, launch->seed);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "seed");
  json_builder_add_string_value (builder, seed);
  json_builder_set_member_name (builder, "spacing");
  json_builder_add_int_value (builder, launch->spacing);
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < channels->len; i++)
    {
      Channel *channel = &g_array_index (channels, Channel, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "source_id");
      json_builder_add_int_value (builder, channel->id);
      json_builder_set_member_name (builder, "variants");
      json_builder_begin_array (builder);
      for (guint k = 0; k < variants->len; k++)
        json_builder_add_int_value (builder, g_array_index (variants, ChorusPretestVariant, channel->order[k]).id);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "scheduled_at");
      json_builder_begin_array (builder);
      for (guint k = 0; k < variants->len; k++)
        json_builder_add_int_value (builder, now + (gint64) k * launch->spacing);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

static gint64
insert_run (sqlite3     *db,
            Launch      *launch,
            const char  *schedule,
            gint64       now,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare (db, "INSERT INTO pretest_runs (campaign_id, instrument, source_id, state,"
                                    "  started_at, schedule) VALUES (?1, 'variant_posts', ?2, 'running', ?3, ?4)",
                                    error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, launch->campaign_id);
  /* A run on several accounts belongs to none of them. */
  if (launch->sources->len == 1)
    sqlite3_bind_int64 (stmt, 2, g_array_index (launch->sources, gint64, 0));
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_text (stmt, 4, schedule, -1, SQLITE_STATIC);

  return _chorus_sql_step_done (db, stmt, "variant posts run", error) ? sqlite3_last_insert_rowid (db) : 0;
}

/* One outbox item; Bluesky's carries its record key and time, as replies
 * do (see chorus-outbox-bluesky.c), the time being the one it is due. */
static gint64
insert_item (sqlite3                     *db,
             Launch                      *launch,
             gint64                       run_id,
             const Channel               *channel,
             const ChorusPretestVariant  *variant,
             gint64                       due,
             gint64                       now,
             GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonObject) payload = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = build_text (variant);
  g_autofree char *key = g_uuid_string_random ();

  json_object_set_int_member (payload, "run_id", run_id);
  json_object_set_int_member (payload, "campaign_id", launch->campaign_id);
  json_object_set_int_member (payload, "variant_id", variant->id);
  if (variant->image_sha256 != NULL)
    {
      JsonObject *image = json_object_new ();

      json_object_set_string_member (image, "sha256", variant->image_sha256);
      json_object_set_string_member (image, "type", variant->image_type);
      json_object_set_string_member (image, "alt", variant->image_alt);
      json_object_set_object_member (payload, "image", image);
    }
  if (g_str_equal (channel->network, "bluesky"))
    {
      g_autofree char *rkey = _chorus_outbox_new_tid (due * G_USEC_PER_SEC + (gint64) variant->id);

      json_object_set_string_member (payload, "rkey", rkey);
      json_object_set_int_member (payload, "created_at", due);
    }
  node = json_node_init_object (json_node_alloc (), payload);
  json = json_to_string (node, FALSE);

  if (!(stmt = _chorus_sql_prepare (db, "INSERT INTO outbox (source_id, kind, body, payload, idempotency_key,"
                                    "  created_by, created_at, not_before)"
                                    " VALUES (?1, 'post', ?2, ?3, ?4,"
                                    "  (SELECT id FROM team_members WHERE is_me ORDER BY id LIMIT 1), ?5, ?6)",
                                    error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, channel->id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_int64 (stmt, 6, due);

  return _chorus_sql_step_done (db, stmt, "variant post item", error) ? sqlite3_last_insert_rowid (db) : 0;
}

/* Per account, in its order: the item and the run post. A run post's
 * position is its place in the run's schedule, account by account
 * (account i's k-th post is i × n + k). */
static gboolean
insert_posts (sqlite3  *db,
              Launch   *launch,
              gint64    run_id,
              GArray   *channels,
              GArray   *variants,
              gint64    now,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare (db, "INSERT INTO run_posts (run_id, variant_id, source_id, outbox_id,"
                                    "  position, scheduled_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)))
    return FALSE;

  for (guint i = 0; i < channels->len; i++)
    for (guint k = 0; k < variants->len; k++)
      {
        Channel *channel = &g_array_index (channels, Channel, i);
        ChorusPretestVariant *variant = &g_array_index (variants, ChorusPretestVariant, channel->order[k]);
        gint64 due = now + (gint64) k * launch->spacing;
        gint64 outbox_id;

        if (!(outbox_id = insert_item (db, launch, run_id, channel, variant, due, now, error)))
          return FALSE;

        sqlite3_reset (stmt);
        sqlite3_bind_int64 (stmt, 1, run_id);
        sqlite3_bind_int64 (stmt, 2, variant->id);
        sqlite3_bind_int64 (stmt, 3, channel->id);
        sqlite3_bind_int64 (stmt, 4, outbox_id);
        sqlite3_bind_int64 (stmt, 5, (gint64) (i * variants->len + k));
        sqlite3_bind_int64 (stmt, 6, due);
        if (!_chorus_sql_step_done (db, stmt, "run posts", error))
          return FALSE;
      }

  return TRUE;
}

static gboolean
check_variants (GArray  *variants,
                GError **error)
{
  if (variants->len >= 2)
    return TRUE;

  g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
               g_dngettext (GETTEXT_PACKAGE,
                            /* Translators: %u is how many variants the campaign has (0 or 1). */
                            "Variant posts need at least two variants to compare, and this campaign has %u.",
                            "Variant posts need at least two variants to compare, and this campaign has %u.",
                            variants->len),
               variants->len);
  return FALSE;
}

static gint64
launch_write (sqlite3  *db,
              gpointer  data,
              GArray   *changed,
              GError  **error)
{
  Launch *launch = data;
  g_autoptr(GArray) variants = NULL;
  g_autoptr(GArray) channels = NULL;
  g_autofree char *name = NULL;
  g_autofree char *schedule = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 run_id;

  if (launch->spacing < 0)
    {
      _chorus_pretest_fail (error, CHORUS_ERROR_INVALID_ARGUMENT,
                            _("The time between two posts cannot be negative."));
      return 0;
    }

  if (!(name = _chorus_pretest_check_campaign_for (db, launch->campaign_id, CHORUS_INSTRUMENT_VARIANT_POSTS, error)) ||
      !(variants = _chorus_pretest_load_variants (db, launch->campaign_id, error)) ||
      !check_variants (variants, error) || !find_images (launch, variants, error) ||
      !(channels = check_channels (db, launch, variants, error)))
    return 0;

  draw_orders (channels, variants->len, launch->seed);
  schedule = build_schedule (launch, channels, variants, now);

  if (!(run_id = insert_run (db, launch, schedule, now, error)) ||
      !insert_posts (db, launch, run_id, channels, variants, now, error) ||
      !_chorus_sql_run_with_id (db, "UPDATE campaigns SET state = 'running', updated_at = strftime ('%s', 'now')"
                                " WHERE id = ?1 AND state = 'draft'", launch->campaign_id, error) ||
      !_chorus_pretest_audit_launch (db, launch->campaign_id, name, run_id, CHORUS_INSTRUMENT_VARIANT_POSTS, error))
    return 0;

  return run_id;
}

/**
 * chorus_store_launch_variant_posts:
 * @self: a #ChorusStore
 * @campaign_id: a campaign that is not over and has no variant posts running
 * @source_ids: (array length=n_sources): the Mastodon and Bluesky accounts to post from
 * @n_sources: how many
 * @spacing_seconds: the time between two posts of one account
 * @seed: draws each account's order; the same seed gives the same orders
 * @error: a location for a #GError
 *
 * Starts a variant posts run and queues its posts, as the header
 * describes; a draft campaign becomes running. Everything is checked
 * first (each account can post, each variant fits each network, its
 * image too: it is in the media folder, and within 1,000,000 bytes on
 * Bluesky and the instance's image size limit on Mastodon, naming the
 * variant and the network), and nothing is written when something does
 * not fit. Blocking: use chorus_store_launch_variant_posts_async()
 * from the main thread.
 *
 * Returns: the new run's id, or 0 with @error set
 *   (%CHORUS_ERROR_NOT_FOUND, %CHORUS_ERROR_INVALID_ARGUMENT or
 *   %CHORUS_ERROR_EXISTS, in words a person can act on)
 */
gint64
chorus_store_launch_variant_posts (ChorusStore   *self,
                                   gint64         campaign_id,
                                   const gint64  *source_ids,
                                   guint          n_sources,
                                   gint64         spacing_seconds,
                                   guint64        seed,
                                   GError       **error)
{
  Launch *launch;
  gint64 id;

  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);
  g_return_val_if_fail (source_ids != NULL || n_sources == 0, 0);

  launch = launch_new (self, campaign_id, source_ids, n_sources, spacing_seconds, seed);
  id = _chorus_store_write (self, launch_write, launch, error);
  launch_free (launch);

  return id;
}

void
chorus_store_launch_variant_posts_async (ChorusStore         *self,
                                         gint64               campaign_id,
                                         const gint64        *source_ids,
                                         guint                n_sources,
                                         gint64               spacing_seconds,
                                         guint64              seed,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (source_ids != NULL || n_sources == 0);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  _chorus_store_write_async (self, launch_write,
                             launch_new (self, campaign_id, source_ids, n_sources, spacing_seconds, seed),
                             (GDestroyNotify) launch_free, chorus_store_launch_variant_posts_async,
                             cancellable, callback, user_data);
}

/**
 * chorus_store_launch_variant_posts_finish:
 *
 * Returns: the new run's id, or 0 with @error set
 */
gint64
chorus_store_launch_variant_posts_finish (ChorusStore   *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  return _chorus_store_write_finish (self, result, error);
}
