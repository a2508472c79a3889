/* chorus-store-outbox.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-outbox-private.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"

/* Queuing for the outbox: a reply, like or repost is checked first (the
 * target's source can post there, the text fits the network's limit),
 * then stored with its idempotency key and with what the network will
 * need (its payload), so that it still goes out if its target leaves the
 * workspace. A reply's text can change until it is on its way.
 * chorus-store-outbox-items.c lists and changes items;
 * chorus-store-outbox-send.c is the sender's side. */

/* The post a new item is about, with its source. */
typedef struct
{
  gint64  post_id;
  char   *uri;
  char   *remote_id;
  gint64  conversation_id;
  char   *root_uri;
  char   *root_remote_id;
  gint64  source_id;             /* 0 when the source was removed */
  char   *network;
  char   *account;
  char   *secret_env;
  gboolean is_sample;
} Target;

static void
target_clear (Target *target)
{
  g_free (target->uri);
  g_free (target->remote_id);
  g_free (target->root_uri);
  g_free (target->root_remote_id);
  g_free (target->network);
  g_free (target->account);
  g_free (target->secret_env);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Target, target_clear)

static gboolean
load_target (sqlite3  *db,
             gint64    post_id,
             Target   *target,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _chorus_sql_prepare (db,
                                    "SELECT p.uri, p.remote_id, p.conversation_id, c.root_uri,"
                                    "  (SELECT r.remote_id FROM posts r WHERE r.uri = c.root_uri),"
                                    "  s.id, s.network, s.account, s.secret_env, s.is_sample"
                                    " FROM posts p JOIN conversations c ON c.id = p.conversation_id"
                                    " LEFT JOIN sources s ON s.id = p.source_id WHERE p.id = ?1",
                                    error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, post_id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND, "%s",
                     _("This post is no longer in the workspace."));
      else
        _chorus_set_sqlite_error (error, db, "outbox target");
      return FALSE;
    }

  target->post_id = post_id;
  target->uri = _chorus_sql_dup_text (stmt, 0);
  target->remote_id = _chorus_sql_dup_text (stmt, 1);
  target->conversation_id = sqlite3_column_int64 (stmt, 2);
  target->root_uri = _chorus_sql_dup_text (stmt, 3);
  target->root_remote_id = _chorus_sql_dup_text (stmt, 4);
  target->source_id = sqlite3_column_int64 (stmt, 5);
  target->network = _chorus_sql_dup_text (stmt, 6);
  target->account = _chorus_sql_dup_text (stmt, 7);
  target->secret_env = _chorus_sql_dup_text (stmt, 8);
  target->is_sample = sqlite3_column_int (stmt, 9) != 0;

  return TRUE;
}

static gboolean
fail_invalid (GError     **error,
              const char  *message)
{
  g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT, message);
  return FALSE;
}

/* Discourse keys are <forum>/t/<topic id>/<post number>. */
static gboolean
parse_discourse_key (const char *uri,
                     gint64     *topic_id,
                     gint64     *post_number)
{
  const char *t = uri != NULL ? g_strrstr (uri, "/t/") : NULL;
  g_auto(GStrv) parts = t != NULL ? g_strsplit (t + 3, "/", -1) : NULL;
  guint64 topic;
  guint64 number;

  if (parts == NULL || g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, G_MAXINT64, &topic, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXINT64, &number, NULL))
    return FALSE;

  *topic_id = (gint64) topic;
  *post_number = (gint64) number;
  return TRUE;
}

/* Whether @kind can go to @target's network through @target's source. */
static gboolean
check_target (Target            *target,
              ChorusOutboxKind   kind,
              GError           **error)
{
  gint64 topic_id;
  gint64 post_number;

  if (target->source_id == 0)
    return fail_invalid (error, _("Chorus cannot act on this post: the source it came from was removed."));

  if (g_strcmp0 (target->network, "mastodon") != 0 && g_strcmp0 (target->network, "bluesky") != 0 &&
      g_strcmp0 (target->network, "discourse") != 0)
    return fail_invalid (error, _("Feeds take no replies, likes or reposts."));

  if (target->is_sample)
    return fail_invalid (error, _("This post comes from a sample source, whose accounts are made up: "
                                  "nothing can be sent from it."));

  if (target->account == NULL && target->secret_env == NULL)
    return fail_invalid (error, _("This source reads public posts without signing in, so it cannot post. "
                                  "Add the account to act from it."));

  if (kind == CHORUS_OUTBOX_KIND_REPOST && g_str_equal (target->network, "discourse"))
    return fail_invalid (error, _("Discourse forums have no reposts."));

  if (g_str_equal (target->network, "mastodon") && target->remote_id == NULL)
    return fail_invalid (error, _("Chorus does not know this post’s id on its server, so it cannot act on it."));

  if (g_str_equal (target->network, "bluesky") && !g_str_has_prefix (target->uri, "at://"))
    return fail_invalid (error, _("This Bluesky post has no AT Protocol address, so Chorus cannot act on it."));

  if (g_str_equal (target->network, "discourse") &&
      (!parse_discourse_key (target->uri, &topic_id, &post_number) ||
       (kind == CHORUS_OUTBOX_KIND_LIKE && target->remote_id == NULL)))
    return fail_invalid (error, _("Chorus cannot tell which forum post this is, so it cannot act on it."));

  return TRUE;
}

