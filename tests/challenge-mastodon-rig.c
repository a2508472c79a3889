/* challenge-mastodon-rig.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "challenge-mastodon-rig.h"
#include "chorus-store-private.h"
#include "chorus-store-sources.h"

/* See challenge-mastodon-rig.h. */

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  ChallengeRig *f = user_data;

  soup_message_headers_replace (soup_server_message_get_response_headers (message), "Connection", "close");
  if (!fake_challenge_serve (f->fake, message, path, query))
    chorus_test_reply_json (message, 404, "{\"error\":\"Record not found\"}");
}

/* The challenge is open for entries from ten days ago to yesterday, and
 * for votes from yesterday for five days. */
void
challenge_rig_set_up (ChallengeRig  *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  chorus_test_sync_rig_set_up (&f->rig, on_request_cb, f);
  f->fake = fake_challenge_new (g_getenv ("CHORUS_CORPUS_DIR"), f->rig.base);
  f->now = g_get_real_time () / G_USEC_PER_SEC;

  f->source_id = chorus_store_add_source (f->rig.store, "mastodon", f->rig.base, NULL, "Fake", &error);
  g_assert_no_error (error);
  chorus_store_set_source_hashtags (f->rig.store, f->source_id, "OtherTag", &error);
  g_assert_no_error (error);

  challenge_test_add_challenge (f->rig.store, f->now);
}

void
challenge_rig_tear_down (ChallengeRig  *f,
                         gconstpointer  data)
{
  chorus_test_sync_rig_tear_down (&f->rig);
  g_clear_pointer (&f->fake, fake_challenge_free);
}

sqlite3 *
challenge_rig_db (ChallengeRig *f)
{
  return _chorus_store_get_db (f->rig.store);
}

gint64
challenge_rig_count (ChallengeRig *f,
                     const char   *sql)
{
  return chorus_test_db_query_int (challenge_rig_db (f), sql);
}

/* The entry a status became, or 0. */
gint64
challenge_rig_entry_of (ChallengeRig *f,
                        const char   *status_id)
{
  return challenge_test_entry_of (f->rig.store, "remote_id", status_id);
}

char *
challenge_rig_source_error (ChallengeRig *f)
{
  g_autoptr(ChorusSource) source = chorus_test_find_source (f->rig.store, f->source_id);

  return g_strdup (chorus_source_get_last_error (source));
}

/* Syncs once, and the source synced without a failure. */
ChorusSyncSummary
challenge_rig_sync (ChallengeRig *f)
{
  ChorusSyncSummary summary = chorus_test_sync_now (f->rig.engine);

  g_assert_cmpuint (summary.sources_failed, ==, 0);
  g_assert_cmpuint (summary.sources_synced, ==, 1);
  return summary;
}

/* A status in the challenge's hashtag timeline, posted @days_ago, with
 * @image at /media/@image_name when it has one; returns its id. */
char *
challenge_rig_add_entry_post (ChallengeRig *f,
                              const char   *username,
                              gint64        days_ago,
                              const char   *text,
                              const char   *image_name,
                              GBytes       *image)
{
  if (image != NULL)
    fake_challenge_add_image (f->fake, image_name, image);

  return fake_challenge_add_status (f->fake, CHALLENGE_TEST_TAG, username, f->now - days_ago * CHALLENGE_TEST_DAY,
                                    text, image_name);
}
