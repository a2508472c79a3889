/* test-export.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include <json-glib/json-glib.h>

#include "chorus-store-export.h"
#include "chorus-store-ingest.h"
#include "chorus-test-util.h"

/* Exporting posts: every field of every kind of post, in time order, as
 * JSON Lines and as CSV read back by a strict RFC 4180 reader; and the
 * real chorusctl, whose files appear whole or not at all. */

#define T0 G_GINT64_CONSTANT (1795341845)   /* 2026-11-22T10:04:05Z */

#define P1_URI   "https://social.example/users/ana/statuses/109"
#define P2_URI   "https://other.example/users/bo/statuses/110"
#define P3_URI   "https://social.example/users/ana/statuses/111"
#define POLL_URI "https://social.example/users/ana/statuses/112"
#define BSKY_URI "at://did:plc:cy/app.bsky.feed.post/3kabc"
#define DISC_URI "https://forum.example/t/boots/12/3"
#define FEED_URI "https://blog.example/2026/11/cold"

#define FORMULA_TEXT "=HYPERLINK(\"https://evil.example\",\"click\"), \"quoted\", commas,\nand a second line"

#define MEDIA_JSON \
  "[{\"url\":\"https://social.example/media/1.jpg\",\"type\":\"image\"," \
  "\"description\":\"Brown leather boots, laced\"}," \
  "{\"url\":\"https://social.example/media/2.mp4\",\"type\":\"video\"," \
  "\"description\":\"A walk, \\u201cin the rain\\u201d\"}]"

#define POLL_JSON \
  "{\"options\":[{\"title\":\"Go further\",\"votes\":10},{\"title\":\"Your trail\",\"votes\":7}," \
  "{\"title\":\"Hidden\",\"votes\":null}],\"voters_count\":15," \
  "\"expires_at\":\"2026-11-23T10:04:05Z\",\"multiple\":false}"

enum { COL_NETWORK, COL_REMOTE_ID, COL_URI, COL_URL, COL_HANDLE, COL_NAME, COL_CREATED_AT,
       COL_LANGUAGE, COL_TEXT, COL_REPLY_TO, COL_ROOT, COL_REPLIES, COL_REPOSTS, COL_LIKES,
       COL_MEDIA, COL_POLL, N_COLUMNS };

static const char * const columns[N_COLUMNS + 1] = {
  "network", "remote_id", "uri", "url", "author_handle", "author_name", "created_at", "language",
  "text", "in_reply_to_uri", "thread_root_uri", "replies_count", "reposts_count", "likes_count",
  "media", "poll", NULL,
};

/* What each post must export as, oldest first, every value as text; NULL
 * is null. Counts are numbers and media and poll JSON in JSON Lines. */
static const char * const expected[][N_COLUMNS] = {
  { "feed", NULL, FEED_URI, NULL, NULL, NULL, "2026-11-21T10:04:05Z", NULL,
    "-5 \302\260C\tand falling", NULL, FEED_URI, "0", "0", "0", "[]", NULL },
  { "mastodon", "109", P1_URI, "https://social.example/@ana/109", "ana@social.example",
    "Ana P\303\251rez", "2026-11-22T10:04:05Z", "en", "New boots, finally!", NULL, P1_URI,
    "2", "1", "5", MEDIA_JSON, NULL },
  { "mastodon", "110", P2_URI, "https://other.example/@bo/110", "bo@other.example", "Bo",
    "2026-11-22T10:05:05Z", "en", "Where did you get them?", P1_URI, P1_URI,
    "1", "0", "1", "[]", NULL },
  { "mastodon", "111", P3_URI, "https://social.example/@ana/111", "ana@social.example",
    "Ana P\303\251rez", "2026-11-22T10:06:05Z", "en", "At the market, \342\200\234Tallpine\342\200\235",
    P2_URI, P1_URI, "0", "0", "2", "[]", NULL },
  { "bluesky", "3kabc", BSKY_URI, "https://bsky.app/profile/cy.bsky.social/post/3kabc",
    "cy.bsky.social", "@Cy \303\234nal \360\237\216\211", "2026-11-22T11:04:05Z", "ja",
    "\346\227\245\346\234\254\350\252\236 \342\234\223 \303\234n\303\257c\303\266d\303\251",
    NULL, BSKY_URI, "0", "3", "9", "[]", NULL },
  { "mastodon", "112", POLL_URI, "https://social.example/@ana/112", "ana@social.example",
    "Ana P\303\251rez", "2026-11-22T11:04:05Z", "en", "Which tagline?", NULL, POLL_URI,
    "4", "2", "8", "[]", POLL_JSON },
  { "discourse", "345", DISC_URI, DISC_URI, "dee", "Dee", "2026-11-22T12:04:05Z", NULL,
    FORMULA_TEXT, NULL, DISC_URI, "0", "0", "1", "[]", NULL },
};

