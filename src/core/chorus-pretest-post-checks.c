/* chorus-pretest-post-checks.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-pretest-launch-private.h"
#include "chorus-pretest-private.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"

/* The checks and rows every pre-test launch shares: the account posts,
 * the campaign may start a run of that instrument, its variants, and the
 * audit entry. Each runs inside the caller's transaction. */

static gboolean
check_network (const char        *network,
               ChorusInstrument   instrument,
               GError           **error)
{
  if (instrument == CHORUS_INSTRUMENT_MASTODON_POLL && g_strcmp0 (network, "mastodon") != 0)
    return _chorus_pretest_fail (error, CHORUS_ERROR_INVALID_ARGUMENT,
                                 _("Only a Mastodon account can post this poll: choose one in the list of "
                                   "accounts."));

  if (instrument == CHORUS_INSTRUMENT_DISCOURSE_POLL && g_strcmp0 (network, "discourse") != 0)
    return _chorus_pretest_fail (error, CHORUS_ERROR_INVALID_ARGUMENT,
                                 _("Only a Discourse forum account can post this poll: choose one in the "
                                   "list of accounts."));

  if (instrument == CHORUS_INSTRUMENT_VARIANT_POSTS && g_strcmp0 (network, "mastodon") != 0 &&
      g_strcmp0 (network, "bluesky") != 0)
    return _chorus_pretest_fail (error, CHORUS_ERROR_INVALID_ARGUMENT,
                                 _("Variant posts go out from Mastodon or Bluesky accounts: choose those in the "
                                   "list of accounts."));

  return TRUE;
}

/**
 * _chorus_pretest_check_poster:
 * @network: (out) (optional): the source's network, when it may post
 *
 * Whether @source_id is an account of a network @instrument publishes
 * on, and Chorus can post from it.
 */
gboolean
_chorus_pretest_check_poster (sqlite3           *db,
                              gint64             source_id,
                              ChorusInstrument   instrument,
                              char             **network,
                              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT network, enabled, is_sample, account, secret_env"
                                            " FROM sources WHERE id = ?1", source_id, error)))
    return FALSE;

  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        {
          _chorus_set_sqlite_error (error, db, "pre-test source");
          return FALSE;
        }
      return _chorus_pretest_fail (error, CHORUS_ERROR_NOT_FOUND, _("This account is no longer in the workspace."));
    }

  if (!check_network ((const char *) sqlite3_column_text (stmt, 0), instrument, error))
    return FALSE;

  if (sqlite3_column_int (stmt, 2) != 0)
    return _chorus_pretest_fail (error, CHORUS_ERROR_INVALID_ARGUMENT,
                                 _("This account belongs to the sample workspace and is made up: nothing can be "
                                   "sent from it."));

  if (sqlite3_column_int (stmt, 1) == 0)
    return _chorus_pretest_fail (error, CHORUS_ERROR_INVALID_ARGUMENT,
                                 _("This account is turned off. Turn it on in Accounts to post from it."));

  if (sqlite3_column_type (stmt, 3) == SQLITE_NULL && sqlite3_column_type (stmt, 4) == SQLITE_NULL)
    return _chorus_pretest_fail (error, CHORUS_ERROR_INVALID_ARGUMENT,
                                 _("This source reads public posts without signing in, so it cannot post. Add the "
                                   "account to post from it."));

  if (network != NULL)
    *network = _chorus_sql_dup_text (stmt, 0);
  return TRUE;
}

static gboolean
refuse_closed (const char        *name,
               ChorusInstrument   instrument,
               GError           **error)
{
  if (instrument == CHORUS_INSTRUMENT_VARIANT_POSTS)
    g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                 /* Translators: %s is a campaign's name. */
                 _("The campaign “%s” is over: reopen it before posting its variants."), name);
  else
    g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                 /* Translators: %s is a campaign's name. */
                 _("The campaign “%s” is over: reopen it before launching a poll."), name);
  return FALSE;
}

