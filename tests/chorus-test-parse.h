/* chorus-test-parse.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What test-mastodon, test-bluesky and test-discourse share: the corpus
 * (CHORUS_CORPUS_DIR), the checks every parsed post must pass, and hostile
 * inputs built from real payloads. Header-only, since each test program
 * is built from its own file and chorus-test-util.c. Tests print counts
 * only: the corpus holds real people's posts. */

#pragma once

#include <string.h>

#include <json-glib/json-glib.h>

#include "chorus-error.h"
#include "chorus-incoming.h"
#include "chorus-test-util.h"

typedef GPtrArray *(*TestParsePosts) (const char  *data,
                                      gssize       length,
                                      GError     **error);

/* The corpus */

G_GNUC_UNUSED static char *
test_corpus_path (const char *relative)
{
  const char *dir = g_getenv ("CHORUS_CORPUS_DIR");

  g_assert_nonnull (dir);
  return g_build_filename (dir, relative, NULL);
}

G_GNUC_UNUSED static char *
test_read_corpus (const char *relative,
                  gsize      *length)
{
  g_autofree char *path = test_corpus_path (relative);

  return chorus_test_read_file (path, length);
}

G_GNUC_UNUSED static JsonNode *
test_load_corpus_json (const char *relative)
{
  g_autofree char *text = test_read_corpus (relative, NULL);
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

/* Every .json file of the three networks' folders, as paths relative to
 * the corpus, in a stable order. */
static void
test_collect_json (const char *relative,
                   GPtrArray  *files)
{
  g_autofree char *path = test_corpus_path (relative);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (relative, names->pdata[i], NULL);
      g_autofree char *child_path = test_corpus_path (child);

      if (g_file_test (child_path, G_FILE_TEST_IS_DIR))
        test_collect_json (child, files);
      else if (g_str_has_suffix (child, ".json"))
        g_ptr_array_add (files, g_steal_pointer (&child));
    }
}

G_GNUC_UNUSED static GPtrArray *
test_list_corpus_json (void)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  test_collect_json ("mastodon", files);
  test_collect_json ("bluesky", files);
  test_collect_json ("discourse", files);
  return files;
}

/* Sanity */

static void
test_assert_url (const char *url)
{
  if (url != NULL)
    g_assert_true (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://"));
}

static void
test_assert_text (const char *text)
{
  if (text != NULL)
    g_assert_true (g_utf8_validate (text, -1, NULL));
}

G_GNUC_UNUSED static void
test_assert_post_sane (ChorusIncomingPost *post,
                       const char         *network)
{
  g_assert_nonnull (post);
  g_assert_cmpstr (post->network, ==, network);
  g_assert_nonnull (post->uri);
  g_assert_cmpstr (post->uri, !=, "");
  test_assert_text (post->uri);
  test_assert_text (post->remote_id);
  test_assert_url (post->url);
  g_assert_nonnull (post->author);
  g_assert_nonnull (post->author->handle);
  g_assert_cmpstr (post->author->handle, !=, "");
  test_assert_text (post->author->handle);
  test_assert_text (post->author->server);
  test_assert_text (post->author->display_name);
  test_assert_url (post->author->avatar_url);
  test_assert_url (post->author->profile_url);
  g_assert_cmpint (post->created_at, >, 0);
  g_assert_cmpint (post->edited_at, >=, 0);
  test_assert_text (post->language);
  g_assert_nonnull (post->text);
  test_assert_text (post->text);
  if (post->markup != NULL)
    chorus_test_assert_markup (post->markup);
  test_assert_text (post->reply_to_uri);
  test_assert_text (post->root_uri);
  test_assert_text (post->title);
  g_assert_cmpint (post->like_count, >=, 0);
  g_assert_cmpint (post->repost_count, >=, 0);
  g_assert_cmpint (post->reply_count, >=, 0);

  for (guint i = 0; i < post->media->len; i++)
    {
      ChorusIncomingMedia *media = g_ptr_array_index (post->media, i);
      const char *kinds[] = { "image", "video", "audio", "link", NULL };

      g_assert_true (g_strv_contains (kinds, media->kind));
      g_assert_nonnull (media->url);
      test_assert_url (media->url);
      test_assert_url (media->preview_url);
      test_assert_text (media->alt_text);
      g_assert_cmpint (media->width, >=, 0);
      g_assert_cmpint (media->height, >=, 0);
    }

  if (post->poll != NULL)
    {
      g_assert_cmpint (post->poll->voters_count, >=, -1);
      for (guint i = 0; i < post->poll->options->len; i++)
        {
          ChorusIncomingPollOption *option = g_ptr_array_index (post->poll->options, i);

          test_assert_text (option->title);
          g_assert_cmpint (option->votes, >=, -1);
        }
    }
}

G_GNUC_UNUSED static void
test_assert_posts_sane (GPtrArray  *posts,
                        const char *network)
{
  g_autoptr(GHashTable) uris = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_nonnull (posts);
  for (guint i = 0; i < posts->len; i++)
    {
      ChorusIncomingPost *post = g_ptr_array_index (posts, i);

      test_assert_post_sane (post, network);
      g_assert_true (g_hash_table_add (uris, post->uri));
    }
}

/* Runs @parse on @data: it either fails with a parse error or gives sane
 * posts. Returns how many posts it gave, or -1 for an error. */
G_GNUC_UNUSED static int
test_parse_checked (TestParsePosts  parse,
                    const char     *data,
                    gssize          length,
                    const char     *network)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = parse (data, length, &error);

  if (posts == NULL)
    {
      g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
      return -1;
    }

  g_assert_no_error (error);
  test_assert_posts_sane (posts, network);
  return posts->len;
}