/* How each post goes in, beside what expected[row] gives: the author as
 * stored (NULL for none), the time and the thread root a network names. */
typedef struct
{
  guint       row;
  const char *handle;
  const char *server;
  gint64      created_at;
  const char *root;
} Input;

/* Not in time order: the export sorts. The Bluesky post and the poll share
 * a second, so their order is the order they were stored in. */
static const Input inputs[] = {
  { 4, "cy.bsky.social", "", T0 + 3600, NULL },
  { 5, "ana", "social.example", T0 + 3600, NULL },
  { 6, "dee", "forum.example", T0 + 7200, NULL },
  { 1, "ana", "social.example", T0, NULL },
  { 2, "bo", "other.example", T0 + 60, NULL },
  { 3, "ana", "social.example", T0 + 120, P1_URI },
  /* A feed entry without author, remote id, language or link, stored later. */
  { 0, NULL, NULL, T0 - 86400, NULL },
};

typedef struct
{
  ChorusTestWorkspace  workspace;
  ChorusStore         *store;
} Fixture;

static ChorusIncomingPost *
make_post (const Input *input)
{
  const char * const *want = expected[input->row];
  ChorusIncomingPost *post = chorus_incoming_post_new (want[COL_NETWORK]);

  post->remote_id = g_strdup (want[COL_REMOTE_ID]);
  post->uri = g_strdup (want[COL_URI]);
  post->url = g_strdup (want[COL_URL]);
  post->created_at = input->created_at;
  post->language = g_strdup (want[COL_LANGUAGE]);
  post->text = g_strdup (want[COL_TEXT]);
  post->reply_to_uri = g_strdup (want[COL_REPLY_TO]);
  post->root_uri = g_strdup (input->root);
  post->reply_count = g_ascii_strtoll (want[COL_REPLIES], NULL, 10);
  post->repost_count = g_ascii_strtoll (want[COL_REPOSTS], NULL, 10);
  post->like_count = g_ascii_strtoll (want[COL_LIKES], NULL, 10);

  if (input->handle != NULL)
    {
      post->author = chorus_incoming_author_new ();
      post->author->handle = g_strdup (input->handle);
      post->author->server = g_strdup (input->server);
      post->author->display_name = g_strdup (want[COL_NAME]);
    }

  return post;
}

static void
add_media (ChorusIncomingPost *post,
           const char         *kind,
           const char         *url,
           const char         *alt_text)
{
  ChorusIncomingMedia *media = chorus_incoming_media_new ();

  media->kind = g_strdup (kind);
  media->url = g_strdup (url);
  media->alt_text = g_strdup (alt_text);
  g_ptr_array_add (post->media, media);
}

static void
add_poll (ChorusIncomingPost *post)
{
  post->poll = chorus_incoming_poll_new ();
  post->poll->expires_at = T0 + 86400;
  post->poll->voters_count = 15;
  g_ptr_array_add (post->poll->options, chorus_incoming_poll_option_new ("Go further", 10));
  g_ptr_array_add (post->poll->options, chorus_incoming_poll_option_new ("Your trail", 7));
  g_ptr_array_add (post->poll->options, chorus_incoming_poll_option_new ("Hidden", -1));
}

/* Stores the inputs in two batches, the feed entry last. */
static void
ingest_inputs (ChorusStore *store)
{
  g_autoptr(GPtrArray) batch = chorus_incoming_post_array_new ();
  g_autoptr(GPtrArray) later = chorus_incoming_post_array_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      ChorusIncomingPost *post = make_post (&inputs[i]);

      if (g_str_equal (post->uri, P1_URI))
        {
          add_media (post, "image", "https://social.example/media/1.jpg", "Brown leather boots, laced");
          add_media (post, "video", "https://social.example/media/2.mp4",
                     "A walk, \342\200\234in the rain\342\200\235");
        }
      else if (g_str_equal (post->uri, POLL_URI))
        add_poll (post);

      g_ptr_array_add (g_str_equal (post->network, "feed") ? later : batch, post);
    }

  g_assert_true (chorus_store_ingest (store, 0, batch, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (chorus_store_ingest (store, 0, later, NULL, &error));
  g_assert_no_error (error);
}

/* @data is non-NULL for a workspace with the posts above. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  chorus_test_workspace_init (&f->workspace, "export.chorus");
  f->store = chorus_test_open_store (f->workspace.path, CHORUS_STORE_OPEN_CREATE);

  if (data != NULL)
    ingest_inputs (f->store);
}

/* No test may leave a temporary file behind in the folder. */
static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->workspace.dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_assert_false (name[0] == '.');

  g_clear_pointer (&f->store, chorus_test_finalize_object);
  chorus_test_workspace_remove_all (&f->workspace);
}

