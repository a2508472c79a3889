/* inbox-workspace.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Builds the inbox tests' workspace the way a sync would (posts through
 * chorus_store_ingest()), then sets what people do in the app (status,
 * assignee, tags, sentiment, read state, segments) with SQL, all from the
 * rules below. */

#include <string.h>

#include "chorus-store-ingest.h"
#include "chorus-store-private.h"
#include "inbox-workspace.h"

typedef struct
{
  const char *network;
  const char *handle;
  const char *server;
  const char *name;
} Author;

static const Author authors[] = {
  { "mastodon", "ana", "social.example", "Ana" },
  { "mastodon", "ana", "other.example", "Ana Two" },
  { "bluesky", "bo.bsky.social", "", "Bo" },
  { "discourse", "cy", "forum.example", "Cy" },
  { "feed", "Trail Blog", "blog.example", "Trail Blog" },
  { "mastodon", "dee", "social.example", "Dee" },
};

guint
inbox_root_author (guint i)
{
  return i % G_N_ELEMENTS (authors);
}

const char *
inbox_network (guint i)
{
  return authors[inbox_root_author (i)].network;
}

gboolean
inbox_has_reply (guint i)
{
  return i % 5 == 0;
}

gint64
inbox_root_time (guint i)
{
  return INBOX_BASE + i * 100;
}

/* Later than every root: those conversations come first. */
gint64
inbox_reply_time (guint i)
{
  return INBOX_BASE + 100000 + i * 7;
}

gint64
inbox_activity (guint i)
{
  return inbox_has_reply (i) ? inbox_reply_time (i) : inbox_root_time (i);
}

const char *
inbox_language (guint i)
{
  static const char * const languages[] = { "en", "es", "pt-BR" };

  return i % 10 == 9 ? NULL : languages[i % 3];
}

int
inbox_status (guint i)
{
  return 1 + i % 4;
}

/* 1 is the member marked as me. */
gint64
inbox_assignee (guint i)
{
  static const gint64 members[] = { 0, 1, 2, 3, 0 };

  return members[i % 5];
}

/* The automatic sentiment, NULL for every fourth. */
static const char *
sentiment_sql (guint i)
{
  static const char * const values[] = { "-1", "0", "1", "NULL" };

  return values[i % 4];
}

/* The effective one: someone set every ninth to positive. */
int
inbox_sentiment (guint i)
{
  static const int values[] = { -1, 0, 1, 0 };

  return i % 9 == 0 ? 1 : values[i % 4];
}

gboolean
inbox_unread (guint i)
{
  return i % 3 == 1;
}

gboolean
inbox_question (guint i)
{
  return i % 2 == 0;
}

/* 1 "defect", 2 "VIP customer", 3 "praise". */
gboolean
inbox_has_tag (guint  i,
               gint64 tag)
{
  return (tag == 1 && i % 3 == 0) || (tag == 2 && i % 4 == 1) || (tag == 3 && i % 6 == 5);
}

static char *
root_text (guint i)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "tok%02u", i);
  if (i % 3 == 0)
    g_string_append (text, " my zipper broke");
  if (i % 11 == 0)
    g_string_append (text, " Zippers!");
  if (i % 4 == 0)
    g_string_append (text, " the tent leaks");
  if (i % 5 == 1)
    g_string_append (text, " rain jacket");
  if (i % 5 == 2)
    g_string_append (text, " jacket, rain");
  if (i % 7 == 0)
    g_string_append (text, " Café après");

  return g_string_free (text, FALSE);
}

static ChorusIncomingPost *
make_post (guint    i,
           gboolean reply)
{
  const Author *author = &authors[reply ? 5 : inbox_root_author (i)];
  ChorusIncomingPost *post = chorus_incoming_post_new (inbox_network (i));
  g_autofree char *root_uri = g_strdup_printf ("https://example.test/%u/root", i);

  post->uri = reply ? g_strdup_printf ("https://example.test/%u/reply", i) : g_strdup (root_uri);
  post->created_at = reply ? inbox_reply_time (i) : inbox_root_time (i);
  post->language = g_strdup (inbox_language (i));
  post->text = reply ? g_strdup (i % 10 == 0 ? "Any news about the tent?" : "Thanks, all solved")
                     : root_text (i);
  if (reply)
    {
      post->reply_to_uri = g_strdup (root_uri);
      post->root_uri = g_strdup (root_uri);
    }
  post->author = chorus_incoming_author_new ();
  post->author->handle = g_strdup (author->handle);
  post->author->server = g_strdup (author->server);
  post->author->display_name = g_strdup (author->name);

  return post;
}

