/* chorus-store-ingest.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-error.h"
#include "chorus-sentiment-private.h"
#include "chorus-store-ingest-private.h"
#include "chorus-store-ingest.h"
#include "chorus-store-merges-private.h"
#include "chorus-store-private.h"
#include "chorus-store-rules-private.h"

#define MAX_AHEAD_SECONDS (24 * 60 * 60)

/* Writes what connectors read into the workspace: idempotent (a post is
 * keyed by its canonical URI, so reading it again from another instance or
 * another page changes nothing), one transaction per batch (a crash leaves
 * the batch either whole or absent), and rows that did not change are not
 * rewritten (FTS5 is the dominant write cost). A conversation's automatic
 * sentiment and question flag are read here from what the customer says
 * now (see set_signals ()), and triage rules run on each new customer
 * post (chorus-store-rules-apply.c). */

/* Every statement a batch runs, prepared once per batch: preparing them
 * for each post cost more than running them. */
typedef enum
{
  STMT_FIND_IDENTITY,
  STMT_UPDATE_IDENTITY,
  STMT_INSERT_PERSON,
  STMT_INSERT_IDENTITY,
  STMT_FIND_POST,
  STMT_UPDATE_POST,
  STMT_FIND_ROOT,
  STMT_UPSERT_CONVERSATION,
  STMT_NEXT_POST_KEY,
  STMT_INSERT_MEDIA,
  STMT_UPSERT_POLL,
  STMT_UPSERT_POLL_OPTION,
  STMT_INSERT_POST,
  STMT_COUNT_POST,
  STMT_SET_SIGNALS,
  N_STATEMENTS
} Statement;

static const char * const statement_sql[N_STATEMENTS] = {
  [STMT_FIND_IDENTITY] =
    "SELECT id FROM identities WHERE network = ?1 AND server = ?2 AND handle = ?3",
  /* Profiles change; keep the latest without touching unchanged rows. */
  [STMT_UPDATE_IDENTITY] =
    "UPDATE identities SET display_name = ?2, avatar_url = ?3,"
    "  profile_url = coalesce (?4, profile_url),"
    "  account_created_at = coalesce (?5, account_created_at), is_bot = ?6,"
    "  discoverable = ?7, indexable = ?8, noindex = ?9, links = ?10"
    " WHERE id = ?1 AND (display_name IS NOT ?2 OR is_bot IS NOT ?6"
    "   OR avatar_url IS NOT ?3 OR profile_url IS NOT coalesce (?4, profile_url)"
    "   OR discoverable IS NOT ?7 OR indexable IS NOT ?8 OR noindex IS NOT ?9"
    "   OR links IS NOT ?10)",
  [STMT_INSERT_PERSON] =
    "INSERT INTO people (display_name, created_at) VALUES (?1, ?2)",
  [STMT_INSERT_IDENTITY] =
    "INSERT INTO identities (person_id, network, server, handle,"
    "  display_name, avatar_url, profile_url, account_created_at, is_bot,"
    "  discoverable, indexable, noindex, links)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
  [STMT_FIND_POST] =
    "SELECT id, text IS NOT ?2 OR html IS NOT ?3 OR edited_at IS NOT ?4"
    "  OR like_count <> ?5 OR repost_count <> ?6 OR reply_count <> ?7 OR (?8 AND NOT is_own),"
    "  text IS NOT ?2, conversation_id, is_own"
    " FROM posts WHERE uri = ?1",
  [STMT_UPDATE_POST] =
    "UPDATE posts SET text = ?2, html = ?3, edited_at = ?4, like_count = ?5,"
    "  repost_count = ?6, reply_count = ?7, fetched_at = ?8, is_own = max (is_own, ?9)"
    " WHERE id = ?1",
  [STMT_FIND_ROOT] =
    "SELECT c.root_uri FROM posts p JOIN conversations c ON c.id = p.conversation_id"
    " WHERE p.uri = ?1",
  /* The brand's own post does not make its conversation unread. */
  [STMT_UPSERT_CONVERSATION] =
    "INSERT INTO conversations (source_id, network, root_uri, subject,"
    "  started_at, last_activity_at, language, unread)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, NOT ?7)"
    " ON CONFLICT (root_uri) DO UPDATE SET"
    "  subject = coalesce (subject, excluded.subject),"
    "  started_at = min (started_at, excluded.started_at),"
    "  last_activity_at = max (last_activity_at, excluded.last_activity_at),"
    "  unread = CASE WHEN excluded.last_activity_at > last_activity_at AND NOT ?7"
    "                THEN 1 ELSE unread END"
    " RETURNING id",
  [STMT_NEXT_POST_KEY] =
    "SELECT max (id) FROM posts WHERE id BETWEEN ?1 AND ?2",
  [STMT_INSERT_MEDIA] =
    "INSERT INTO post_media (post_id, kind, url, preview_url, alt_text,"
    "  width, height) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [STMT_UPSERT_POLL] =
    "INSERT INTO polls (post_id, remote_id, expires_at, multiple,"
    "  voters_count, refreshed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    " ON CONFLICT (post_id) DO UPDATE SET expires_at = excluded.expires_at,"
    "  voters_count = excluded.voters_count, refreshed_at = excluded.refreshed_at"
    " RETURNING id",
  [STMT_UPSERT_POLL_OPTION] =
    "INSERT INTO poll_options (poll_id, position, title, votes)"
    " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (poll_id, position)"
    " DO UPDATE SET title = excluded.title, votes = excluded.votes",
  [STMT_INSERT_POST] =
    "INSERT INTO posts (id, source_id, conversation_id, remote_id, uri, url,"
    "  author_id, created_at, edited_at, language, text, html, reply_to_uri,"
    "  like_count, repost_count, reply_count, fetched_at, is_own)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
    "  ?14, ?15, ?16, ?17, ?18)",
  [STMT_COUNT_POST] =
    "UPDATE conversations SET post_count = post_count + 1 WHERE id = ?1",
  /* Only from the newest post that is not the brand's own (post keys
   * follow time): one seek in posts_conversation. sentiment_override, a
   * person's choice, is not touched. */
  [STMT_SET_SIGNALS] =
    "UPDATE conversations SET sentiment = ?3, has_question = ?4"
    " WHERE id = ?1 AND (sentiment IS NOT ?3 OR has_question IS NOT ?4)"
    "  AND NOT EXISTS (SELECT 1 FROM posts"
    "                  WHERE conversation_id = ?1 AND id > ?2 AND is_own = 0)",
};

