/* test-discourse.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Discourse parsers against the forum responses in the corpus (routed
 * by the corpus README's table: the folder has no index file), known
 * values, polls, paging, and hostile input. */

#include <string.h>

#include "chorus-discourse-parse.h"
#include "chorus-discourse-ref.h"
#include "chorus-error.h"
#include "chorus-test-parse.h"

#define BASE "https://forum.example"

static GPtrArray *
parse_topic (const char  *data,
             gssize       length,
             GError     **error)
{
  return chorus_discourse_parse_topic (data, length, BASE, NULL, error);
}

static GPtrArray *
parse_posts (const char  *data,
             gssize       length,
             GError     **error)
{
  return chorus_discourse_parse_posts (data, length, BASE "/", error);
}

static GPtrArray *
parse_search (const char  *data,
              gssize       length,
              GError     **error)
{
  return chorus_discourse_parse_search (data, length, BASE, NULL, NULL, error);
}

static const TestParsePosts post_parsers[] = { parse_topic, parse_posts, parse_search };

static gint64
unix_utc (const char *iso)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

/* The corpus */

typedef enum
{
  TOPIC_LIST,
  TOPIC,
  POSTS,
  SEARCH,
  POLL,
} Endpoint;

static const struct
{
  const char *file;
  Endpoint    endpoint;
  guint       n_items;
} corpus_files[] = {
  { "discourse/api_docs/GET_latest.json", TOPIC_LIST, 3 },
  { "discourse/api_docs/GET_top.json", TOPIC_LIST, 1 },
  { "discourse/api_docs/GET_topics_private_messages_sent.json", TOPIC_LIST, 1 },
  { "discourse/discourse_api_gem/latest.json", TOPIC_LIST, 3 },
  { "discourse/discourse_api_gem/top.json", TOPIC_LIST, 3 },
  { "discourse/discourse_api_gem/hot.json", TOPIC_LIST, 3 },
  { "discourse/discourse_api_gem/new.json", TOPIC_LIST, 3 },
  { "discourse/discourse_api_gem/category_latest_topics.json", TOPIC_LIST, 2 },
  { "discourse/discourse_api_gem/private_messages.json", TOPIC_LIST, 1 },
  { "discourse/api_docs/GET_t_id_topic_response.json", TOPIC, 1 },
  { "discourse/discourse_api_gem/topic.json", TOPIC, 4 },
  { "discourse/discourse_api_gem/topic_posts.json", POSTS, 1 },
  { "discourse/discourse_api_gem/posts_latest.json", POSTS, 4 },
  { "discourse/discourse_api_gem/posts_before.json", POSTS, 3 },
  { "discourse/discourse_api_gem/post.json", POSTS, 1 },
  { "discourse/api_docs/GET_posts_id.json", POSTS, 1 },
  { "discourse/api_docs/GET_posts_latest_posts.json", POSTS, 25 },
  { "discourse/api_docs/GET_search.json", SEARCH, 1 },
  { "discourse/discourse_api_gem/search.json", SEARCH, 0 },
  { "discourse/discourse_api_gem/polls_vote.json", POLL, 3 },
  { "discourse/discourse_api_gem/polls_toggle_status.json", POLL, 3 },
};

static void
check_topics (GPtrArray *topics)
{
  for (guint i = 0; i < topics->len; i++)
    {
      ChorusDiscourseTopic *topic = g_ptr_array_index (topics, i);

      g_assert_cmpint (topic->id, >, 0);
      g_assert_true (g_utf8_validate (topic->title, -1, NULL));
      g_assert_cmpint (topic->posts_count, >=, 0);
      g_assert_cmpint (topic->category_id, >=, 0);
    }
}

