/* chorus-store-winners.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-outbox-private.h"
#include "chorus-store-awards-private.h"

/* Choosing a challenge's winners, taking a place back, and announcing a
 * winner with a reply to the post the entry came from. Each is one
 * transaction with one audit entry, subject ("challenge", id), whose
 * detail names the place and the entry and keeps the team's words:
 *   winner-choose    {"place": 1, "submission": id, "title": "…", "note": "…"}
 *   winner-remove    {"place": 1, "submission": id, "title": "…", "reason": "…"}
 *   winner-announce  {"place": 1, "submission": id, "title": "…", "outbox": id}
 * The announcement is a reply queued in the outbox (with its own
 * "outbox-queue" entry), sent once like any other. Only an accepted
 * entry wins; a place and an entry are each taken once. */

typedef enum
{
  WINNER_CHOOSE,
  WINNER_REMOVE,
  WINNER_ANNOUNCE,
} WinnerChangeKind;

typedef struct
{
  WinnerChangeKind  kind;
  gint64            challenge_id;
  gint64            submission_id;   /* WINNER_CHOOSE */
  guint             place;
  char             *text;            /* the note, the reason or the announcement, trimmed */
} WinnerChange;

static void
winner_change_free (WinnerChange *change)
{
  g_free (change->text);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WinnerChange, winner_change_free)

static const char *
empty_text_refusal (WinnerChangeKind kind)
{
  if (kind == WINNER_CHOOSE)
    return _("Say why this entry wins: the note stays in the challenge’s history.");
  if (kind == WINNER_REMOVE)
    return _("Say why this place is taken back.");
  return _("An announcement needs some text.");
}

/* Refuses a change that cannot be right, before anything runs. */
static WinnerChange *
winner_change_new (WinnerChangeKind   kind,
                   gint64             challenge_id,
                   gint64             submission_id,
                   guint              place,
                   const char        *text,
                   GError           **error)
{
  g_autoptr(WinnerChange) change = g_new0 (WinnerChange, 1);

  change->kind = kind;
  change->challenge_id = challenge_id;
  change->submission_id = submission_id;
  change->place = place;
  change->text = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (place < 1 || place > CHORUS_WINNER_MAX_PLACE)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %u is the last place a challenge can award (10). */
                   _("A winner's place is from 1 to %u."), (guint) CHORUS_WINNER_MAX_PLACE);
      return NULL;
    }
  if (!g_utf8_validate (change->text, -1, NULL))
    {
      _chorus_awards_refuse (error, CHORUS_ERROR_INVALID_ARGUMENT, _("The text is not valid."));
      return NULL;
    }
  if (*change->text == '\0')
    {
      _chorus_awards_refuse (error, CHORUS_ERROR_INVALID_ARGUMENT, empty_text_refusal (kind));
      return NULL;
    }
  if (kind != WINNER_ANNOUNCE && g_utf8_strlen (change->text, -1) > CHORUS_AWARD_TEXT_MAX_CHARS)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %u is the longest note allowed, in characters. */
                   _("The note is longer than %u characters."), (guint) CHORUS_AWARD_TEXT_MAX_CHARS);
      return NULL;
    }
  return g_steal_pointer (&change);
}

static JsonObject *
new_detail (guint       place,
            gint64      submission_id,
            const char *title)
{
  JsonObject *detail = json_object_new ();

  json_object_set_int_member (detail, "place", place);
  json_object_set_int_member (detail, "submission", submission_id);
  json_object_set_string_member (detail, "title", title);
  return detail;
}

static gint64
audit (sqlite3     *db,
       const char  *action,
       gint64       challenge_id,
       JsonObject  *detail,
       GError     **error)
{
  return _chorus_audit_insert (db, action, "challenge", challenge_id, _chorus_json_node_take_object (detail), error);
}

/* The entry in place @place of the challenge: its id, title and origin post. */
static gboolean
read_place (sqlite3       *db,
            gint64         challenge_id,
            guint          place,
            gint64        *submission_id,
            char         **title,
            gint64        *origin_post_id,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT w.submission_id, s.title, coalesce (s.origin_post_id, 0)"
                                            " FROM winners w JOIN submissions s ON s.id = w.submission_id"
                                            " WHERE w.challenge_id = ?1 AND w.place = ?2",
                                            challenge_id, error)))
    return FALSE;
  sqlite3_bind_int (stmt, 2, (int) place);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _chorus_awards_refuse (error, CHORUS_ERROR_NOT_FOUND, _("Nobody holds that place among the winners."));
      return FALSE;
    }

  *submission_id = sqlite3_column_int64 (stmt, 0);
  *title = _chorus_sql_dup_text (stmt, 1);
  *origin_post_id = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