typedef struct
{
  sqlite3      *db;
  gint64        source_id;
  gint64        now;
  ChorusRulesRun *rules;        /* the enabled rules, ready to apply */
  sqlite3_stmt *statements[N_STATEMENTS];
} Ingest;

/* The statement ready to bind: prepared on first use in the batch, reset
 * and with its old bindings cleared afterwards. Owned by @ingest. */
static sqlite3_stmt *
statement (Ingest     *ingest,
           Statement   which,
           GError    **error)
{
  sqlite3_stmt *stmt = ingest->statements[which];

  if (stmt == NULL)
    return ingest->statements[which] = _chorus_sql_prepare (ingest->db, statement_sql[which], error);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return stmt;
}

static void
ingest_clear_statements (Ingest *ingest)
{
  for (guint i = 0; i < N_STATEMENTS; i++)
    g_clear_pointer (&ingest->statements[i], sqlite3_finalize);
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
step_done (Ingest        *ingest,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, ingest->db, what);
      return FALSE;
    }

  return TRUE;
}

/* The opt-outs and links, bound from @first on: discoverable, indexable
 * (NULL when the network said nothing), noindex and links. */
static void
bind_profile (sqlite3_stmt         *stmt,
              int                   first,
              ChorusIncomingAuthor *author)
{
  if (author->discoverable >= 0)
    sqlite3_bind_int (stmt, first, author->discoverable);
  if (author->indexable >= 0)
    sqlite3_bind_int (stmt, first + 1, author->indexable);
  sqlite3_bind_int (stmt, first + 2, author->noindex);
  sqlite3_bind_text (stmt, first + 3, author->links != NULL ? author->links : "", -1, SQLITE_STATIC);
}