static gboolean
refuse_running (const char        *name,
                ChorusInstrument   instrument,
                GError           **error)
{
  if (instrument == CHORUS_INSTRUMENT_VARIANT_POSTS)
    g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_EXISTS,
                 /* Translators: %s is a campaign's name. */
                 _("The campaign “%s” already has variant posts running: close them before posting again."),
                 name);
  else if (instrument == CHORUS_INSTRUMENT_DISCOURSE_POLL)
    g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_EXISTS,
                 /* Translators: %s is a campaign's name. */
                 _("The campaign “%s” already has a forum poll running: close it before launching another."),
                 name);
  else
    g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_EXISTS,
                 /* Translators: %s is a campaign's name. */
                 _("The campaign “%s” already has a Mastodon poll running: close it before launching "
                   "another."), name);
  return FALSE;
}

/* The campaign's name, once it may start a run of @instrument: it is not
 * over, and has no other such run going. */
char *
_chorus_pretest_check_campaign_for (sqlite3           *db,
                                gint64             campaign_id,
                                ChorusInstrument   instrument,
                                GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) running = NULL;
  g_autofree char *name = NULL;
  const char *state;
  int rc;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT name, state FROM campaigns WHERE id = ?1",
                                            campaign_id, error)))
    return NULL;

  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        _chorus_set_sqlite_error (error, db, "pre-test campaign");
      else
        _chorus_pretest_fail (error, CHORUS_ERROR_NOT_FOUND, _("This campaign is no longer in the workspace."));
      return NULL;
    }

  name = _chorus_sql_dup_text (stmt, 0);
  state = (const char *) sqlite3_column_text (stmt, 1);
  if ((g_strcmp0 (state, "closed") == 0 || g_strcmp0 (state, "archived") == 0) &&
      !refuse_closed (name, instrument, error))
    return NULL;

  if (!(running = _chorus_sql_prepare_with_id (db, "SELECT count(*) FROM pretest_runs WHERE campaign_id = ?1"
                                               " AND instrument = ?2 AND state = 'running'",
                                               campaign_id, error)))
    return NULL;

  sqlite3_bind_text (running, 2, chorus_instrument_to_string (instrument), -1, SQLITE_STATIC);
  if (sqlite3_step (running) != SQLITE_ROW)
    {
      _chorus_set_sqlite_error (error, db, "running runs");
      return NULL;
    }

  if (sqlite3_column_int64 (running, 0) > 0 && !refuse_running (name, instrument, error))
    return NULL;

  return g_steal_pointer (&name);
}

static void
variant_clear (ChorusPretestVariant *variant)
{
  g_free (variant->label);
  g_free (variant->body);
  g_free (variant->link_url);
  g_free (variant->image_sha256);
  g_free (variant->image_type);
  g_free (variant->image_alt);
}

/* Returns: (element-type ChorusPretestVariant): the campaign's variants, in order */
GArray *
_chorus_pretest_load_variants (sqlite3  *db,
                               gint64    campaign_id,
                               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) variants = g_array_new (FALSE, TRUE, sizeof (ChorusPretestVariant));
  int rc;

  g_array_set_clear_func (variants, (GDestroyNotify) variant_clear);
  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT id, label, body, nullif (trim (link_url), ''),"
                                            "  image_sha256, image_type, image_alt"
                                            " FROM variants WHERE campaign_id = ?1 ORDER BY position",
                                            campaign_id, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ChorusPretestVariant variant = { sqlite3_column_int64 (stmt, 0), NULL, };

      variant.label = _chorus_sql_dup_text (stmt, 1);
      variant.body = g_strstrip (g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
      variant.link_url = _chorus_sql_dup_text (stmt, 3);
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        {
          variant.image_sha256 = _chorus_sql_dup_text (stmt, 4);
          variant.image_type = _chorus_sql_dup_text (stmt, 5);
          variant.image_alt = _chorus_sql_dup_text (stmt, 6);
        }
      g_array_append_val (variants, variant);
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "pre-test variants");
      return NULL;
    }

  return g_steal_pointer (&variants);
}

gboolean
_chorus_pretest_audit_launch (sqlite3           *db,
                              gint64             campaign_id,
                              const char        *name,
                              gint64             run_id,
                              ChorusInstrument   instrument,
                              GError           **error)
{
  JsonObject *detail = json_object_new ();

  json_object_set_string_member (detail, "name", name);
  json_object_set_int_member (detail, "run", run_id);
  json_object_set_string_member (detail, "instrument", chorus_instrument_to_string (instrument));

  return _chorus_audit_insert (db, "campaign-launch", "campaign", campaign_id,
                               _chorus_json_node_take_object (detail), error) > 0;
}