static char *
dup_bytes_text (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data != NULL ? data : "", size);
}

/* The core API into memory, as text. */
static char *
export_to_text (ChorusStore        *store,
                ChorusExportFormat  format,
                guint64            *n_written)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (chorus_store_export_posts (store, format, out, NULL, n_written, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  return dup_bytes_text (bytes);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* Compact JSON is one string per value: equal strings, equal values. */
static void
assert_json_equal (JsonNode   *node,
                   const char *expected_json)
{
  g_autoptr(JsonNode) want = parse_json (expected_json);
  g_autofree char *got_text = json_to_string (node, FALSE);
  g_autofree char *want_text = json_to_string (want, FALSE);

  g_assert_cmpstr (got_text, ==, want_text);
}

static void
assert_json_post (JsonObject         *post,
                  const char * const *want)
{
  g_assert_cmpuint (json_object_get_size (post), ==, N_COLUMNS);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      JsonNode *node = json_object_get_member (post, columns[i]);

      g_assert_nonnull (node);
      if (i == COL_MEDIA || i == COL_POLL)
        assert_json_equal (node, want[i] != NULL ? want[i] : "null");
      else if (want[i] == NULL)
        g_assert_true (JSON_NODE_HOLDS_NULL (node));
      else if (i >= COL_REPLIES)
        g_assert_cmpint (json_node_get_int (node), ==, g_ascii_strtoll (want[i], NULL, 10));
      else
        g_assert_cmpstr (json_node_get_string (node), ==, want[i]);
    }
}

static void
test_jsonl (Fixture       *f,
            gconstpointer  data)
{
  guint64 n_written = 0;
  g_autofree char *text = export_to_text (f->store, CHORUS_EXPORT_FORMAT_JSONL, &n_written);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_cmpuint (n_written, ==, G_N_ELEMENTS (expected));
  /* One line per post, each ending in a newline: nothing after the last. */
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected) + 1);
  g_assert_cmpstr (lines[G_N_ELEMENTS (expected)], ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(JsonNode) node = parse_json (lines[i]);

      g_test_message ("post %u: %s", i, lines[i]);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      assert_json_post (json_node_get_object (node), expected[i]);
    }

  /* Compact: no pretty printing, and text stays UTF-8 rather than escapes. */
  g_assert_true (g_str_has_prefix (lines[0], "{\"network\":\"feed\",\"remote_id\":null,"));
  g_assert_nonnull (strstr (text, "\"author_name\":\"@Cy \303\234nal \360\237\216\211\""));
}

/* Reads RFC 4180 strictly: every record ends in CRLF, quotes only around a
 * whole cell, and a quote inside one is doubled. Returns rows of cells. */
static GPtrArray *
read_csv (const char *text)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GString) cell = g_string_new (NULL);
  GPtrArray *row = NULL;
  const char *p = text;

  while (*p != '\0')
    {
      if (row == NULL)
        g_ptr_array_add (rows, row = g_ptr_array_new_with_free_func (g_free));

      g_string_truncate (cell, 0);
      if (*p == '"')
        {
          for (p++; !(p[0] == '"' && p[1] != '"'); p += p[0] == '"' ? 2 : 1)
            {
              g_assert_cmpint (*p, !=, '\0');
              g_string_append_c (cell, *p);
            }
          p++;
        }
      else
        {
          for (; *p != ',' && *p != '\r' && *p != '\0'; p++)
            {
              g_assert_cmpint (*p, !=, '"');
              g_assert_cmpint (*p, !=, '\n');
              g_string_append_c (cell, *p);
            }
        }

      g_ptr_array_add (row, g_strdup (cell->str));
      if (*p == ',')
        {
          p++;
          continue;
        }

      g_assert_true (g_str_has_prefix (p, "\r\n"));
      p += 2;
      row = NULL;
    }

  g_assert_null (row);
  return g_steal_pointer (&rows);
}