/* Whether the entry can win: in the challenge, accepted, not a winner yet. */
static char *
check_entry (sqlite3       *db,
             WinnerChange  *change,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *title = NULL;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT s.title, s.moderation,"
                                            "  (SELECT w.place FROM winners w WHERE w.submission_id = s.id)"
                                            " FROM submissions s WHERE s.id = ?1 AND s.challenge_id = ?2",
                                            change->submission_id, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 2, change->challenge_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _chorus_awards_refuse (error, CHORUS_ERROR_NOT_FOUND, _("This entry is no longer in the challenge."));
      return NULL;
    }

  title = _chorus_sql_dup_text (stmt, 0);
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "accepted") != 0)
    {
      _chorus_awards_refuse (error, CHORUS_ERROR_INVALID_ARGUMENT, _("Only an accepted entry can win: accept it in the gallery first."));
      return NULL;
    }
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is a design entry's title, %d the place it holds. */
                   _("“%s” holds place %d among the winners already."), title, sqlite3_column_int (stmt, 2));
      return NULL;
    }
  return g_steal_pointer (&title);
}

static gint64
write_choose (sqlite3       *db,
              WinnerChange  *change,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *title = NULL;
  g_autofree char *holder = NULL;
  gint64 holder_id, origin;
  JsonObject *detail;

  if (!(title = check_entry (db, change, error)))
    return 0;
  if (read_place (db, change->challenge_id, change->place, &holder_id, &holder, &origin, NULL))
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %u is a place among a challenge's winners, %s the entry that holds it. */
                   _("Place %u went to “%s” already: take it back first."), change->place, holder);
      return 0;
    }

  if (!(insert = _chorus_sql_prepare_with_id (db, "INSERT INTO winners (challenge_id, place, submission_id,"
                                              "  chosen_by, chosen_at)"
                                              " VALUES (?1, ?2, ?3, (SELECT id FROM team_members WHERE is_me"
                                              "  ORDER BY id LIMIT 1), strftime ('%s', 'now'))",
                                              change->challenge_id, error)))
    return 0;
  sqlite3_bind_int (insert, 2, (int) change->place);
  sqlite3_bind_int64 (insert, 3, change->submission_id);
  if (!_chorus_sql_step_done (db, insert, "winner", error))
    return 0;

  detail = new_detail (change->place, change->submission_id, title);
  json_object_set_string_member (detail, "note", change->text);
  return audit (db, "winner-choose", change->challenge_id, detail, error);
}

static gint64
write_remove (sqlite3       *db,
              WinnerChange  *change,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) delete = NULL;
  g_autofree char *title = NULL;
  gint64 submission_id, origin;
  JsonObject *detail;

  if (!read_place (db, change->challenge_id, change->place, &submission_id, &title, &origin, error) ||
      !(delete = _chorus_sql_prepare_with_id (db, "DELETE FROM winners WHERE challenge_id = ?1 AND place = ?2",
                                              change->challenge_id, error)))
    return 0;
  sqlite3_bind_int (delete, 2, (int) change->place);
  if (!_chorus_sql_step_done (db, delete, "winner", error))
    return 0;

  detail = new_detail (change->place, submission_id, title);
  json_object_set_string_member (detail, "reason", change->text);
  return audit (db, "winner-remove", change->challenge_id, detail, error);
}

