/* chorus-store-rewards.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-store-awards-private.h"

/* A challenge's reward ledger: a prize or a royalty for an entry, with an
 * amount in hundredths of a currency, pending until it is marked paid.
 * A reward can be edited while it is pending; once paid, its line stays
 * as it was paid. Each change is one transaction with one audit entry,
 * subject ("reward", id), whose detail says what the line holds after it:
 *   reward-add, reward-edit  {"challenge": id, "submission": id, "title": "…",
 *                             "kind": "prize", "description": "…",
 *                             "amount_cents": 30000, "currency": "EUR"}
 *   reward-paid              the same, with "paid_at": unix seconds */

#define MAX_AMOUNT_CENTS G_GINT64_CONSTANT (9999999999999)

typedef enum
{
  REWARD_ADD,
  REWARD_EDIT,
  REWARD_PAID,
} RewardChangeKind;

typedef struct
{
  RewardChangeKind  kind;
  gint64            challenge_id;  /* 0 to mark paid */
  gint64            reward_id;     /* 0 to add */
  gint64            submission_id;
  char             *reward_kind;
  char             *description;
  gint64            amount_cents;
  char             *currency;
  gint64            paid_at;
} RewardChange;

static void
reward_change_free (RewardChange *change)
{
  g_free (change->reward_kind);
  g_free (change->description);
  g_free (change->currency);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RewardChange, reward_change_free)

static gboolean
is_currency (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    if (!g_ascii_isupper (code[i]))
      return FALSE;
  return TRUE;
}

static gboolean
check_draft (RewardChange  *change,
             GError       **error)
{
  if (g_strcmp0 (change->reward_kind, "prize") != 0 && g_strcmp0 (change->reward_kind, "royalty") != 0)
    return _chorus_awards_refuse (error, CHORUS_ERROR_INVALID_ARGUMENT, _("A reward is a prize or a royalty."));
  if (!g_utf8_validate (change->description, -1, NULL) || *change->description == '\0')
    return _chorus_awards_refuse (error, CHORUS_ERROR_INVALID_ARGUMENT, _("Describe the reward, such as “€300 and a year of gear”."));
  if (g_utf8_strlen (change->description, -1) > CHORUS_AWARD_TEXT_MAX_CHARS)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %u is the longest description allowed, in characters. */
                   _("The description is longer than %u characters."), (guint) CHORUS_AWARD_TEXT_MAX_CHARS);
      return FALSE;
    }
  if (change->amount_cents < 0 || change->amount_cents > MAX_AMOUNT_CENTS)
    return _chorus_awards_refuse (error, CHORUS_ERROR_INVALID_ARGUMENT, _("The amount must be zero or more."));
  if (!is_currency (change->currency))
    return _chorus_awards_refuse (error, CHORUS_ERROR_INVALID_ARGUMENT,
                   _("The currency is its three-letter code, such as EUR or USD."));
  return TRUE;
}

/* Adds a reward (@reward_id 0), edits one, or with no @draft marks one paid. */
static RewardChange *
reward_change_new (gint64                    challenge_id,
                   gint64                    reward_id,
                   const ChorusRewardDraft  *draft,
                   gint64                    paid_at,
                   GError                  **error)
{
  g_autoptr(RewardChange) change = g_new0 (RewardChange, 1);
  g_autofree char *currency = NULL;

  change->kind = draft == NULL ? REWARD_PAID : reward_id == 0 ? REWARD_ADD : REWARD_EDIT;
  change->challenge_id = challenge_id;
  change->reward_id = reward_id;
  change->paid_at = paid_at > 0 ? paid_at : g_get_real_time () / G_USEC_PER_SEC;
  if (draft == NULL)
    return g_steal_pointer (&change);

  change->submission_id = draft->submission_id;
  change->reward_kind = g_strdup (draft->kind);
  change->description = g_strstrip (g_strdup (draft->description != NULL ? draft->description : ""));
  change->amount_cents = draft->amount_cents;
  currency = g_strstrip (g_strdup (draft->currency != NULL ? draft->currency : ""));
  change->currency = g_ascii_strup (currency, -1);
  return check_draft (change, error) ? g_steal_pointer (&change) : NULL;
}