static const char *
get_cell (GPtrArray *rows,
          guint      row,
          guint      column)
{
  GPtrArray *cells = g_ptr_array_index (rows, row);

  g_assert_cmpuint (cells->len, ==, N_COLUMNS);
  return g_ptr_array_index (cells, column);
}

static void
assert_csv_post (GPtrArray          *rows,
                 guint               row,
                 const char * const *want)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      const char *cell = get_cell (rows, row, i);

      if (want[i] == NULL)
        g_assert_cmpstr (cell, ==, "");
      else if (i == COL_MEDIA || i == COL_POLL)
        {
          g_autoptr(JsonNode) node = parse_json (cell);

          assert_json_equal (node, want[i]);
        }
      else if (strchr ("=+-@\t\r", want[i][0]) != NULL)
        {
          /* A formula is shown as text: an apostrophe, then the value. */
          g_assert_cmpint (cell[0], ==, '\'');
          g_assert_cmpstr (cell + 1, ==, want[i]);
        }
      else
        g_assert_cmpstr (cell, ==, want[i]);
    }
}

static char *
dup_csv_header (void)
{
  g_autofree char *names = g_strjoinv (",", (char **) columns);

  return g_strconcat (names, "\r\n", NULL);
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  guint64 n_written = 0;
  g_autofree char *text = export_to_text (f->store, CHORUS_EXPORT_FORMAT_CSV, &n_written);
  g_autoptr(GPtrArray) rows = read_csv (text);

  g_assert_cmpuint (n_written, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected) + 1);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_assert_cmpstr (get_cell (rows, 0, i), ==, columns[i]);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_csv_post (rows, i + 1, expected[i]);

  /* The cells that needed care, as bytes: quoted with doubled quotes… */
  g_assert_nonnull (strstr (text, ",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\"), "
                                  "\"\"quoted\"\", commas,\nand a second line\","));
  /* …neutralised but not quoted when nothing in them needs it. */
  g_assert_nonnull (strstr (text, ",'-5 \302\260C\tand falling,"));
  g_assert_nonnull (strstr (text, ",'@Cy \303\234nal \360\237\216\211,"));
  /* Media and polls are compact JSON, quoted for their commas. */
  g_assert_nonnull (strstr (text, ",\"[{\"\"url\"\":\"\"https://social.example/media/1.jpg\"\","));
  g_assert_true (g_str_has_suffix (text, ",," DISC_URI ",0,0,1,[],\r\n"));
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  guint64 n_written = 1;
  g_autofree char *jsonl = export_to_text (f->store, CHORUS_EXPORT_FORMAT_JSONL, &n_written);
  g_autofree char *header = dup_csv_header ();
  g_autofree char *csv = NULL;

  g_assert_cmpuint (n_written, ==, 0);
  g_assert_cmpstr (jsonl, ==, "");

  n_written = 1;
  csv = export_to_text (f->store, CHORUS_EXPORT_FORMAT_CSV, &n_written);
  g_assert_cmpuint (n_written, ==, 0);
  g_assert_cmpstr (csv, ==, header);
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  guint64 n_written = 1;

  g_cancellable_cancel (cancellable);
  g_assert_false (chorus_store_export_posts (f->store, CHORUS_EXPORT_FORMAT_JSONL, out, cancellable,
                                             &n_written, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (n_written, ==, 0);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), ==, 0);
}

/* The real chorusctl */

static gboolean
skip_without_chorusctl (void)
{
  const char *build = g_getenv ("CHORUS_BUILD_DIR");
  g_autofree char *program = build ? g_build_filename (build, "src", "cli", "chorusctl", NULL) : NULL;

  if (program != NULL && g_file_test (program, G_FILE_TEST_IS_EXECUTABLE))
    return FALSE;

  g_test_skip ("no chorusctl: CHORUS_BUILD_DIR is not set or holds no build");
  return TRUE;
}

/* A workspace's header says what it is only once its WAL has been written
 * back, which closing the store does: until then another process would
 * not take it for a workspace. */
static void
close_store (Fixture *f)
{
  g_clear_pointer (&f->store, chorus_test_finalize_object);
}