/* Whether an announcement of the entry is queued, on its way or sent. */
static gboolean
announced_already (sqlite3 *db,
                   gint64   challenge_id,
                   gint64   submission_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _chorus_sql_prepare_with_id (db, "SELECT 1 FROM audit_log a JOIN outbox o"
                                      "  ON o.id = json_extract (a.detail, '$.outbox')"
                                      " WHERE a.subject_type = 'challenge' AND a.subject_id = ?1"
                                      "  AND a.action = 'winner-announce' AND json_valid (a.detail)"
                                      "  AND json_extract (a.detail, '$.submission') = ?2"
                                      "  AND o.state IN ('queued', 'sending', 'sent')",
                                      challenge_id, NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 2, submission_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gint64
write_announce (sqlite3       *db,
                WinnerChange  *change,
                GError       **error)
{
  g_autofree char *title = NULL;
  gint64 submission_id, origin, outbox_id;
  JsonObject *detail;

  if (!read_place (db, change->challenge_id, change->place, &submission_id, &title, &origin, error))
    return 0;
  if (origin == 0)
    {
      _chorus_awards_refuse (error, CHORUS_ERROR_INVALID_ARGUMENT, _("This entry was added by hand, so there is no post to reply to."));
      return 0;
    }
  if (announced_already (db, change->challenge_id, submission_id))
    {
      _chorus_awards_refuse (error, CHORUS_ERROR_INVALID_ARGUMENT, _("This winner has been announced already."));
      return 0;
    }

  if (!(outbox_id = _chorus_outbox_queue_reply_in (db, origin, change->text, error)))
    return 0;

  detail = new_detail (change->place, submission_id, title);
  json_object_set_int_member (detail, "outbox", outbox_id);
  return audit (db, "winner-announce", change->challenge_id, detail, error) != 0 ? outbox_id : 0;
}

static gint64
write_winner_change (sqlite3   *db,
                     gpointer   data,
                     GArray    *changed,
                     GError   **error)
{
  WinnerChange *change = data;

  switch (change->kind)
    {
    case WINNER_CHOOSE:
      return write_choose (db, change, error);
    case WINNER_REMOVE:
      return write_remove (db, change, error);
    case WINNER_ANNOUNCE:
    default:
      return write_announce (db, change, error);
    }
}

static gint64
run_change (ChorusStore   *self,
            WinnerChange  *change,
            GError       **error)
{
  g_autoptr(WinnerChange) owned = change;

  if (owned == NULL)
    return 0;
  return _chorus_store_write (self, write_winner_change, owned, error);
}

static void
run_change_async (ChorusStore         *self,
                  WinnerChange        *change,
                  GError              *error,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  _chorus_store_award_change_async (self, write_winner_change, change, (GDestroyNotify) winner_change_free, error,
                                    chorus_store_winner_change_finish, cancellable, callback, user_data);
}

/**
 * chorus_store_choose_winner:
 * @self: a #ChorusStore
 * @challenge_id: the challenge
 * @submission_id: one of its accepted entries, not a winner yet
 * @place: a free place, 1 to %CHORUS_WINNER_MAX_PLACE
 * @note: why it wins, in the team's words; required
 * @error: a location for a #GError
 *
 * Blocking.
 *
 * Returns: the audit entry's id, or 0 with @error set
 */
gint64
chorus_store_choose_winner (ChorusStore  *self,
                            gint64        challenge_id,
                            gint64        submission_id,
                            guint         place,
                            const char   *note,
                            GError      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  return run_change (self, winner_change_new (WINNER_CHOOSE, challenge_id, submission_id, place, note, error),
                     error);
}

void
chorus_store_choose_winner_async (ChorusStore         *self,
                                  gint64               challenge_id,
                                  gint64               submission_id,
                                  guint                place,
                                  const char          *note,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GError *error = NULL;
  WinnerChange *change = winner_change_new (WINNER_CHOOSE, challenge_id, submission_id, place, note, &error);

  g_return_if_fail (CHORUS_IS_STORE (self));

  run_change_async (self, change, error, cancellable, callback, user_data);
}

/**
 * chorus_store_remove_winner:
 * @reason: why the place is taken back; required
 *
 * Blocking. Frees the place; an announcement already sent stays sent.
 *
 * Returns: the audit entry's id, or 0 with @error set
 */
gint64
chorus_store_remove_winner (ChorusStore  *self,
                            gint64        challenge_id,
                            guint         place,
                            const char   *reason,
                            GError      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  return run_change (self, winner_change_new (WINNER_REMOVE, challenge_id, 0, place, reason, error), error);
}

void
chorus_store_remove_winner_async (ChorusStore         *self,
                                  gint64               challenge_id,
                                  guint                place,
                                  const char          *reason,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GError *error = NULL;
  WinnerChange *change = winner_change_new (WINNER_REMOVE, challenge_id, 0, place, reason, &error);

  g_return_if_fail (CHORUS_IS_STORE (self));

  run_change_async (self, change, error, cancellable, callback, user_data);
}

/**
 * chorus_store_announce_winner:
 * @text: the reply, as chorus_store_queue_reply() takes it (see
 *   chorus_format_announcement() for a first draft)
 *
 * Blocking. Queues a reply to the post the winning entry came from,
 * through the source that read it; the outbox sends it once.
 *
 * Returns: the outbox item's id, or 0 with @error set (an entry added by
 *   hand, one announced already, or a reply the outbox refuses)
 */
gint64
chorus_store_announce_winner (ChorusStore  *self,
                              gint64        challenge_id,
                              guint         place,
                              const char   *text,
                              GError      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  return run_change (self, winner_change_new (WINNER_ANNOUNCE, challenge_id, 0, place, text, error), error);
}

void
chorus_store_announce_winner_async (ChorusStore         *self,
                                    gint64               challenge_id,
                                    guint                place,
                                    const char          *text,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GError *error = NULL;
  WinnerChange *change = winner_change_new (WINNER_ANNOUNCE, challenge_id, 0, place, text, &error);

  g_return_if_fail (CHORUS_IS_STORE (self));

  run_change_async (self, change, error, cancellable, callback, user_data);
}

/**
 * chorus_store_winner_change_finish:
 *
 * Returns: what the blocking call returns: an audit entry's id, or the
 *   announcement's outbox id; 0 with @error set
 */
gint64
chorus_store_winner_change_finish (ChorusStore   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  /* A refused change was reported as a task with its error alone. */
  return _chorus_store_write_finish (self, result, error);
}