static gint64
upsert_identity (Ingest                *ingest,
                 ChorusIncomingAuthor  *author,
                 const char            *network,
                 GError               **error)
{
  sqlite3_stmt *find;
  sqlite3_stmt *insert;
  const char *server = author->server ? author->server : "";
  const char *name = author->display_name && *author->display_name ? author->display_name : author->handle;
  gint64 person_id;

  if (!(find = statement (ingest, STMT_FIND_IDENTITY, error)))
    return 0;

  sqlite3_bind_text (find, 1, network, -1, SQLITE_STATIC);
  sqlite3_bind_text (find, 2, server, -1, SQLITE_STATIC);
  sqlite3_bind_text (find, 3, author->handle, -1, SQLITE_STATIC);

  if (sqlite3_step (find) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (find, 0);
      sqlite3_stmt *update;

      /* Profiles change; keep the latest without touching unchanged rows. */
      if (!(update = statement (ingest, STMT_UPDATE_IDENTITY, error)))
        return 0;

      sqlite3_bind_int64 (update, 1, id);
      sqlite3_bind_text (update, 2, name ? name : "", -1, SQLITE_STATIC);
      bind_text_or_null (update, 3, author->avatar_url);
      bind_text_or_null (update, 4, author->profile_url);
      if (author->created_at > 0)
        sqlite3_bind_int64 (update, 5, author->created_at);
      sqlite3_bind_int (update, 6, author->bot);
      bind_profile (update, 7, author);

      if (!step_done (ingest, update, "identity", error))
        return 0;
      if (sqlite3_changes (ingest->db) > 0)
        _chorus_merge_keys_invalidate ();
      return id;
    }

  if (!(insert = statement (ingest, STMT_INSERT_PERSON, error)))
    return 0;

  sqlite3_bind_text (insert, 1, name ? name : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 2, ingest->now);
  if (!step_done (ingest, insert, "person", error))
    return 0;

  person_id = sqlite3_last_insert_rowid (ingest->db);

  if (!(insert = statement (ingest, STMT_INSERT_IDENTITY, error)))
    return 0;

  sqlite3_bind_int64 (insert, 1, person_id);
  sqlite3_bind_text (insert, 2, network, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, server, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, author->handle, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, name ? name : "", -1, SQLITE_STATIC);
  bind_text_or_null (insert, 6, author->avatar_url);
  bind_text_or_null (insert, 7, author->profile_url);
  if (author->created_at > 0)
    sqlite3_bind_int64 (insert, 8, author->created_at);
  sqlite3_bind_int (insert, 9, author->bot);
  bind_profile (insert, 10, author);

  return step_done (ingest, insert, "identity", error) ? sqlite3_last_insert_rowid (ingest->db) : 0;
}

/* What a network may change in a post after it was first read, bound to
 * parameters ?2 to ?7 in that order. */
static void
bind_changeable (sqlite3_stmt       *stmt,
                 ChorusIncomingPost *post)
{
  sqlite3_bind_text (stmt, 2, post->text ? post->text : "", -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 3, post->markup);
  if (post->edited_at > 0)
    sqlite3_bind_int64 (stmt, 4, post->edited_at);
  sqlite3_bind_int64 (stmt, 5, post->like_count);
  sqlite3_bind_int64 (stmt, 6, post->repost_count);
  sqlite3_bind_int64 (stmt, 7, post->reply_count);
}

/* What we have of a post that was read again. */
typedef struct
{
  gint64   id;                  /* 0 when the post is new */
  gint64   conversation_id;
  gboolean changed;             /* what we got differs from what we have */
  gboolean text_changed;
  gboolean own;
} Known;

static gboolean
find_post (Ingest              *ingest,
           ChorusIncomingPost  *post,
           Known               *known,
           GError             **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = statement (ingest, STMT_FIND_POST, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, post->uri, -1, SQLITE_STATIC);
  bind_changeable (stmt, post);
  sqlite3_bind_int (stmt, 8, post->is_own != FALSE);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;

  known->id = sqlite3_column_int64 (stmt, 0);
  known->changed = sqlite3_column_int (stmt, 1) != 0;
  known->text_changed = sqlite3_column_int (stmt, 2) != 0;
  known->conversation_id = sqlite3_column_int64 (stmt, 3);
  known->own = sqlite3_column_int (stmt, 4) != 0;
  return TRUE;
}