static guint
parse_corpus_file (const char *file,
                   Endpoint    endpoint)
{
  gsize length;
  g_autofree char *data = test_read_corpus (file, &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(ChorusIncomingPoll) poll = NULL;
  int next_page;

  switch (endpoint)
    {
    case TOPIC_LIST:
      items = chorus_discourse_parse_topic_list (data, length, &next_page, &error);
      g_assert_no_error (error);
      check_topics (items);
      return items->len;
    case TOPIC:
    case POSTS:
      return test_parse_checked (endpoint == TOPIC ? parse_topic : parse_posts, data, length, "discourse");
    case SEARCH:
      items = chorus_discourse_parse_search (data, length, BASE, &topics, NULL, &error);
      g_assert_no_error (error);
      test_assert_posts_sane (items, "discourse");
      check_topics (topics);
      g_assert_cmpuint (topics->len, >, 0);
      return items->len;
    case POLL:
      poll = chorus_discourse_parse_poll (data, length, &error);
      g_assert_no_error (error);
      return poll->options->len;
    default:
      g_assert_not_reached ();
    }
}

static void
test_corpus (void)
{
  guint n_items = 0;

  for (guint i = 0; i < G_N_ELEMENTS (corpus_files); i++)
    {
      guint n = parse_corpus_file (corpus_files[i].file, corpus_files[i].endpoint);

      g_assert_cmpuint (n, ==, corpus_files[i].n_items);
      n_items += n;
    }

  g_test_message ("discourse: %u files, %u topics, posts and poll options", (guint) G_N_ELEMENTS (corpus_files),
                  n_items);
}

static void
test_corpus_every_parser (void)
{
  g_autoptr(GPtrArray) files = test_list_corpus_json ();

  for (guint i = 0; i < G_N_ELEMENTS (post_parsers); i++)
    {
      guint accepted = test_parse_whole_corpus (post_parsers[i], "discourse");

      g_test_message ("parser %u accepted %u corpus files", i, accepted);
    }

  /* Topic lists and polls too. */
  for (guint i = 0; i < files->len; i++)
    {
      gsize length;
      g_autofree char *data = test_read_corpus (files->pdata[i], &length);
      g_autoptr(GPtrArray) topics = chorus_discourse_parse_topic_list (data, length, NULL, NULL);
      g_autoptr(ChorusIncomingPoll) poll = chorus_discourse_parse_poll (data, length, NULL);

      if (topics != NULL)
        check_topics (topics);
    }
}

/* Known values */

static void
test_topic (void)
{
  gsize length;
  g_autofree char *data = test_read_corpus ("discourse/discourse_api_gem/topic.json", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) missing = NULL;
  g_autoptr(GPtrArray) posts = chorus_discourse_parse_topic (data, length, BASE "//", &missing, &error);
  ChorusIncomingPost *post;

  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 4);
  g_assert_cmpuint (missing->len, ==, 0);

  post = g_ptr_array_index (posts, 0);
  g_assert_cmpstr (post->uri, ==, BASE "/t/57/1");
  g_assert_cmpstr (post->url, ==, BASE "/t/this-site-is-a-sandbox-it-is-reset-every-day/57/1");
  g_assert_cmpstr (post->root_uri, ==, post->uri);
  g_assert_null (post->reply_to_uri);
  g_assert_cmpstr (post->title, ==, "THIS SITE IS A SANDBOX -- it is reset every day");
  g_assert_true (g_str_has_prefix (post->text, "Welcome!\n\nTry is a sandbox"));
  g_assert_nonnull (strstr (post->markup, "<b>Any accounts or posts you create here will not exist tomorrow!</b>"));
  g_assert_cmpint (post->edited_at, ==, unix_utc ("2013-04-30T14:33:37.273-04:00"));

  post = g_ptr_array_index (posts, 3);
  g_assert_cmpstr (post->uri, ==, BASE "/t/57/14");
  g_assert_cmpstr (post->url, ==, BASE "/t/this-site-is-a-sandbox-it-is-reset-every-day/57/14");
  g_assert_cmpstr (post->remote_id, ==, "226");
  g_assert_cmpstr (post->reply_to_uri, ==, BASE "/t/57/1");
  g_assert_cmpstr (post->root_uri, ==, BASE "/t/57/1");
  g_assert_cmpstr (post->author->handle, ==, "splattne");
  g_assert_cmpstr (post->author->server, ==, "forum.example");
  g_assert_cmpstr (post->author->display_name, ==, "Stefan Plattner");
  g_assert_cmpstr (post->author->avatar_url, ==,
                   "https://www.gravatar.com/avatar/7847006dbf49f1722b07c8da396f1275.png?s=96&r=pg&d=identicon");
  g_assert_cmpstr (post->author->profile_url, ==, BASE "/u/splattne");
  g_assert_cmpint (post->created_at, ==, unix_utc ("2013-02-05T17:14:17Z"));
  g_assert_cmpint (post->edited_at, ==, 0);
  g_assert_cmpint (post->like_count, ==, 5);
  g_assert_null (post->language);
}