static void
ingest (InboxWorkspace *w,
        gboolean        replies)
{
  g_autoptr(GPtrArray) posts = chorus_incoming_post_array_new ();
  g_autoptr(GError) error = NULL;
  ChorusIngestResult result = { 0, };

  for (guint i = 0; i < INBOX_N_CONVERSATIONS; i++)
    {
      if (!replies || inbox_has_reply (i))
        g_ptr_array_add (posts, make_post (i, replies));
    }

  g_assert_true (chorus_store_ingest (w->store, 0, posts, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.inserted, ==, posts->len);
}

static void
set_triage (InboxWorkspace *w,
            sqlite3        *db,
            guint           i)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM conversations"
                                          " WHERE root_uri = 'https://example.test/%u/root'", i);

  w->ids[i] = chorus_test_db_query_int (db, sql);
  chorus_test_db_exec (db,
                       "UPDATE conversations SET source_id = %u, status_id = %d, assignee_id = nullif (%"
                       G_GINT64_FORMAT ", 0), sentiment = %s, sentiment_override = %s, has_question = %d,"
                       " unread = %d WHERE id = %" G_GINT64_FORMAT,
                       1 + i % 2, inbox_status (i), inbox_assignee (i), sentiment_sql (i),
                       i % 9 == 0 ? "1" : "NULL", inbox_question (i), inbox_unread (i), w->ids[i]);

  for (gint64 tag = 1; tag <= 3; tag++)
    {
      if (inbox_has_tag (i, tag))
        chorus_test_db_exec (db, "INSERT INTO conversation_tags (conversation_id, tag_id)"
                             " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", w->ids[i], tag);
    }
}

void
inbox_workspace_set_up (InboxWorkspace *w,
                        gconstpointer   data)
{
  sqlite3 *db;

  chorus_test_workspace_init (&w->workspace, "Inbox.chorus");
  w->store = chorus_test_open_store (w->workspace.path, CHORUS_STORE_OPEN_CREATE);
  db = _chorus_store_get_db (w->store);

  chorus_test_db_exec (db,
                       "INSERT INTO team_members (id, name, is_me, created_at) VALUES"
                       " (1, 'Me', 1, 1), (2, 'Sam', 0, 1), (3, 'Rosa', 0, 1);"
                       "INSERT INTO sources (id, network, server_url, display_name, created_at) VALUES"
                       " (1, 'mastodon', 'https://social.example', 'One', 1),"
                       " (2, 'bluesky', 'https://bsky.example', 'Two', 1);"
                       "INSERT INTO tags (id, name) VALUES (1, 'defect'), (2, 'VIP customer'), (3, 'praise');");

  ingest (w, FALSE);
  ingest (w, TRUE);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count(*) FROM conversations"), ==,
                   INBOX_N_CONVERSATIONS);

  chorus_test_db_exec (db, "BEGIN");
  for (guint i = 0; i < INBOX_N_CONVERSATIONS; i++)
    set_triage (w, db, i);
  chorus_test_db_exec (db,
                       "INSERT INTO person_segments (person_id, segment)"
                       " SELECT person_id, 'advocate' FROM identities WHERE handle = 'ana' AND server = 'social.example'"
                       " UNION ALL SELECT person_id, 'vip' FROM identities WHERE handle = 'bo.bsky.social'"
                       " UNION ALL SELECT person_id, 'influencer' FROM identities WHERE handle = 'bo.bsky.social'"
                       " UNION ALL SELECT person_id, 'detractor' FROM identities WHERE handle = 'cy'");
  chorus_test_db_exec (db, "COMMIT");
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count(*) FROM person_segments"), ==, 4);
}

void
inbox_workspace_tear_down (InboxWorkspace *w,
                           gconstpointer   data)
{
  chorus_test_finalize_object (w->store);
  chorus_test_workspace_remove_all (&w->workspace);
}

typedef struct
{
  gint64 rank;
  gint64 id;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a;
  const Ranked *rb = b;

  if (ra->rank != rb->rank)
    return ra->rank > rb->rank ? -1 : 1;
  return ra->id > rb->id ? -1 : ra->id < rb->id;
}

/* The ids of the conversations @rank keeps (a time other than 0), the
 * latest time first. */
GArray *
inbox_workspace_expect (InboxWorkspace *w,
                        InboxRank       rank,
                        gboolean        unread_only)
{
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < INBOX_N_CONVERSATIONS; i++)
    {
      Ranked r = { rank (i), w->ids[i] };

      if (r.rank != 0 && (!unread_only || inbox_unread (i)))
        g_array_append_val (ranked, r);
    }
  g_array_sort (ranked, compare_ranked);

  for (guint k = 0; k < ranked->len; k++)
    g_array_append_val (ids, g_array_index (ranked, Ranked, k).id);
  return ids;
}

guint
inbox_workspace_index_of (InboxWorkspace *w,
                          gint64          id)
{
  for (guint i = 0; i < INBOX_N_CONVERSATIONS; i++)
    {
      if (w->ids[i] == id)
        return i;
    }

  g_assert_not_reached ();
}

/* "3 17 …": @ids as text, for messages that show what differs. */
char *
inbox_ids_to_string (GArray *ids)
{
  GString *text = g_string_new (NULL);

  for (guint k = 0; k < ids->len; k++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, k ? " " : "", g_array_index (ids, gint64, k));
  return g_string_free (text, FALSE);
}