static gboolean
update_post (Ingest              *ingest,
             gint64               id,
             ChorusIncomingPost  *post,
             GError             **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = statement (ingest, STMT_UPDATE_POST, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  bind_changeable (stmt, post);
  sqlite3_bind_int64 (stmt, 8, ingest->now);
  sqlite3_bind_int (stmt, 9, post->is_own != FALSE);

  return step_done (ingest, stmt, "update post", error);
}

/* The thread a post belongs to: the root the network names, else the
 * thread of the post it answers when we have that one, else the post it
 * answers, else the post itself. */
static char *
dup_root_uri (Ingest             *ingest,
              ChorusIncomingPost *post)
{
  sqlite3_stmt *stmt;

  if (post->root_uri != NULL)
    return g_strdup (post->root_uri);

  if (post->reply_to_uri == NULL)
    return g_strdup (post->uri);

  if ((stmt = statement (ingest, STMT_FIND_ROOT, NULL)) != NULL)
    {
      sqlite3_bind_text (stmt, 1, post->reply_to_uri, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }

  return g_strdup (post->reply_to_uri);
}

static gint64
upsert_conversation (Ingest              *ingest,
                     ChorusIncomingPost  *post,
                     GError             **error)
{
  g_autofree char *root_uri = dup_root_uri (ingest, post);
  sqlite3_stmt *stmt;

  if (!(stmt = statement (ingest, STMT_UPSERT_CONVERSATION, error)))
    return 0;

  if (ingest->source_id > 0)
    sqlite3_bind_int64 (stmt, 1, ingest->source_id);
  sqlite3_bind_text (stmt, 2, post->network, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, root_uri, -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 4, post->title);
  sqlite3_bind_int64 (stmt, 5, post->created_at);
  bind_text_or_null (stmt, 6, post->language);
  sqlite3_bind_int (stmt, 7, post->is_own != FALSE);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _chorus_set_sqlite_error (error, ingest->db, "conversation");
      return 0;
    }

  return sqlite3_column_int64 (stmt, 0);
}

/* Post ids follow time (see CHORUS_POST_KEY_SHIFT): the first free key in
 * the post's second. */
static gint64
next_post_key (Ingest  *ingest,
               gint64   created_at,
               GError **error)
{
  sqlite3_stmt *stmt;
  gint64 base = MAX (created_at, 0) << CHORUS_POST_KEY_SHIFT;
  gint64 last = base + (((gint64) 1 << CHORUS_POST_KEY_SHIFT) - 1);

  if (!(stmt = statement (ingest, STMT_NEXT_POST_KEY, error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, base);
  sqlite3_bind_int64 (stmt, 2, last);

  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return base;

  if (sqlite3_column_int64 (stmt, 0) >= last)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_DATABASE,
                   "More than %d posts in one second", 1 << CHORUS_POST_KEY_SHIFT);
      return 0;
    }

  return sqlite3_column_int64 (stmt, 0) + 1;
}

static gboolean
insert_media (Ingest               *ingest,
              gint64                post_id,
              ChorusIncomingMedia  *media,
              GError              **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = statement (ingest, STMT_INSERT_MEDIA, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, post_id);
  sqlite3_bind_text (stmt, 2, media->kind ? media->kind : "image", -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 3, media->url);
  bind_text_or_null (stmt, 4, media->preview_url);
  bind_text_or_null (stmt, 5, media->alt_text);
  if (media->width > 0 && media->height > 0)
    {
      sqlite3_bind_int (stmt, 6, media->width);
      sqlite3_bind_int (stmt, 7, media->height);
    }

  return step_done (ingest, stmt, "media", error);
}

/* Polls are snapshots: the latest counts replace the previous ones. */
static gboolean
upsert_poll (Ingest              *ingest,
             gint64               post_id,
             ChorusIncomingPoll  *poll,
             GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 poll_id;

  if (!(stmt = statement (ingest, STMT_UPSERT_POLL, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, post_id);
  bind_text_or_null (stmt, 2, poll->remote_id);
  if (poll->expires_at > 0)
    sqlite3_bind_int64 (stmt, 3, poll->expires_at);
  sqlite3_bind_int (stmt, 4, poll->multiple);
  if (poll->voters_count >= 0)
    sqlite3_bind_int64 (stmt, 5, poll->voters_count);
  sqlite3_bind_int64 (stmt, 6, ingest->now);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _chorus_set_sqlite_error (error, ingest->db, "poll");
      return FALSE;
    }

  poll_id = sqlite3_column_int64 (stmt, 0);

  if (!(stmt = statement (ingest, STMT_UPSERT_POLL_OPTION, error)))
    return FALSE;

  for (guint i = 0; i < poll->options->len; i++)
    {
      ChorusIncomingPollOption *option = g_ptr_array_index (poll->options, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, poll_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, option->title ? option->title : "", -1, SQLITE_STATIC);
      if (option->votes >= 0)
        sqlite3_bind_int64 (stmt, 4, option->votes);
      else
        sqlite3_bind_null (stmt, 4);

      if (!step_done (ingest, stmt, "poll option", error))
        return FALSE;
    }

  return TRUE;
}

/* A conversation's automatic sentiment and question flag say what the
 * customer says now: they follow its newest post that is not the brand's
 * own (@post, keyed @post_id, when the statement finds none newer), so a
 * late older post changes nothing. Called for posts that are not the
 * brand's own, when inserted or when their text changes. */
static gboolean
set_signals (Ingest              *ingest,
             gint64               conversation_id,
             gint64               post_id,
             ChorusIncomingPost  *post,
             GError             **error)
{
  gboolean question;
  ChorusSentiment sentiment = _chorus_sentiment_read_signals (post->text ? post->text : "",
                                                              post->language, &question);
  sqlite3_stmt *stmt;

  if (!(stmt = statement (ingest, STMT_SET_SIGNALS, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  sqlite3_bind_int64 (stmt, 2, post_id);
  sqlite3_bind_int (stmt, 3, sentiment);
  sqlite3_bind_int (stmt, 4, question);

  return step_done (ingest, stmt, "signals", error);
}

static gboolean
insert_post (Ingest              *ingest,
             ChorusIncomingPost  *post,
             gint64               author_id,
             GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 conversation_id;
  gint64 id;

  if (!(conversation_id = upsert_conversation (ingest, post, error)) ||
      !(id = next_post_key (ingest, post->created_at, error)))
    return FALSE;

  if (!(stmt = statement (ingest, STMT_INSERT_POST, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (ingest->source_id > 0)
    sqlite3_bind_int64 (stmt, 2, ingest->source_id);
  sqlite3_bind_int64 (stmt, 3, conversation_id);
  bind_text_or_null (stmt, 4, post->remote_id);
  sqlite3_bind_text (stmt, 5, post->uri, -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 6, post->url);
  if (author_id > 0)
    sqlite3_bind_int64 (stmt, 7, author_id);
  sqlite3_bind_int64 (stmt, 8, post->created_at);
  if (post->edited_at > 0)
    sqlite3_bind_int64 (stmt, 9, post->edited_at);
  bind_text_or_null (stmt, 10, post->language);
  sqlite3_bind_text (stmt, 11, post->text ? post->text : "", -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 12, post->markup);
  bind_text_or_null (stmt, 13, post->reply_to_uri);
  sqlite3_bind_int64 (stmt, 14, post->like_count);
  sqlite3_bind_int64 (stmt, 15, post->repost_count);
  sqlite3_bind_int64 (stmt, 16, post->reply_count);
  sqlite3_bind_int64 (stmt, 17, ingest->now);
  sqlite3_bind_int (stmt, 18, post->is_own != FALSE);

  if (!step_done (ingest, stmt, "post", error))
    return FALSE;
  if (!(stmt = statement (ingest, STMT_COUNT_POST, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conversation_id);
  if (!step_done (ingest, stmt, "conversation", error))
    return FALSE;
  /* The brand's own words (from the outbox) say nothing of the customer's mood. */
  if (!post->is_own &&
      (!set_signals (ingest, conversation_id, id, post, error) ||
       !_chorus_rules_run_apply (ingest->rules, conversation_id, author_id, post, error)))
    return FALSE;

  for (guint i = 0; i < post->media->len; i++)
    if (!insert_media (ingest, id, g_ptr_array_index (post->media, i), error))
      return FALSE;

  return post->poll == NULL || upsert_poll (ingest, id, post->poll, error);
}

static gboolean
ingest_one (Ingest              *ingest,
            ChorusIncomingPost  *post,
            ChorusIngestResult  *result,
            GError             **error)
{
  Known known = { 0, };
  gint64 author_id = 0;

  if (post->uri == NULL || *post->uri == '\0' || post->created_at <= 0)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   "A post without a URI or a time cannot be stored");
      return FALSE;
    }

  /* A time far ahead of this machine's clock is a server's broken clock
   * or a post pinning itself to the top of the inbox: it is taken as the
   * time the post was read. Within a day, a server's time is kept, so its
   * posts stay in their order. */
  if (post->created_at > ingest->now + MAX_AHEAD_SECONDS)
    post->created_at = ingest->now;

  if (!find_post (ingest, post, &known, error))
    return FALSE;

  if (known.id > 0)
    {
      if (!known.changed)
        {
          result->unchanged++;
          return post->poll == NULL || upsert_poll (ingest, known.id, post->poll, error);
        }

      result->updated++;
      return update_post (ingest, known.id, post, error) &&
             (!known.text_changed || known.own || post->is_own ||
              set_signals (ingest, known.conversation_id, known.id, post, error)) &&
             (post->poll == NULL || upsert_poll (ingest, known.id, post->poll, error));
    }

  if (post->author != NULL && post->author->handle != NULL &&
      !(author_id = upsert_identity (ingest, post->author, post->network, error)))
    return FALSE;

  if (!insert_post (ingest, post, author_id, error))
    return FALSE;

  result->inserted++;
  return TRUE;
}

/**
 * chorus_store_ingest:
 * @self: a #ChorusStore
 * @source_id: the source the posts were read from, or 0
 * @posts: (element-type ChorusIncomingPost): what was read
 * @result: (out caller-allocates) (optional): what changed
 * @error: a location for a #GError
 *
 * Stores a batch of posts in one transaction, creating people, identities
 * and conversations as needed. A post dated more than a day ahead of this
 * machine's clock is stored, and its created_at in @posts changed, as read
 * now. Blocking: call it from a worker thread.
 *
 * Returns: %TRUE when the whole batch was stored; %FALSE and nothing stored
 *   otherwise
 */
gboolean
chorus_store_ingest (ChorusStore         *self,
                     gint64               source_id,
                     GPtrArray           *posts,
                     ChorusIngestResult  *result,
                     GError             **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;
  ChorusIngestResult local = { 0, };
  Ingest ingest = { 0, };
  gboolean ok = TRUE;

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (posts != NULL, FALSE);

  connection = _chorus_store_connection_new (self);
  ingest.db = connection->db;
  ingest.source_id = source_id;
  ingest.now = g_get_real_time () / G_USEC_PER_SEC;

  if (!_chorus_sql_exec (ingest.db, "BEGIN IMMEDIATE", error))
    return FALSE;

  ok = (ingest.rules = _chorus_rules_run_new (ingest.db, error)) != NULL;
  for (guint i = 0; i < posts->len && ok; i++)
    ok = ingest_one (&ingest, g_ptr_array_index (posts, i), &local, error);

  /* No statement may be left mid-step when the transaction ends. */
  ingest_clear_statements (&ingest);
  g_clear_pointer (&ingest.rules, _chorus_rules_run_free);

  if (!ok || !_chorus_sql_exec (ingest.db, "COMMIT", error))
    {
      sqlite3_exec (ingest.db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if (result != NULL)
    *result = local;

  return TRUE;
}

/**
 * _chorus_store_upsert_identities:
 * @db: a connection inside a write transaction
 * @network: the network the people are on
 * @authors: (element-type ChorusIncomingAuthor): people read from it
 * @ids: (element-type gint64): where their identities' ids are appended,
 *   in the order of @authors
 * @error: a location for a #GError
 *
 * Creates or updates identities (and their people) as ingesting their
 * posts would, for people known by something other than a post: who
 * liked or boosted a challenge's entry (chorus-store-collect.c).
 */
gboolean
_chorus_store_upsert_identities (sqlite3     *db,
                                 const char  *network,
                                 GPtrArray   *authors,
                                 GArray      *ids,
                                 GError     **error)
{
  Ingest ingest = { 0, };
  gboolean ok = TRUE;

  ingest.db = db;
  ingest.now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; i < authors->len && ok; i++)
    {
      gint64 id = upsert_identity (&ingest, g_ptr_array_index (authors, i), network, error);

      if ((ok = id != 0))
        g_array_append_val (ids, id);
    }

  ingest_clear_statements (&ingest);
  return ok;
}