/* In the child: writes past @user_data bytes fail with EFBIG. */
static void
limit_file_size (gpointer user_data)
{
  struct rlimit limit = { GPOINTER_TO_SIZE (user_data), GPOINTER_TO_SIZE (user_data) };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* Runs chorusctl with @args in the C locale, with files limited to
 * @max_file_size bytes unless that is 0; returns its exit status and what
 * it wrote to stdout and stderr. */
static int
spawn_chorusctl (const char * const  *args,
                         gsize                max_file_size,
                         char               **out,
                         char               **err)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) out_bytes = NULL;
  g_autoptr(GBytes) err_bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, g_build_filename (g_getenv ("CHORUS_BUILD_DIR"), "src", "cli", "chorusctl", NULL));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  if (max_file_size > 0)
    g_subprocess_launcher_set_child_setup (launcher, limit_file_size, GSIZE_TO_POINTER (max_file_size), NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate (process, NULL, NULL, &out_bytes, &err_bytes, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  *out = dup_bytes_text (out_bytes);
  *err = dup_bytes_text (err_bytes);
  if (**err != '\0')
    g_test_message ("chorusctl said: %s", *err);

  return g_subprocess_get_exit_status (process);
}

/* Runs chorusctl, which must succeed without a word on stderr; returns
 * what it printed. */
static char *
run_chorusctl_quietly (const char * const *args)
{
  g_autofree char *err = NULL;
  char *out = NULL;

  g_assert_cmpint (spawn_chorusctl (args, 0, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");

  return out;
}

/* chorusctl prints what the core API writes, with posts or without. */
static void
test_chorusctl_stdout (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *jsonl = export_to_text (f->store, CHORUS_EXPORT_FORMAT_JSONL, NULL);
  g_autofree char *csv = export_to_text (f->store, CHORUS_EXPORT_FORMAT_CSV, NULL);
  const char *path = f->workspace.path;
  const char *default_args[] = { "--workspace", path, "export", "posts", NULL };
  const char *jsonl_args[] = { "-w", path, "export", "--format=jsonl", "posts", NULL };
  const char *csv_args[] = { "--workspace", path, "export", "posts", "--format", "csv", NULL };
  g_autofree char *default_out = NULL;
  g_autofree char *jsonl_out = NULL;
  g_autofree char *csv_out = NULL;

  if (skip_without_chorusctl ())
    return;

  close_store (f);
  default_out = run_chorusctl_quietly (default_args);
  jsonl_out = run_chorusctl_quietly (jsonl_args);
  csv_out = run_chorusctl_quietly (csv_args);

  g_assert_cmpstr (default_out, ==, jsonl);
  g_assert_cmpstr (jsonl_out, ==, jsonl);
  g_assert_cmpstr (csv_out, ==, csv);
}

static void
test_chorusctl_output (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *csv = export_to_text (f->store, CHORUS_EXPORT_FORMAT_CSV, NULL);
  g_autofree char *target = g_build_filename (f->workspace.dir, "posts.csv", NULL);
  const char *args[] = { "-w", f->workspace.path, "export", "posts", "--format", "csv",
                         "--output", target, NULL };
  g_autofree char *written = NULL;
  g_autofree char *out = NULL;

  if (skip_without_chorusctl ())
    return;

  close_store (f);

  /* An older export is replaced. */
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  out = run_chorusctl_quietly (args);
  g_assert_cmpstr (out, ==, "");

  written = chorus_test_read_file (target, NULL);
  g_assert_cmpstr (written, ==, csv);
}

/* Many more feed entries, for an export far larger than a -shm file. */
static void
ingest_many (ChorusStore *store,
             guint        n)
{
  g_autoptr(GPtrArray) posts = chorus_incoming_post_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strnfill (400, 'x');

  for (guint i = 0; i < n; i++)
    {
      ChorusIncomingPost *post = chorus_incoming_post_new ("feed");

      post->uri = g_strdup_printf ("https://blog.example/many/%u", i);
      post->created_at = T0 + 10000 + i;
      post->text = g_strdup (text);
      g_ptr_array_add (posts, post);
    }

  g_assert_true (chorus_store_ingest (store, 0, posts, NULL, &error));
  g_assert_no_error (error);
}

/* A write that fails half-way leaves the old file as it was. */
static void
test_chorusctl_interrupted (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *target = g_build_filename (f->workspace.dir, "posts.jsonl", NULL);
  const char *args[] = { "-w", f->workspace.path, "export", "posts", "--output", target, NULL };
  g_autofree char *written = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (skip_without_chorusctl ())
    return;

  ingest_many (f->store, 500);
  close_store (f);
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));

  /* 200 KiB of posts, files capped at 48 KiB (the -shm file takes 32). */
  g_assert_cmpint (spawn_chorusctl (args, 48 * 1024, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "chorusctl: Cannot write "));
  g_assert_nonnull (strstr (err, "posts.jsonl"));
  g_assert_cmpstr (strchr (err, '\n'), ==, "\n");

  written = chorus_test_read_file (target, NULL);
  g_assert_cmpstr (written, ==, "old");
}

/* A usage error (2) ends in a hint; a failure (1) is one line. */
static void
assert_fails (const char * const *args,
              int                 status)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (spawn_chorusctl (args, 0, &out, &err), ==, status);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "chorusctl: "));
  if (status == 2)
    g_assert_nonnull (strstr (err, "export --help"));
  else
    g_assert_cmpstr (strchr (err, '\n'), ==, "\n");
}

