/* test-mastodon-hostile.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Mastodon parsers against hostile input: nesting past any sane
 * depth, several values at the top, huge and invalid values, and every
 * value of real payloads replaced in turn. Each fails cleanly with a
 * parse error or gives sane posts. */

#include <string.h>

#include "chorus-mastodon-parse.h"
#include "chorus-test-parse.h"
#include "mastodon-test-parsers.h"

static void
test_deep_nesting (void)
{
  g_autofree char *in_content = NULL;
  g_autofree char *nested = test_deep_json (100000, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (mastodon_test_post_parsers); i++)
    test_assert_rejects_deep (mastodon_test_post_parsers[i]);

  in_content = g_strdup_printf ("{\"uri\":\"https://a.example/1\",\"content\":%s}", nested);
  g_assert_cmpint (test_parse_checked (chorus_mastodon_parse_statuses, in_content, -1, "mastodon"), ==, -1);
}

static const char status_template[] =
  "{\"id\":\"1\",\"uri\":\"https://a.example/1\",\"created_at\":\"2024-01-01T00:00:00Z\","
  "\"account\":{\"acct\":\"ana\",\"display_name\":\"%s\"},\"content\":\"%s\",\"spoiler_text\":\"%s\","
  "\"favourites_count\":%s,\"language\":\"%s\"}";

/* json-glib 1.6 leaks the first of several values at the top, and what it
 * read before a broken escape (found by the fuzz smoke): they are refused
 * before it reads them, while one value with spaces or a byte-order mark
 * around it and whole pairs still read. Half a pair alone reads as the
 * replacement character: json-glib would take the next character (a
 * closing quote, an escape) as its other half and misread the rest. */
static void
test_several_values (void)
{
  static const char * const refused[] = { "[][]", "[] []", "5{}", "5 6", "\"a\"\"b\"", "{}[]", "null[]",
                                          "[\"\\u12\"]", "[\"a\\s\"]", "[\"\\ude0#\\u200d\"]",
                                          "{\"a\":\"\\ude0f\"\\ude0f\\u" };
  static const char * const read[] = { "[]", " [ ] \n", "\xef\xbb\xbf[]", "[\"[][]\", 5, {\"a\": [1, 2]}]",
                                       "[\"\\ud83d\\ude00\\u0041\"]", "[\"\\ud800a\\\\u\"]",
                                       "[\"\\ud83d\\u0041\"]", "[\"\\ude0f\\u200d\"]", "[\"\\ud83d\"]" };
  g_autofree char *lone = g_strdup_printf (status_template, "\\ud83d", "<p>a\\ude0f\\u0041</p>", "", "0", "en");
  g_autoptr(GError) lone_error = NULL;
  g_autoptr(GPtrArray) lone_posts = NULL;
  ChorusIncomingPost *post;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) posts = chorus_mastodon_parse_statuses (refused[i], -1, &error);

      g_assert_null (posts);
      g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
    }

  for (guint i = 0; i < G_N_ELEMENTS (read); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) posts = chorus_mastodon_parse_statuses (read[i], -1, &error);

      g_assert_no_error (error);
      g_assert_nonnull (posts);
    }

  /* The halves become U+FFFD; nothing after them is swallowed. */
  lone_posts = chorus_mastodon_parse_statuses (lone, -1, &lone_error);
  g_assert_no_error (lone_error);
  g_assert_cmpuint (lone_posts->len, ==, 1);
  post = g_ptr_array_index (lone_posts, 0);
  g_assert_cmpstr (post->author->display_name, ==, "\xef\xbf\xbd");
  g_assert_cmpstr (post->text, ==, "a\xef\xbf\xbd" "A");
  g_assert_cmpstr (post->language, ==, "en");
}

static void
test_huge_and_invalid_values (void)
{
  g_autofree char *huge = test_huge_string_json ("{\"id\":\"1\",\"uri\":\"https://a.example/1\","
                                                 "\"created_at\":\"2024-01-01T00:00:00Z\","
                                                 "\"account\":{\"acct\":\"ana\"},\"content\":\"<p>",
                                                 20 * 1024 * 1024, "</p>\"}");
  g_autofree char *surrogates = g_strdup_printf (status_template, "\\ud800ana\\u202e", "<p>a\\udfffb</p>",
                                                 "\\udfffcw", "1e400", "en\\u0000");
  g_autofree char *big = g_strdup_printf (status_template, "", "", "", "99999999999999999999999", "xx-\\\"><");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  ChorusIncomingPost *post;

  posts = chorus_mastodon_parse_statuses (huge, -1, &error);
  g_assert_no_error (error);
  test_assert_posts_sane (posts, "mastodon");
  post = g_ptr_array_index (posts, 0);
  g_assert_cmpuint (strlen (post->text), <=, 1024 * 1024);
  g_assert_cmpuint (strlen (post->text), >, 1000);
  g_clear_pointer (&posts, g_ptr_array_unref);

  posts = chorus_mastodon_parse_statuses (surrogates, -1, &error);
  g_assert_no_error (error);
  test_assert_posts_sane (posts, "mastodon");
  post = g_ptr_array_index (posts, 0);
  g_assert_null (strstr (post->author->display_name, "\xe2\x80\xae"));
  g_assert_cmpint (post->like_count, ==, 0);
  g_clear_pointer (&posts, g_ptr_array_unref);

  posts = chorus_mastodon_parse_statuses (big, -1, &error);
  g_assert_no_error (error);
  test_assert_posts_sane (posts, "mastodon");
  post = g_ptr_array_index (posts, 0);
  g_assert_cmpint (post->like_count, >=, 0);
  g_assert_null (post->language);
  g_assert_cmpstr (post->author->display_name, ==, "ana");
}

static void
test_mutations (gconstpointer data)
{
  guint which = GPOINTER_TO_UINT (data);
  g_autofree char *status = test_read_corpus ("mastodon/real/status_remote_poll_multiple_custom_emoji.json", NULL);
  g_autofree char *media = test_read_corpus ("mastodon/real/status_remote_gifv_cw_filtered_mentions_tags.json", NULL);
  g_autofree char *context = test_read_corpus ("mastodon/real/context_private_thread.json", NULL);
  g_autofree char *grouped = test_read_corpus_without ("mastodon/real/notifications_v2_grouped_page1.json",
                                                       "accounts");

  test_run_mutations (status, which, chorus_mastodon_parse_statuses, "mastodon");
  test_run_mutations (media, which, chorus_mastodon_parse_statuses, "mastodon");
  test_run_mutations (context, which, mastodon_test_parse_context_alone, "mastodon");
  test_run_mutations (grouped, which, chorus_mastodon_parse_notifications, "mastodon");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chorus/mastodon/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/chorus/mastodon/hostile/several-values", test_several_values);
  g_test_add_func ("/chorus/mastodon/hostile/huge-and-invalid", test_huge_and_invalid_values);

  test_add_mutations ("mastodon", test_mutations);

  return g_test_run ();
}