/* The instance's limit, kept by the sync as "max_characters=N …" in the
 * "instance" stream's cursor. */
static guint
mastodon_limit (sqlite3 *db,
                gint64   source_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *cursor;
  const char *found;
  guint64 limit;

  stmt = _chorus_sql_prepare (db, "SELECT cursor FROM source_cursors WHERE source_id = ?1 AND stream = 'instance'",
                              NULL);
  if (stmt == NULL)
    return CHORUS_OUTBOX_MASTODON_DEFAULT_LIMIT;

  sqlite3_bind_int64 (stmt, 1, source_id);
  if (sqlite3_step (stmt) != SQLITE_ROW || !(cursor = (const char *) sqlite3_column_text (stmt, 0)) ||
      !(found = strstr (cursor, "max_characters=")))
    return CHORUS_OUTBOX_MASTODON_DEFAULT_LIMIT;

  limit = g_ascii_strtoull (found + strlen ("max_characters="), NULL, 10);
  return limit > 0 && limit < G_MAXUINT ? (guint) limit : CHORUS_OUTBOX_MASTODON_DEFAULT_LIMIT;
}

static guint
reply_limit (sqlite3    *db,
             Target     *target)
{
  if (g_strcmp0 (target->network, "mastodon") == 0)
    return mastodon_limit (db, target->source_id);
  if (g_strcmp0 (target->network, "bluesky") == 0)
    return CHORUS_OUTBOX_BLUESKY_LIMIT;

  return CHORUS_OUTBOX_DISCOURSE_LIMIT;
}

static const char *
network_title (const char *network)
{
  if (g_strcmp0 (network, "mastodon") == 0)
    return "Mastodon";
  if (g_strcmp0 (network, "bluesky") == 0)
    return "Bluesky";

  return "Discourse";
}

static gboolean
check_body (sqlite3     *db,
            Target      *target,
            const char  *body,
            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (body != NULL ? body : ""));
  guint limit = reply_limit (db, target);
  guint length;

  if (*stripped == '\0')
    return fail_invalid (error, _("A reply needs some text."));

  if (!g_utf8_validate (body, -1, NULL))
    return fail_invalid (error, _("This reply is not valid text."));

  length = chorus_outbox_count_length (target->network, body);
  if (length > limit)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: the first %u is the reply's length, %s a network
                    * ("Mastodon"), the last %u the most it allows. */
                   g_dngettext (GETTEXT_PACKAGE, "This reply is %u character long, but %s allows at most %u.",
                                "This reply is %u characters long, but %s allows at most %u.", length),
                   length, network_title (target->network), limit);
      return FALSE;
    }

  if (g_str_equal (target->network, "bluesky") && strlen (body) > CHORUS_OUTBOX_BLUESKY_MAX_BYTES)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %u is a number of bytes. */
                   _("This reply is too long for Bluesky, which takes at most %u bytes of text."),
                   (guint) CHORUS_OUTBOX_BLUESKY_MAX_BYTES);
      return FALSE;
    }

  return TRUE;
}

static char *
build_payload (Target           *target,
               ChorusOutboxKind  kind)
{
  g_autoptr(JsonObject) payload = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  gint64 now_us = g_get_real_time ();
  gint64 topic_id;
  gint64 post_number;

  json_object_set_string_member (payload, "target_uri", target->uri);
  if (target->remote_id != NULL)
    json_object_set_string_member (payload, "target_remote_id", target->remote_id);
  json_object_set_int_member (payload, "conversation_id", target->conversation_id);
  if (target->root_uri != NULL)
    json_object_set_string_member (payload, "root_uri", target->root_uri);
  if (target->root_remote_id != NULL)
    json_object_set_string_member (payload, "root_remote_id", target->root_remote_id);

  if (g_str_equal (target->network, "bluesky"))
    {
      g_autofree char *rkey = _chorus_outbox_new_tid (now_us);

      json_object_set_string_member (payload, "rkey", rkey);
      json_object_set_int_member (payload, "created_at", now_us / G_USEC_PER_SEC);
    }

  if (g_str_equal (target->network, "discourse") && parse_discourse_key (target->uri, &topic_id, &post_number))
    {
      json_object_set_int_member (payload, "topic_id", topic_id);
      json_object_set_int_member (payload, "post_number", post_number);
    }

  node = json_node_init_object (json_node_alloc (), payload);
  return json_to_string (node, FALSE);
}

