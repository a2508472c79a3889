/* chorus-test-triage.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "chorus-test-triage.h"

static void
on_conversations_changed_cb (ChorusStore *store,
                             GArray      *ids,
                             Fixture     *f)
{
  g_ptr_array_add (f->announced, g_array_ref (ids));
}

void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fixture *f = user_data;

  f->announced_before_result = f->announced->len;
  f->result = g_object_ref (result);
}

GAsyncResult *
wait_result (Fixture *f)
{
  chorus_test_wait_async_result (&f->result);
  return f->result;
}

gint64
finish_triage (Fixture  *f,
               GError  **error)
{
  gint64 id = chorus_store_triage_finish (f->store, wait_result (f), error);

  g_clear_object (&f->result);
  return id;
}

gint64
finish_edit (Fixture  *f,
             GError  **error)
{
  gint64 id = chorus_store_edit_finish (f->store, wait_result (f), error);

  g_clear_object (&f->result);
  return id;
}

/* A change that must work. */
gint64
triage_ok (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 id = finish_triage (f, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

gint64
edit_ok (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 id = finish_edit (f, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A change or edit refused with @code and the sentence @message. */
void
assert_refused (Fixture    *f,
                Finish      finish,
                int         code,
                const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (finish (f, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

GArray *
ids_of (Fixture *f,
        int      first,
        ...)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  va_list args;

  va_start (args, first);
  for (int i = first; i >= 0; i = va_arg (args, int))
    g_array_append_val (ids, f->c[i]);
  va_end (args);

  return ids;
}

gint64
query_int (Fixture    *f,
           const char *format,
           ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  return chorus_test_db_query_int (_chorus_store_get_db (f->store), sql);
}

gint64
column_of (Fixture    *f,
           const char *column,
           int         conversation)
{
  return query_int (f, "SELECT coalesce (%s, -100) FROM conversations WHERE id = %" G_GINT64_FORMAT,
                    column, f->c[conversation]);
}

/* The last signal's ids, as "3 5 8". */
char *
last_announced (Fixture *f)
{
  GString *text = g_string_new (NULL);
  GArray *ids;

  g_assert_cmpuint (f->announced->len, >, 0);
  ids = g_ptr_array_index (f->announced, f->announced->len - 1);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i ? " " : "", g_array_index (ids, gint64, i));

  return g_string_free (text, FALSE);
}

char *
expected_ids (Fixture *f,
              int      first,
              ...)
{
  GString *text = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (int i = first; i >= 0; i = va_arg (args, int))
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, text->len ? " " : "", f->c[i]);
  va_end (args);

  return g_string_free (text, FALSE);
}

GPtrArray *
finish_list (Fixture    *f,
             ListFinish  finish)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = finish (f->store, wait_result (f), &error);

  g_assert_no_error (error);
  g_clear_object (&f->result);
  return rows;
}

/* The conversation's history, newest first, one sentence per line. */
char *
history_of (Fixture *f,
            int      conversation)
{
  g_autoptr(GPtrArray) entries = NULL;
  GString *text = g_string_new (NULL);

  chorus_store_list_audit_async (f->store, f->c[conversation], NULL, on_done_cb, f);
  entries = finish_list (f, chorus_store_list_audit_finish);
  for (guint i = 0; i < entries->len; i++)
    {
      g_autofree char *line = chorus_test_strip_isolates (chorus_audit_entry_get_description (g_ptr_array_index (entries, i)));

      g_string_append_printf (text, "%s\n", line);
    }

  return g_string_free (text, FALSE);
}

static ChorusIncomingPost *
make_post (guint i)
{
  ChorusIncomingPost *post = chorus_incoming_post_new ("mastodon");

  post->uri = g_strdup_printf ("https://social.example/@p%u/%u", i, i);
  post->created_at = 1700000000 + i * 60;
  post->text = g_strdup_printf ("Conversation %u: the zipper broke", i);
  post->author = chorus_incoming_author_new ();
  post->author->handle = g_strdup_printf ("p%u", i);
  post->author->server = g_strdup ("social.example");
  post->author->display_name = g_strdup_printf ("Person %u", i);
  post->author->avatar_url = g_strdup_printf ("https://social.example/avatars/%u.png", i);

  return post;
}

static gint64
add_member (Fixture    *f,
            const char *name,
            const char *role)
{
  chorus_store_add_team_member_async (f->store, name, NULL, role, NULL, on_done_cb, f);
  return edit_ok (f);
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) posts = chorus_incoming_post_array_new ();
  g_autoptr(GError) error = NULL;

  chorus_test_workspace_init (&f->workspace, "triage.chorus");
  f->store = chorus_test_open_store (f->workspace.path, CHORUS_STORE_OPEN_CREATE);
  f->announced = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_signal_connect (f->store, "conversations-changed", G_CALLBACK (on_conversations_changed_cb), f);

  f->source = chorus_store_add_source (f->store, "mastodon", "https://social.example", "brand", "Brand",
                                       &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_CONVERSATIONS; i++)
    g_ptr_array_add (posts, make_post (i));
  g_assert_true (chorus_store_ingest (f->store, f->source, posts, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < N_CONVERSATIONS; i++)
    f->c[i] = query_int (f, "SELECT id FROM conversations WHERE root_uri = 'https://social.example/@p%u/%u'",
                         i, i);

  f->ana = add_member (f, "Ana Lima", "owner");
  f->bo = add_member (f, "Bo Chen", "member");
  chorus_store_set_me_async (f->store, f->ana, NULL, on_done_cb, f);
  g_assert_cmpint (edit_ok (f), ==, f->ana);
  g_ptr_array_set_size (f->announced, 0);
}

/* Closes the store and opens the workspace again, as after a restart. */
void
reopen_store (Fixture *f)
{
  g_signal_handlers_disconnect_by_data (f->store, f);
  chorus_test_finalize_object (f->store);
  f->store = chorus_test_open_store (f->workspace.path, CHORUS_STORE_OPEN_EXISTING);
  g_signal_connect (f->store, "conversations-changed", G_CALLBACK (on_conversations_changed_cb), f);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (f->store, f);
  chorus_test_finalize_object (f->store);
  g_ptr_array_unref (f->announced);
  chorus_test_workspace_remove_all (&f->workspace);
}

gboolean
undo_ok (Fixture *f,
         gint64   audit_id)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = chorus_store_undo (f->store, audit_id, &error);

  g_assert_no_error (error);
  return ok;
}

GPtrArray *
list_tags (Fixture *f)
{
  chorus_store_list_tags_async (f->store, NULL, on_done_cb, f);
  return finish_list (f, chorus_store_list_tags_finish);
}

GPtrArray *
list_notes (Fixture *f,
            int      conversation)
{
  chorus_store_list_notes_async (f->store, f->c[conversation], NULL, on_done_cb, f);
  return finish_list (f, chorus_store_list_notes_finish);
}