/* A topic with a poll, a small action, a deleted post and more posts in
 * its stream than in the response. */
static void
test_topic_poll_and_stream (void)
{
#define POST(id, number, extra) \
  "{\"id\":" #id ",\"post_number\":" #number ",\"username\":\"ana\",\"name\":null,\"created_at\":" \
  "\"2024-03-01T10:00:00.000Z\",\"cooked\":\"<p>Hi <a href=\\\"/t/x/1\\\">there</a></p>\"," \
  "\"avatar_template\":\"/user_avatar/forum.example/ana/{size}/1_2.png\"" extra "}"
  const char *json =
    "{\"id\":9,\"slug\":\"caf\\u00e9-poll\",\"title\":\"Which \\u202e name?\",\"post_stream\":{\"posts\":["
    POST (90, 1, ",\"polls\":[{\"name\":\"poll\",\"type\":\"multiple\",\"status\":\"open\","
          "\"close\":\"2024-04-01T00:00:00Z\",\"voters\":3,\"options\":[{\"id\":\"d1\",\"html\":\"<b>Blue</b> &amp; red\","
          "\"votes\":2},{\"id\":\"d2\",\"html\":\"Green\"}]}]") ","
    POST (91, 2, ",\"post_type\":3") ","
    POST (92, 3, ",\"deleted_at\":\"2024-03-02T00:00:00Z\"") ","
    POST (93, 4, ",\"reply_to_post_number\":4") ","
    POST (94, 5, ",\"reply_to_post_number\":1,\"version\":2,\"updated_at\":\"2024-03-05T00:00:00Z\"") "],"
    "\"stream\":[90,91,92,93,94,95,\"96\",97]}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) missing = NULL;
  g_autoptr(GPtrArray) posts = chorus_discourse_parse_topic (json, -1, BASE, &missing, &error);
  ChorusIncomingPost *post;
  ChorusIncomingPollOption *option;

  g_assert_no_error (error);
  test_assert_posts_sane (posts, "discourse");
  g_assert_cmpuint (posts->len, ==, 3);
  g_assert_cmpuint (missing->len, ==, 2);
  g_assert_cmpint (g_array_index (missing, gint64, 0), ==, 95);
  g_assert_cmpint (g_array_index (missing, gint64, 1), ==, 97);

  post = g_ptr_array_index (posts, 0);
  g_assert_cmpstr (post->uri, ==, BASE "/t/9/1");
  g_assert_cmpstr (post->url, ==, BASE "/t/caf%C3%A9-poll/9/1");
  g_assert_cmpstr (post->title, ==, "Which  name?");
  g_assert_cmpstr (post->author->display_name, ==, "ana");
  g_assert_cmpstr (post->author->avatar_url, ==, BASE "/user_avatar/forum.example/ana/96/1_2.png");
  g_assert_nonnull (strstr (post->markup, "<a href=\"" BASE "/t/x/1\">there</a>"));
  g_assert_nonnull (post->poll);
  g_assert_cmpstr (post->poll->remote_id, ==, "poll");
  g_assert_true (post->poll->multiple);
  g_assert_cmpint (post->poll->voters_count, ==, 3);
  g_assert_cmpint (post->poll->expires_at, ==, unix_utc ("2024-04-01T00:00:00Z"));
  option = g_ptr_array_index (post->poll->options, 0);
  g_assert_cmpstr (option->title, ==, "Blue & red");
  g_assert_cmpint (option->votes, ==, 2);
  option = g_ptr_array_index (post->poll->options, 1);
  g_assert_cmpint (option->votes, ==, -1);

  /* A reply to itself (or to a later post) answers the topic. */
  post = g_ptr_array_index (posts, 1);
  g_assert_cmpstr (post->reply_to_uri, ==, BASE "/t/9/1");
  post = g_ptr_array_index (posts, 2);
  g_assert_cmpint (post->edited_at, ==, unix_utc ("2024-03-05T00:00:00Z"));
#undef POST
}