/* A like or repost of a post already liked or reposted (or on its way)
 * is that one. */
static gint64
find_active (sqlite3          *db,
             Target           *target,
             ChorusOutboxKind  kind)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _chorus_sql_prepare (db,
                              "SELECT id FROM outbox WHERE kind = ?1 AND source_id = ?2"
                              " AND json_extract (payload, '$.target_uri') = ?3"
                              " AND state IN ('queued', 'sending', 'sent') ORDER BY id LIMIT 1",
                              NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, chorus_outbox_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, target->source_id);
  sqlite3_bind_text (stmt, 3, target->uri, -1, SQLITE_STATIC);

  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gint64
insert_item (sqlite3           *db,
             Target            *target,
             ChorusOutboxKind   kind,
             const char        *body,
             GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *payload = build_payload (target, kind);
  g_autofree char *key = g_uuid_string_random ();

  if (!(stmt = _chorus_sql_prepare (db,
                                    "INSERT INTO outbox (source_id, kind, target_post_id, body, payload,"
                                    "  idempotency_key, created_by, created_at)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                                    "  (SELECT id FROM team_members WHERE is_me ORDER BY id LIMIT 1),"
                                    "  strftime ('%s', 'now'))",
                                    error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, target->source_id);
  sqlite3_bind_text (stmt, 2, chorus_outbox_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, target->post_id);
  if (body != NULL)
    sqlite3_bind_text (stmt, 4, body, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, payload, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, key, -1, SQLITE_STATIC);

  if (!_chorus_sql_step_done (db, stmt, "queue", error))
    return 0;

  return sqlite3_last_insert_rowid (db);
}

/* What queue_write () queues. */
typedef struct
{
  gint64            target_post_id;
  ChorusOutboxKind  kind;
  const char       *body;
} Queuing;

static gint64
queue_write (sqlite3  *db,
             gpointer  data,
             GArray   *changed,
             GError  **error)
{
  Queuing *queuing = data;
  g_auto(Target) target = { 0, };
  gint64 id;

  if (!load_target (db, queuing->target_post_id, &target, error) || !check_target (&target, queuing->kind, error) ||
      (queuing->kind == CHORUS_OUTBOX_KIND_REPLY && !check_body (db, &target, queuing->body, error)))
    return 0;

  if (queuing->kind != CHORUS_OUTBOX_KIND_REPLY && (id = find_active (db, &target, queuing->kind)) > 0)
    return id;

  if (!(id = insert_item (db, &target, queuing->kind, queuing->body, error)) ||
      _chorus_audit_insert (db, "outbox-queue", "outbox", id, NULL, error) == 0)
    return 0;

  return id;
}

/* Returns: the reply's outbox id, or 0 with @error set */
gint64
_chorus_outbox_queue_reply_in (sqlite3     *db,
                               gint64       target_post_id,
                               const char  *body,
                               GError     **error)
{
  Queuing queuing = { target_post_id, CHORUS_OUTBOX_KIND_REPLY, body };

  return queue_write (db, &queuing, NULL, error);
}

/* Returns: %FALSE with @error set when no reply to @target_post_id can
 * be sent; else @limit is the longest one */
gboolean
_chorus_outbox_check_reply (sqlite3  *db,
                            gint64    target_post_id,
                            guint    *limit,
                            GError  **error)
{
  g_auto(Target) target = { 0, };

  if (!load_target (db, target_post_id, &target, error) ||
      !check_target (&target, CHORUS_OUTBOX_KIND_REPLY, error))
    return FALSE;

  *limit = reply_limit (db, &target);
  return TRUE;
}

static gint64
queue_item (ChorusStore       *self,
            gint64             target_post_id,
            ChorusOutboxKind   kind,
            const char        *body,
            GError           **error)
{
  Queuing queuing = { target_post_id, kind, body };

  return _chorus_store_write (self, queue_write, &queuing, error);
}

/**
 * chorus_store_queue_reply:
 * @self: a #ChorusStore
 * @target_post_id: the post to answer
 * @body: what the reply says, sent as written (a Mastodon reply that
 *   should notify its author mentions them)
 * @error: a location for a #GError
 *
 * Queues a reply through the source that read @target_post_id, once it
 * can post there and @body fits the network's limit (see
 * chorus_store_get_reply_limit()). Blocking: call it from a worker
 * thread, or use chorus_store_change_outbox_async().
 *
 * Returns: the outbox item's id, or 0 with @error set
 *   (%CHORUS_ERROR_NOT_FOUND, %CHORUS_ERROR_INVALID_ARGUMENT in words a
 *   person can act on)
 */
gint64
chorus_store_queue_reply (ChorusStore  *self,
                          gint64        target_post_id,
                          const char   *body,
                          GError      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);
  g_return_val_if_fail (body != NULL, 0);

  return queue_item (self, target_post_id, CHORUS_OUTBOX_KIND_REPLY, body, error);
}

/**
 * chorus_store_queue_like:
 * @self: a #ChorusStore
 * @target_post_id: the post to like (favourite, on Mastodon)
 * @error: a location for a #GError
 *
 * Queues a like; a post already liked, or about to be, gives that item.
 * Blocking: call it from a worker thread, or use
 * chorus_store_change_outbox_async().
 *
 * Returns: the outbox item's id, or 0 with @error set
 */
gint64
chorus_store_queue_like (ChorusStore  *self,
                         gint64        target_post_id,
                         GError      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  return queue_item (self, target_post_id, CHORUS_OUTBOX_KIND_LIKE, NULL, error);
}

/**
 * chorus_store_queue_repost:
 * @self: a #ChorusStore
 * @target_post_id: the post to repost (boost, on Mastodon)
 * @error: a location for a #GError
 *
 * Queues a repost, as chorus_store_queue_like() does a like. Discourse
 * has none. Blocking: call it from a worker thread, or use
 * chorus_store_change_outbox_async().
 *
 * Returns: the outbox item's id, or 0 with @error set
 */
gint64
chorus_store_queue_repost (ChorusStore  *self,
                           gint64        target_post_id,
                           GError      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  return queue_item (self, target_post_id, CHORUS_OUTBOX_KIND_REPOST, NULL, error);
}

/**
 * chorus_store_get_reply_limit:
 * @self: a #ChorusStore
 * @target_post_id: the post a reply would answer
 * @limit: (out): the longest reply, as chorus_outbox_count_length() counts
 * @error: a location for a #GError
 *
 * For a composer's counter. Blocking, but quick.
 *
 * Returns: %FALSE with @error set when the post cannot be answered
 */
gboolean
chorus_store_get_reply_limit (ChorusStore  *self,
                              gint64        target_post_id,
                              guint        *limit,
                              GError      **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (limit != NULL, FALSE);

  connection = _chorus_store_connection_new (self);
  return _chorus_outbox_check_reply (connection->db, target_post_id, limit, error);
}

/**
 * chorus_store_edit_outbox_item:
 * @self: a #ChorusStore
 * @id: a queued or failed reply
 * @body: its new text, checked as chorus_store_queue_reply() checks it
 * @error: a location for a #GError
 *
 * Rewords a reply that is not on its way yet; a failed one stays failed
 * until it is retried. Blocking: call it from a worker thread, or use
 * chorus_store_change_outbox_async().
 *
 * Returns: %FALSE with @error set
 */
gboolean
chorus_store_edit_outbox_item (ChorusStore  *self,
                               gint64        id,
                               const char   *body,
                               GError      **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;
  g_autoptr(ChorusOutboxItem) item = NULL;
  g_auto(Target) target = { 0, };

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (body != NULL, FALSE);

  /* The text is checked against the source's network and limit. */
  if (!(item = chorus_store_load_outbox_item (self, id, error)))
    return FALSE;

  connection = _chorus_store_connection_new (self);
  target.source_id = chorus_outbox_item_get_source_id (item);
  target.network = g_strdup (chorus_outbox_item_get_network (item));
  if (!check_body (connection->db, &target, body, error))
    return FALSE;
  g_clear_pointer (&connection, _chorus_store_connection_free);

  return _chorus_store_outbox_change (self, id, "UPDATE outbox SET body = ?2"
                      " WHERE id = ?1 AND kind = 'reply' AND state IN ('queued', 'failed')",
                      body, "outbox-edit",
                      _("Only a reply that is not on its way or sent can be changed."), error);
}