/* The entry's title, if it is an entry of @challenge_id that was not rejected. */
static char *
read_entry (sqlite3  *db,
            gint64    challenge_id,
            gint64    submission_id,
            GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT title FROM submissions"
                                            " WHERE id = ?1 AND challenge_id = ?2 AND moderation <> 'rejected'",
                                            submission_id, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 2, challenge_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _chorus_awards_refuse (error, CHORUS_ERROR_NOT_FOUND, _("A reward goes to an entry of the challenge that was not rejected."));
      return NULL;
    }
  return _chorus_sql_dup_text (stmt, 0);
}

/* The ledger line after the change, as its audit detail. */
static JsonObject *
read_reward (sqlite3  *db,
             gint64    reward_id,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonObject *detail;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT r.challenge_id, r.submission_id, s.title, r.kind,"
                                            "  r.description, r.amount_cents, r.currency, r.state, r.paid_at"
                                            " FROM rewards r JOIN submissions s ON s.id = r.submission_id"
                                            " WHERE r.id = ?1", reward_id, error)))
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _chorus_awards_refuse (error, CHORUS_ERROR_NOT_FOUND, _("This reward is no longer in the ledger."));
      return NULL;
    }

  detail = json_object_new ();
  json_object_set_int_member (detail, "challenge", sqlite3_column_int64 (stmt, 0));
  json_object_set_int_member (detail, "submission", sqlite3_column_int64 (stmt, 1));
  json_object_set_string_member (detail, "title", (const char *) sqlite3_column_text (stmt, 2));
  json_object_set_string_member (detail, "kind", (const char *) sqlite3_column_text (stmt, 3));
  json_object_set_string_member (detail, "description", (const char *) sqlite3_column_text (stmt, 4));
  json_object_set_int_member (detail, "amount_cents", sqlite3_column_int64 (stmt, 5));
  json_object_set_string_member (detail, "currency", (const char *) sqlite3_column_text (stmt, 6));
  json_object_set_string_member (detail, "state", (const char *) sqlite3_column_text (stmt, 7));
  if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
    json_object_set_int_member (detail, "paid_at", sqlite3_column_int64 (stmt, 8));
  return detail;
}

/* Refuses to change a line that was paid. */
static JsonObject *
read_pending (sqlite3  *db,
              gint64    reward_id,
              GError  **error)
{
  JsonObject *detail = read_reward (db, reward_id, error);

  if (detail != NULL && g_strcmp0 (json_object_get_string_member (detail, "state"), "paid") == 0)
    {
      json_object_unref (detail);
      _chorus_awards_refuse (error, CHORUS_ERROR_INVALID_ARGUMENT, _("This reward was paid already: its line stays as it was paid."));
      return NULL;
    }
  return detail;
}

static gboolean
bind_and_run (sqlite3       *db,
              sqlite3_stmt  *stmt,
              RewardChange  *change,
              GError       **error)
{
  sqlite3_bind_int64 (stmt, 2, change->submission_id);
  sqlite3_bind_text (stmt, 3, change->reward_kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, change->description, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, change->amount_cents);
  sqlite3_bind_text (stmt, 6, change->currency, -1, SQLITE_STATIC);
  return _chorus_sql_step_done (db, stmt, "reward", error);
}

static gint64
write_line (sqlite3       *db,
            RewardChange  *change,
            GError       **error)
{
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *title = NULL;

  if (change->kind == REWARD_EDIT &&
      (!(before = read_pending (db, change->reward_id, error)) ||
       json_object_get_int_member (before, "challenge") != change->challenge_id))
    {
      if (before != NULL)
        _chorus_awards_refuse (error, CHORUS_ERROR_NOT_FOUND, _("This reward is no longer in the ledger."));
      return 0;
    }
  if (!(title = read_entry (db, change->challenge_id, change->submission_id, error)))
    return 0;

  if (change->kind == REWARD_ADD)
    stmt = _chorus_sql_prepare_with_id (db, "INSERT INTO rewards (challenge_id, submission_id, kind, description,"
                                        "  amount_cents, currency) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                        change->challenge_id, error);
  else
    stmt = _chorus_sql_prepare_with_id (db, "UPDATE rewards SET submission_id = ?2, kind = ?3, description = ?4,"
                                        "  amount_cents = ?5, currency = ?6 WHERE id = ?1", change->reward_id, error);
  if (stmt == NULL || !bind_and_run (db, stmt, change, error))
    return 0;

  return change->kind == REWARD_ADD ? sqlite3_last_insert_rowid (db) : change->reward_id;
}

static gboolean
mark_paid (sqlite3       *db,
           RewardChange  *change,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "UPDATE rewards SET state = 'paid', paid_at = ?2 WHERE id = ?1",
                                            change->reward_id, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 2, change->paid_at);
  return _chorus_sql_step_done (db, stmt, "reward", error);
}