/* Every JSON file of the corpus, whatever endpoint it answers. */
G_GNUC_UNUSED static guint
test_parse_whole_corpus (TestParsePosts  parse,
                         const char     *network)
{
  g_autoptr(GPtrArray) files = test_list_corpus_json ();
  guint accepted = 0;

  for (guint i = 0; i < files->len; i++)
    {
      gsize length;
      g_autofree char *data = test_read_corpus (files->pdata[i], &length);

      if (test_parse_checked (parse, data, length, network) >= 0)
        accepted++;
    }

  return accepted;
}

/* Hostile input */

/* 100,000 levels of arrays or objects, closed properly. */
G_GNUC_UNUSED static char *
test_deep_json (guint    depth,
                gboolean objects)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (text, objects ? "{\"a\":" : "[");
  g_string_append (text, "1");
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, objects ? '}' : ']');

  return g_string_free (text, FALSE);
}

G_GNUC_UNUSED static void
test_assert_rejects_deep (TestParsePosts parse)
{
  g_autofree char *arrays = test_deep_json (100000, FALSE);
  g_autofree char *objects = test_deep_json (100000, TRUE);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) posts = parse (i == 0 ? arrays : objects, -1, &error);

      g_assert_null (posts);
      g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
    }
}

/* What a value is replaced with. Integers past 64 bits wrap in json-glib,
 * 1e400 is infinity, "\ud800x" decodes to invalid UTF-8. */
G_GNUC_UNUSED static const char * const test_replacements[] = {
  "null", "true", "-1", "99999999999999999999999", "1e400", "\"\"", "\"\\ud800x\"",
  "\"javascript:alert(1)\"", "[null]", "{}",
};

/* One test per replacement, /chorus/@network/hostile/mutation/<index>,
 * each given the index of its replacement as data. */
G_GNUC_UNUSED static void
test_add_mutations (const char    *network,
                    GTestDataFunc  test)
{
  for (guint i = 0; i < G_N_ELEMENTS (test_replacements); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chorus/%s/hostile/mutation/%u", network, i);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test);
    }
}

#define TEST_PLACEHOLDER "@@chorus-mutation@@"

/* Puts a placeholder string in place of the @target-th node (pre-order,
 * root excluded) of @node's tree, or only counts the nodes when @target
 * is G_MAXUINT. The placeholder is swapped for the raw replacement text
 * after serializing, so that literals json-glib cannot write survive. */
static gboolean
test_replace_nth (JsonNode *node,
                  guint    *counter,
                  guint     target)
{
  g_autoptr(GList) members = NULL;
  JsonArray *array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  guint n = array != NULL ? json_array_get_length (array) : 0;

  if (object != NULL)
    members = json_object_get_members (object);

  for (guint i = 0; i < n + g_list_length (members); i++)
    {
      const char *name = i >= n ? g_list_nth_data (members, i - n) : NULL;
      JsonNode *child = name != NULL ? json_object_get_member (object, name)
                                     : json_array_get_element (array, i);

      if ((*counter)++ == target)
        {
          JsonNode *value = json_node_init_string (json_node_alloc (), TEST_PLACEHOLDER);

          if (name != NULL)
            json_object_set_member (object, name, value);
          else
            {
              json_array_remove_element (array, i);
              json_array_add_element (array, value);
            }
          return TRUE;
        }

      if (test_replace_nth (child, counter, target))
        return TRUE;
    }

  return FALSE;
}

/* Every node of @json replaced by test_replacements[@which] in turn: each
 * result is parsed and must fail cleanly or give sane posts. */
G_GNUC_UNUSED static void
test_run_mutations (const char     *json,
                    guint           which,
                    TestParsePosts  parse,
                    const char     *network)
{
  g_autoptr(JsonNode) original = json_from_string (json, NULL);
  guint n_nodes = 0;

  g_assert_nonnull (original);
  test_replace_nth (original, &n_nodes, G_MAXUINT);
  g_assert_cmpuint (n_nodes, >, 10);

  for (guint target = 0; target < n_nodes; target++)
    {
      g_autoptr(JsonNode) copy = json_from_string (json, NULL);   /* json_node_copy() is shallow */
      g_autofree char *serialized = NULL;
      g_auto(GStrv) parts = NULL;
      g_autofree char *mutated = NULL;
      guint counter = 0;

      g_assert_true (test_replace_nth (copy, &counter, target));
      serialized = json_to_string (copy, FALSE);
      parts = g_strsplit (serialized, "\"" TEST_PLACEHOLDER "\"", -1);
      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      mutated = g_strjoinv (test_replacements[which], parts);
      test_parse_checked (parse, mutated, -1, network);
    }
}

/* @relative's JSON without the member @unused, which no parser reads
 * (mutating it would only cost time). */
G_GNUC_UNUSED static char *
test_read_corpus_without (const char *relative,
                          const char *unused)
{
  g_autoptr(JsonNode) node = test_load_corpus_json (relative);

  json_object_remove_member (json_node_get_object (node), unused);
  return json_to_string (node, FALSE);
}

/* A JSON string of @size bytes of 'a' inside @before and @after. */
G_GNUC_UNUSED static char *
test_huge_string_json (const char *before,
                       gsize       size,
                       const char *after)
{
  GString *text = g_string_sized_new (size + strlen (before) + strlen (after));

  g_string_append (text, before);
  for (gsize i = 0; i < size; i++)
    g_string_append_c (text, "abcdefgh "[i % 9]);
  g_string_append (text, after);

  return g_string_free (text, FALSE);
}