static void
test_chorusctl_usage (Fixture       *f,
                      gconstpointer  data)
{
  const char *path = f->workspace.path;
  const char *bad_format[] = { "-w", path, "export", "posts", "--format", "xml", NULL };
  const char *no_subject[] = { "-w", path, "export", NULL };
  const char *other_subject[] = { "-w", path, "export", "people", NULL };
  const char *extra[] = { "-w", path, "export", "posts", "now", NULL };
  const char *no_workspace[] = { "export", "posts", NULL };
  const char *onto_workspace[] = { "-w", path, "export", "posts", "--output", path, NULL };
  const char *help[] = { "help", "export", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (skip_without_chorusctl ())
    return;

  close_store (f);

  assert_fails (bad_format, 2);
  assert_fails (no_subject, 2);
  assert_fails (other_subject, 2);
  assert_fails (extra, 2);
  assert_fails (no_workspace, 2);
  assert_fails (onto_workspace, 2);
  f->store = chorus_test_open_store (path, CHORUS_STORE_OPEN_EXISTING);
  g_assert_cmpint (chorus_store_get_counter (f->store, "posts"), ==, G_N_ELEMENTS (expected));

  /* The help says how CSV holds lists and guards against formulas. */
  g_assert_cmpint (spawn_chorusctl (help, 0, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "--format"));
  g_assert_nonnull (strstr (out, "compact JSON"));
  g_assert_nonnull (strstr (out, "apostrophe"));
  g_assert_nonnull (strstr (out, "RFC 4180"));
}

static void
test_chorusctl_failures (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *missing_dir = g_build_filename (f->workspace.dir, "missing", NULL);
  g_autofree char *target = g_build_filename (missing_dir, "posts.jsonl", NULL);
  g_autofree char *missing_workspace = g_build_filename (f->workspace.dir, "typo.chorus", NULL);
  const char *to_missing_dir[] = { "-w", f->workspace.path, "export", "posts", "-o", target, NULL };
  const char *from_missing[] = { "-w", missing_workspace, "export", "posts", NULL };

  if (skip_without_chorusctl ())
    return;

  close_store (f);

  /* Nothing is created, and the tear-down checks that no temporary is left. */
  assert_fails (to_missing_dir, 1);
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));

  /* Exporting never makes a workspace. */
  assert_fails (from_missing, 1);
  g_assert_false (g_file_test (missing_workspace, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  static const char with_posts[] = "with posts";
  static const struct
  {
    const char *path;
    gconstpointer data;
    void (*func) (Fixture *f, gconstpointer data);
  } tests[] = {
    { "/chorus/export/jsonl", with_posts, test_jsonl },
    { "/chorus/export/csv", with_posts, test_csv },
    { "/chorus/export/empty", NULL, test_empty },
    { "/chorus/export/cancelled", with_posts, test_cancelled },
    { "/chorus/export/chorusctl/stdout", with_posts, test_chorusctl_stdout },
    { "/chorus/export/chorusctl/output", with_posts, test_chorusctl_output },
    { "/chorus/export/chorusctl/interrupted", with_posts, test_chorusctl_interrupted },
    { "/chorus/export/chorusctl/usage", with_posts, test_chorusctl_usage },
    { "/chorus/export/chorusctl/failures", with_posts, test_chorusctl_failures },
    { "/chorus/export/chorusctl/empty", NULL, test_chorusctl_stdout },
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    g_test_add (tests[i].path, Fixture, tests[i].data, fixture_set_up, tests[i].func, fixture_tear_down);

  return g_test_run ();
}