static const char *
audit_action (RewardChangeKind kind)
{
  if (kind == REWARD_ADD)
    return "reward-add";
  if (kind == REWARD_EDIT)
    return "reward-edit";
  return "reward-paid";
}

static gint64
write_reward_change (sqlite3   *db,
                     gpointer   data,
                     GArray    *changed,
                     GError   **error)
{
  RewardChange *change = data;
  g_autoptr(JsonObject) pending = NULL;
  JsonObject *detail;
  gint64 id;

  if (change->kind == REWARD_PAID)
    {
      if (!(pending = read_pending (db, change->reward_id, error)) || !mark_paid (db, change, error))
        return 0;
      id = change->reward_id;
    }
  else if (!(id = write_line (db, change, error)))
    return 0;

  if (!(detail = read_reward (db, id, error)) ||
      !_chorus_audit_insert (db, audit_action (change->kind), "reward", id, _chorus_json_node_take_object (detail),
                             error))
    return 0;
  return id;
}

static gint64
run_change (ChorusStore   *self,
            RewardChange  *change,
            GError       **error)
{
  g_autoptr(RewardChange) owned = change;

  return owned != NULL ? _chorus_store_write (self, write_reward_change, owned, error) : 0;
}

static void
run_change_async (ChorusStore         *self,
                  RewardChange        *change,
                  GError              *error,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  _chorus_store_award_change_async (self, write_reward_change, change, (GDestroyNotify) reward_change_free, error,
                                    chorus_store_reward_change_finish, cancellable, callback, user_data);
}

/**
 * chorus_store_save_reward:
 * @self: a #ChorusStore
 * @challenge_id: the challenge whose ledger holds the reward
 * @reward_id: the pending reward to change, or 0 to add one
 * @draft: what the reward is, for which entry
 * @error: a location for a #GError
 *
 * Blocking. Adds a pending reward, or rewrites one that is still
 * pending (a paid one is refused).
 *
 * Returns: the reward's id, or 0 with @error set
 */
gint64
chorus_store_save_reward (ChorusStore              *self,
                          gint64                    challenge_id,
                          gint64                    reward_id,
                          const ChorusRewardDraft  *draft,
                          GError                  **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);
  g_return_val_if_fail (draft != NULL, 0);

  return run_change (self, reward_change_new (challenge_id, reward_id, draft, 0, error), error);
}

void
chorus_store_save_reward_async (ChorusStore              *self,
                                gint64                    challenge_id,
                                gint64                    reward_id,
                                const ChorusRewardDraft  *draft,
                                GCancellable             *cancellable,
                                GAsyncReadyCallback       callback,
                                gpointer                  user_data)
{
  GError *error = NULL;

  g_return_if_fail (draft != NULL);

  run_change_async (self, reward_change_new (challenge_id, reward_id, draft, 0, &error), error,
                    cancellable, callback, user_data);
}

/**
 * chorus_store_mark_reward_paid:
 * @reward_id: a pending reward
 * @paid_at: when it was paid, in Unix seconds; 0 for now
 *
 * Blocking.
 *
 * Returns: the reward's id, or 0 with @error set (paid already, or gone)
 */
gint64
chorus_store_mark_reward_paid (ChorusStore  *self,
                               gint64        reward_id,
                               gint64        paid_at,
                               GError      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  return run_change (self, reward_change_new (0, reward_id, NULL, paid_at, error), error);
}

void
chorus_store_mark_reward_paid_async (ChorusStore         *self,
                                     gint64               reward_id,
                                     gint64               paid_at,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  run_change_async (self, reward_change_new (0, reward_id, NULL, paid_at, NULL), NULL,
                    cancellable, callback, user_data);
}

/**
 * chorus_store_reward_change_finish:
 *
 * Returns: the reward's id, or 0 with @error set
 */
gint64
chorus_store_reward_change_finish (ChorusStore   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  return _chorus_store_write_finish (self, result, error);
}