static void
test_topic_list_paging (void)
{
  gsize length;
  g_autofree char *latest = test_read_corpus ("discourse/discourse_api_gem/latest.json", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  ChorusDiscourseTopic *topic;
  int next_page = 0;
  const struct { const char *url; int page; } urls[] = {
    { "/latest.json?page=1", 1 }, { "/latest?no_definitions=true&page=12", 12 }, { "/latest.json", -1 },
    { "/latest.json?page=-3", -1 }, { "/latest.json?page=99999999999", -1 }, { "/latest.json?page=x", -1 },
  };

  topics = chorus_discourse_parse_topic_list (latest, length, &next_page, &error);
  g_assert_no_error (error);
  g_assert_cmpint (next_page, ==, 1);
  topic = g_ptr_array_index (topics, 0);
  g_assert_cmpint (topic->id, ==, 1);
  g_assert_cmpstr (topic->title, ==, "Test topic #1");
  g_assert_cmpstr (topic->slug, ==, "test-topic-1");
  g_assert_cmpint (topic->posts_count, ==, 1);
  g_assert_cmpint (topic->last_posted_at, ==, unix_utc ("2013-02-05T12:14:17.364-05:00"));
  g_assert_cmpint (topic->category_id, ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"topic_list\":{\"more_topics_url\":\"%s\",\"topics\":[]}}",
                                               urls[i].url);
      g_autoptr(GPtrArray) empty = chorus_discourse_parse_topic_list (json, -1, &next_page, &error);

      g_assert_no_error (error);
      g_assert_cmpint (next_page, ==, urls[i].page);
    }

  g_assert_null (chorus_discourse_parse_topic_list ("{\"errors\":[\"Not found\"]}", -1, &next_page, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
  g_assert_cmpint (next_page, ==, -1);
}

static void
test_search (void)
{
  gsize length;
  g_autofree char *data = test_read_corpus ("discourse/api_docs/GET_search.json", &length);
  g_autofree char *legacy = test_read_corpus ("discourse/discourse_api_gem/search.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  gboolean more = TRUE;
  ChorusIncomingPost *post;

  posts = chorus_discourse_parse_search (data, length, BASE, &topics, &more, &error);
  g_assert_no_error (error);
  g_assert_false (more);
  g_assert_cmpuint (posts->len, ==, 1);
  post = g_ptr_array_index (posts, 0);
  g_assert_cmpstr (post->uri, ==, BASE "/t/13/1");
  g_assert_cmpstr (post->title, ==, "2a6aa74e-e341-5e3c-1eaa-78c6331f305f");
  g_assert_true (g_str_has_prefix (post->text, "ecf65fcd-1e16-7c4c-4244-a467b46c610b"));
  g_assert_cmpuint (topics->len, ==, 1);
  g_clear_pointer (&topics, g_ptr_array_unref);
  g_clear_pointer (&posts, g_ptr_array_unref);

  posts = chorus_discourse_parse_search (legacy, -1, BASE, &topics, &more, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 0);
  g_assert_cmpuint (topics->len, ==, 3);
  g_assert_cmpstr (((ChorusDiscourseTopic *) topics->pdata[2])->slug, ==, "test-topic-3");
  g_clear_pointer (&topics, g_ptr_array_unref);
  g_clear_pointer (&posts, g_ptr_array_unref);

  posts = chorus_discourse_parse_search ("{\"posts\":[],\"grouped_search_result\":{\"more_full_page_results\":true}}",
                                         -1, BASE, NULL, &more, &error);
  g_assert_no_error (error);
  g_assert_true (more);
}

static void
test_poll (void)
{
  gsize length;
  g_autofree char *data = test_read_corpus ("discourse/discourse_api_gem/polls_vote.json", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusIncomingPoll) poll = chorus_discourse_parse_poll (data, length, &error);
  const char *titles[] = { "I will attend the Apr 25, 2019 Launchpad meeting.", "I want to lead the meeting.",
                           "I\xe2\x80\x99ll not attend this meeting." };
  const gint64 votes[] = { 2, 0, 2 };

  g_assert_no_error (error);
  g_assert_cmpstr (poll->remote_id, ==, "poll");
  g_assert_false (poll->multiple);
  g_assert_cmpint (poll->voters_count, ==, 4);
  g_assert_cmpint (poll->expires_at, ==, 0);
  g_assert_cmpuint (poll->options->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      ChorusIncomingPollOption *option = g_ptr_array_index (poll->options, i);

      g_assert_cmpstr (option->title, ==, titles[i]);
      g_assert_cmpint (option->votes, ==, votes[i]);
    }
}

static void
test_avatar_and_base (void)
{
  const struct { const char *template; const char *url; } cases[] = {
    { "/user_avatar/f/ana/{size}/1.png", BASE "/user_avatar/f/ana/48/1.png" },
    { "//cdn.example/a/{size}/{size}.png", "https://cdn.example/a/48/48.png" },
    { "https://cdn.example/a.png", "https://cdn.example/a.png" },
    { "javascript:alert({size})", NULL },
    { "/a b/{size}.png", NULL },
    { "", NULL },
    { NULL, NULL },
  };
  const char *bad_bases[] = { "forum.example", "ftp://forum.example", "https://", "" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *url = chorus_discourse_avatar_url (BASE, cases[i].template, 48);

      g_assert_cmpstr (url, ==, cases[i].url);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad_bases); i++)
    {
      g_autoptr(GPtrArray) posts = chorus_discourse_parse_posts ("{\"latest_posts\":[]}", -1, bad_bases[i],
                                                                 &error);

      g_assert_null (posts);
      g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
    }
}

/* Hostile input */

static void
test_deep_nesting (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (post_parsers); i++)
    test_assert_rejects_deep (post_parsers[i]);
}

static void
test_huge_and_invalid_values (void)
{
  g_autofree char *huge = test_huge_string_json ("{\"post_stream\":{\"posts\":[{\"id\":1,\"topic_id\":2,"
                                                 "\"post_number\":1e400,\"username\":\"x\"},{\"id\":3,"
                                                 "\"topic_id\":99999999999999999999999,\"post_number\":2,"
                                                 "\"username\":\"bo\",\"created_at\":\"2024-01-01T00:00:00Z\","
                                                 "\"name\":\"\\ud800bo\",\"topic_slug\":\"a\\udfffb\","
                                                 "\"cooked\":\"<p>",
                                                 20 * 1024 * 1024, "</p>\"}]}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = chorus_discourse_parse_posts (huge, -1, BASE, &error);
  ChorusIncomingPost *post;

  g_assert_no_error (error);
  test_assert_posts_sane (posts, "discourse");
  /* The first has no usable number; the second's topic id wrapped. */
  g_assert_cmpuint (posts->len, <=, 1);
  if (posts->len == 1)
    {
      post = g_ptr_array_index (posts, 0);
      g_assert_cmpuint (strlen (post->text), <=, 1024 * 1024);
      g_assert_true (g_str_has_prefix (post->uri, BASE "/t/"));
    }
}

static void
test_mutations (gconstpointer data)
{
  guint which = GPOINTER_TO_UINT (data);
  g_autofree char *topic = test_read_corpus_without ("discourse/discourse_api_gem/topic.json", "details");
  g_autofree char *search = test_read_corpus ("discourse/api_docs/GET_search.json", NULL);
  g_autoptr(JsonNode) vote = test_load_corpus_json ("discourse/discourse_api_gem/polls_vote.json");
  g_autofree char *poll = json_to_string (json_object_get_member (json_node_get_object (vote), "poll"), FALSE);
  g_autofree char *post_with_poll = g_strdup_printf ("{\"id\":5,\"topic_id\":6,\"topic_slug\":\"s\",\"post_number\":2,"
                                                     "\"reply_to_post_number\":1,\"username\":\"ana\","
                                                     "\"created_at\":\"2024-01-01T00:00:00Z\",\"cooked\":\"x\","
                                                     "\"polls\":[%s]}", poll);

  test_run_mutations (topic, which, parse_topic, "discourse");
  test_run_mutations (search, which, parse_search, "discourse");
  test_run_mutations (post_with_poll, which, parse_posts, "discourse");
}

/* Topics and categories as a person names them when placing a poll. */
static void
test_refs (void)
{
  static const struct
  {
    const char         *text;
    ChorusDiscourseRef  kind;
    gint64              id;     /* 0: refused */
  } cases[] = {
    { "123", CHORUS_DISCOURSE_REF_TOPIC, 123 },
    { "  77 ", CHORUS_DISCOURSE_REF_TOPIC, 77 },
    { "https://forum.example/t/spring-tagline/123", CHORUS_DISCOURSE_REF_TOPIC, 123 },
    { "https://forum.example/t/spring-tagline/123/4", CHORUS_DISCOURSE_REF_TOPIC, 123 },
    { "https://FORUM.example/t/123", CHORUS_DISCOURSE_REF_TOPIC, 123 },
    { "/t/spring-tagline/9", CHORUS_DISCOURSE_REF_TOPIC, 9 },
    { "https://forum.example/c/feedback/5", CHORUS_DISCOURSE_REF_CATEGORY, 5 },
    { "https://forum.example/c/feedback/ideas/12", CHORUS_DISCOURSE_REF_CATEGORY, 12 },
    { "5", CHORUS_DISCOURSE_REF_CATEGORY, 5 },
    /* Refused: another forum, the wrong kind, no number, zero, nonsense. */
    { "https://elsewhere.example/t/spring-tagline/123", CHORUS_DISCOURSE_REF_TOPIC, 0 },
    { "https://forum.example/c/feedback/5", CHORUS_DISCOURSE_REF_TOPIC, 0 },
    { "https://forum.example/t/spring-tagline", CHORUS_DISCOURSE_REF_TOPIC, 0 },
    { "0", CHORUS_DISCOURSE_REF_TOPIC, 0 },
    { "-3", CHORUS_DISCOURSE_REF_CATEGORY, 0 },
    { "", CHORUS_DISCOURSE_REF_TOPIC, 0 },
    { "spring tagline", CHORUS_DISCOURSE_REF_CATEGORY, 0 },
    { "99999999999999999999", CHORUS_DISCOURSE_REF_TOPIC, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 id = 0;
      gboolean parsed = chorus_discourse_parse_ref (cases[i].text, cases[i].kind, "https://forum.example",
                                                    &id, &error);

      g_test_message ("%s", cases[i].text);
      if (cases[i].id == 0)
        {
          g_assert_false (parsed);
          g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_true (parsed);
          g_assert_cmpint (id, ==, cases[i].id);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chorus/discourse/corpus", test_corpus);
  g_test_add_func ("/chorus/discourse/corpus/every-parser", test_corpus_every_parser);
  g_test_add_func ("/chorus/discourse/topic", test_topic);
  g_test_add_func ("/chorus/discourse/topic/poll-and-stream", test_topic_poll_and_stream);
  g_test_add_func ("/chorus/discourse/topic-list/paging", test_topic_list_paging);
  g_test_add_func ("/chorus/discourse/search", test_search);
  g_test_add_func ("/chorus/discourse/poll", test_poll);
  g_test_add_func ("/chorus/discourse/refs", test_refs);
  g_test_add_func ("/chorus/discourse/avatar-and-base", test_avatar_and_base);
  g_test_add_func ("/chorus/discourse/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/chorus/discourse/hostile/huge-and-invalid", test_huge_and_invalid_values);

  test_add_mutations ("discourse", test_mutations);

  return g_test_run ();
}
