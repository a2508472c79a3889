/* test-sync-discourse.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <libsoup/soup.h>

#include "chorus-discourse-sync.h"
#include "chorus-error.h"
#include "chorus-http.h"
#include "chorus-store-sources.h"
#include "chorus-sync-engine.h"
#include "chorus-pager.h"
#include "chorus-test-util.h"

/* The Discourse connector against a fake forum on 127.0.0.1 that answers
 * in the shapes of the corpus (discourse/api_docs, discourse_api_gem):
 * paged topic lists, categories, a topic longer than one chunk, search and
 * a poll. It checks the Api-Key and Api-Username headers and can answer
 * 429 or 500 once. */

#define KEY           "s3cret-discourse-key"
#define WRONG_KEY     "not-the-right-key-42"
#define KEY_ENV       "CHORUS_TEST_DISCOURSE_KEY"
#define WRONG_KEY_ENV "CHORUS_TEST_DISCOURSE_WRONG_KEY"
#define UNSET_KEY_ENV "CHORUS_TEST_DISCOURSE_UNSET_KEY"
#define USERNAME      "alice"
#define T0            G_GINT64_CONSTANT (1704067200)   /* 2024-01-01 */
#define LIST_PAGE     3
#define SEARCH_PAGE   2
#define TOPIC_CHUNK   20
#define MAX_POSTS     64
#define MAX_TOPICS    8

typedef struct
{
  gint64      created_at;
  const char *word;        /* what the post is about, for search */
} FakePost;

typedef struct
{
  gint64      id;
  gint64      category_id;
  gboolean    pinned;
  guint       n_posts;
  FakePost    posts[MAX_POSTS];   /* by post number, from 1 */
} FakeTopic;

typedef struct
{
  ChorusTestSyncRig rig;
  FakeTopic         topics[MAX_TOPICS];
  guint             n_topics;
  GPtrArray        *requests;        /* "path?query" of every request */
  guint             keyed_requests;
  guint             limited_left;    /* 429 for /t/101.json */
  guint             broken_left;     /* 500 for /t/<id>/posts.json */
  gint64            private_topic;   /* 403 for /t/<id>.json, or 0 */
  guint             largest_chunk;
  char             *last_post_ids;
} Fixture;

static const char *categories[] = { NULL, "general", "news" };

static void
add_posts (FakeTopic  *topic,
           guint       n,
           gint64      first_at,
           const char *word)
{
  g_assert_cmpuint (topic->n_posts + n, <=, MAX_POSTS);
  for (guint i = 0; i < n; i++)
    topic->posts[topic->n_posts++] = (FakePost) { first_at + 60 * i, word };
}

static FakeTopic *
add_topic (Fixture  *f,
           gint64    id,
           gint64    category_id,
           gboolean  pinned)
{
  FakeTopic *topic = &f->topics[f->n_topics++];

  g_assert_cmpuint (f->n_topics, <=, MAX_TOPICS);
  *topic = (FakeTopic) { id, category_id, pinned, 0, { { 0, NULL } } };

  return topic;
}

static FakeTopic *
find_topic (Fixture *f,
            gint64   id)
{
  for (guint i = 0; i < f->n_topics; i++)
    if (f->topics[i].id == id)
      return &f->topics[i];

  return NULL;
}

static gint64
last_posted_at (FakeTopic *topic)
{
  return topic->posts[topic->n_posts - 1].created_at;
}

/* Pinned first, then by bump, as /latest.json sorts. */
static int
compare_bumped (gconstpointer a,
                gconstpointer b)
{
  FakeTopic *ta = *(FakeTopic **) a;
  FakeTopic *tb = *(FakeTopic **) b;

  if (ta->pinned != tb->pinned)
    return ta->pinned ? -1 : 1;

  return last_posted_at (tb) > last_posted_at (ta) ? 1 : last_posted_at (tb) < last_posted_at (ta) ? -1 : 0;
}

static void
append_time (GString *json,
             gint64   time)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (time);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%dT%H:%M:%S.000Z");

  g_string_append_printf (json, "\"%s\"", text);
}

/* Items end with a comma: the list's last one goes. */
static void
close_list (GString    *json,
            const char *closing)
{
  if (json->len > 0 && json->str[json->len - 1] == ',')
    g_string_truncate (json, json->len - 1);
  g_string_append (json, closing);
}

static void
append_post (GString   *json,
             FakeTopic *topic,
             guint      number,
             gboolean   search)
{
  FakePost *post = &topic->posts[number - 1];
  gint64 user = (topic->id + number) % 4;

  g_string_append_printf (json, "{\"id\":%" G_GINT64_FORMAT ",\"username\":\"user%" G_GINT64_FORMAT "\","
                          "\"name\":\"User %" G_GINT64_FORMAT "\",\"avatar_template\":\"/letter/u/{size}.png\","
                          "\"created_at\":", topic->id * 1000 + number, user, user);
  append_time (json, post->created_at);
  if (search)
    g_string_append_printf (json, ",\"blurb\":\"Post %u of topic %" G_GINT64_FORMAT " about…\"", number, topic->id);
  else
    g_string_append_printf (json, ",\"cooked\":\"<p>Post %u of topic %" G_GINT64_FORMAT "%s%s</p>\","
                            "\"post_type\":1,\"version\":1,\"reply_to_post_number\":null,"
                            "\"actions_summary\":[{\"id\":2,\"count\":1}]",
                            number, topic->id, post->word != NULL ? " about the " : "",
                            post->word != NULL ? post->word : "");
  if (!search && topic->id == 101 && number == 2)
    g_string_append (json, ",\"polls\":[{\"name\":\"poll\",\"type\":\"regular\",\"status\":\"open\","
                           "\"public\":true,\"results\":\"always\",\"options\":["
                           "{\"id\":\"8b4736b1\",\"html\":\"Tea\",\"votes\":3},"
                           "{\"id\":\"e09884fb\",\"html\":\"Coffee\",\"votes\":5}],\"voters\":8}]");
  g_string_append_printf (json, ",\"post_number\":%u,\"topic_id\":%" G_GINT64_FORMAT ","
                          "\"topic_slug\":\"topic-%" G_GINT64_FORMAT "\"},", number, topic->id, topic->id);
}

static void
append_topic_summary (GString   *json,
                      FakeTopic *topic)
{
  g_string_append_printf (json, "{\"id\":%" G_GINT64_FORMAT ",\"title\":\"Topic %" G_GINT64_FORMAT "\","
                          "\"slug\":\"topic-%" G_GINT64_FORMAT "\",\"posts_count\":%u,\"created_at\":",
                          topic->id, topic->id, topic->id, topic->n_posts);
  append_time (json, topic->posts[0].created_at);
  g_string_append (json, ",\"last_posted_at\":");
  append_time (json, last_posted_at (topic));
  g_string_append (json, ",\"bumped_at\":");
  append_time (json, last_posted_at (topic));
  g_string_append_printf (json, ",\"pinned\":%s,\"category_id\":%" G_GINT64_FORMAT ",\"posters\":[]},",
                          topic->pinned ? "true" : "false", topic->category_id);
}

/* /latest.json and /c/<slug>[/<id>]/l/latest.json */
static char *
topic_list (Fixture    *f,
            const char *list_path,
            gint64      category_id,
            guint       page)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new ();
  GString *json = g_string_new ("{\"users\":[],\"topic_list\":{\"per_page\":3,\"topics\":[");

  for (guint i = 0; i < f->n_topics; i++)
    if (category_id == 0 || f->topics[i].category_id == category_id)
      g_ptr_array_add (topics, &f->topics[i]);
  g_ptr_array_sort (topics, compare_bumped);

  for (guint i = page * LIST_PAGE; i < MIN (topics->len, (page + 1) * LIST_PAGE); i++)
    append_topic_summary (json, g_ptr_array_index (topics, i));
  close_list (json, "]");
  if ((page + 1) * LIST_PAGE < topics->len)
    g_string_append_printf (json, ",\"more_topics_url\":\"%s?page=%u\"", list_path, page + 1);
  g_string_append (json, "}}");

  return g_string_free (json, FALSE);
}

/* /t/<id>.json: the first chunk, and every id. */
static char *
topic_json (FakeTopic *topic)
{
  GString *json = g_string_new (NULL);

  g_string_append_printf (json, "{\"id\":%" G_GINT64_FORMAT ",\"title\":\"Topic %" G_GINT64_FORMAT "\","
                          "\"slug\":\"topic-%" G_GINT64_FORMAT "\",\"posts_count\":%u,"
                          "\"category_id\":%" G_GINT64_FORMAT ",\"post_stream\":{\"posts\":[",
                          topic->id, topic->id, topic->id, topic->n_posts, topic->category_id);
  for (guint n = 1; n <= MIN (topic->n_posts, TOPIC_CHUNK); n++)
    append_post (json, topic, n, FALSE);
  close_list (json, "],\"stream\":[");
  for (guint n = 1; n <= topic->n_posts; n++)
    g_string_append_printf (json, "%" G_GINT64_FORMAT ",", topic->id * 1000 + n);
  close_list (json, "]}}");

  return g_string_free (json, FALSE);
}

/* /t/<id>/posts.json?post_ids[]=…, read from the raw query (the decoded
 * one keeps a single value per name). */
static char *
posts_json (Fixture   *f,
            FakeTopic *topic,
            const char *query)
{
  g_auto(GStrv) params = g_strsplit (query != NULL ? query : "", "&", -1);
  GString *ids = g_string_new (NULL);
  GString *json = g_string_new ("{\"post_stream\":{\"posts\":[");
  guint n = 0;

  for (guint i = 0; params[i] != NULL; i++)
    {
      g_autofree char *param = g_uri_unescape_string (params[i], NULL);
      gint64 number;

      if (param == NULL || !g_str_has_prefix (param, "post_ids[]="))
        continue;

      number = g_ascii_strtoll (param + strlen ("post_ids[]="), NULL, 10) - topic->id * 1000;
      g_string_append_printf (ids, "%s%s", n++ > 0 ? "," : "", param + strlen ("post_ids[]="));
      if (number >= 1 && number <= topic->n_posts)
        append_post (json, topic, (guint) number, FALSE);
    }
  close_list (json, "]");
  g_string_append_printf (json, "},\"id\":%" G_GINT64_FORMAT "}", topic->id);

  f->largest_chunk = MAX (f->largest_chunk, n);
  g_free (f->last_post_ids);
  f->last_post_ids = g_string_free (ids, FALSE);

  return g_string_free (json, FALSE);
}

typedef struct
{
  gint64     created_at;
  FakeTopic *topic;
  guint      number;
} Hit;

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  gint64 ta = ((const Hit *) a)->created_at;
  gint64 tb = ((const Hit *) b)->created_at;

  return tb > ta ? 1 : tb < ta ? -1 : 0;
}

/* /search.json?q=<word> order:latest&page=N, newest post first. */
static char *
search_json (Fixture    *f,
             const char *q,
             guint       page)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  g_auto(GStrv) words = g_strsplit (q != NULL ? q : "", " ", 2);
  GString *json = g_string_new ("{\"posts\":[");
  guint first = (MAX (page, 1) - 1) * SEARCH_PAGE;

  g_assert_cmpstr (words[1], ==, "order:latest");
  for (guint i = 0; i < f->n_topics; i++)
    for (guint n = 1; n <= f->topics[i].n_posts; n++)
      if (g_strcmp0 (f->topics[i].posts[n - 1].word, words[0]) == 0)
        {
          Hit hit = { f->topics[i].posts[n - 1].created_at, &f->topics[i], n };

          g_array_append_val (hits, hit);
        }
  g_array_sort (hits, compare_hits);

  for (guint i = first; i < MIN (hits->len, first + SEARCH_PAGE); i++)
    append_post (json, g_array_index (hits, Hit, i).topic, g_array_index (hits, Hit, i).number, TRUE);
  close_list (json, "]");
  /* Titles are in topics[], which the connector does not need. */
  g_string_append_printf (json, ",\"topics\":[],\"users\":[],\"categories\":[],\"grouped_search_result\":"
                          "{\"post_ids\":[],\"more_full_page_results\":%s}}",
                          first + SEARCH_PAGE < hits->len ? "true" : "null");

  return g_string_free (json, FALSE);
}

static gint64
find_category (const char *slug)
{
  for (guint i = 1; i < G_N_ELEMENTS (categories); i++)
    if (g_strcmp0 (categories[i], slug) == 0)
      return i;

  return -1;
}

static char *
answer (Fixture           *f,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query)
{
  const char *page_text = query != NULL ? g_hash_table_lookup (query, "page") : NULL;
  guint page = page_text != NULL ? (guint) g_ascii_strtoull (page_text, NULL, 10) : 0;
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  FakeTopic *topic;

  if (g_str_equal (path, "/latest.json"))
    return topic_list (f, path, 0, page);

  if (g_str_equal (path, "/categories.json"))
    return g_strdup ("{\"category_list\":{\"categories\":["
                     "{\"id\":1,\"name\":\"General\",\"slug\":\"general\",\"subcategory_list\":[]},"
                     "{\"id\":2,\"name\":\"News\",\"slug\":\"news\"}]}}");

  if (g_str_equal (path, "/search.json"))
    return search_json (f, query != NULL ? g_hash_table_lookup (query, "q") : NULL, page);

  /* /c/<slug>/<id>/l/latest.json */
  if (g_str_has_prefix (path, "/c/") && g_str_has_suffix (path, "/l/latest.json") && g_strv_length (parts) == 6 &&
      find_category (parts[2]) == g_ascii_strtoll (parts[3], NULL, 10))
    return topic_list (f, path, find_category (parts[2]), page);

  /* /t/<id>.json and /t/<id>/posts.json */
  if (g_strv_length (parts) >= 3 && g_str_equal (parts[1], "t") &&
      (topic = find_topic (f, g_ascii_strtoll (parts[2], NULL, 10))) != NULL)
    {
      if (parts[3] == NULL && g_str_has_suffix (parts[2], ".json"))
        return topic_json (topic);
      if (parts[3] != NULL && g_str_equal (parts[3], "posts.json") && parts[4] == NULL)
        return posts_json (f, topic, g_uri_get_query (soup_server_message_get_uri (message)));
    }

  return NULL;
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  Fixture *f = user_data;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (message);
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (message);
  const char *key = soup_message_headers_get_one (request_headers, "Api-Key");
  const char *username = soup_message_headers_get_one (request_headers, "Api-Username");
  const char *raw_query = g_uri_get_query (soup_server_message_get_uri (message));
  g_autofree char *body = NULL;

  g_ptr_array_add (f->requests, g_strconcat (path, raw_query != NULL ? "?" : "", raw_query, NULL));

  /* One request per connection, as in test-sync.c. */
  soup_message_headers_replace (response_headers, "Connection", "close");

  if (key != NULL)
    f->keyed_requests++;

  if (key != NULL && (!g_str_equal (key, KEY) || g_strcmp0 (username, USERNAME) != 0))
    {
      const char *refused = "{\"errors\":[\"You are not permitted to view the requested resource. "
                            "The API username or key is invalid.\"],\"error_type\":\"invalid_access\"}";

      chorus_test_reply_json (message, 403, refused);
      return;
    }

  if (g_str_equal (path, "/t/101.json") && f->limited_left > 0)
    {
      f->limited_left--;
      soup_server_message_set_status (message, 429, NULL);
      soup_message_headers_replace (response_headers, "Retry-After", "1");
      return;
    }

  if (f->private_topic != 0)
    {
      g_autofree char *private_path = g_strdup_printf ("/t/%" G_GINT64_FORMAT ".json", f->private_topic);

      if (g_str_equal (path, private_path))
        {
          chorus_test_reply_json (message, 403, "{\"errors\":[\"You are not permitted to view the requested "
                                                "resource.\"],\"error_type\":\"invalid_access\"}");
          return;
        }
    }

  if (g_str_has_suffix (path, "/posts.json") && f->broken_left > 0)
    {
      f->broken_left--;
      soup_server_message_set_status (message, 500, NULL);
      return;
    }

  if (!(body = answer (f, message, path, query)))
    {
      soup_server_message_set_status (message, 404, NULL);
      return;
    }

  chorus_test_reply_json (message, 200, body);
}

/* Pinned 100; 101, long, with a poll; news in 102 and 104; the kettle is
 * talked about in 104, 105 and, earlier, 103. Page 0 of /latest.json is
 * 100, 102, 101. */
static void
build_forum (Fixture *f)
{
  add_posts (add_topic (f, 100, 1, TRUE), 1, T0, NULL);
  add_posts (add_topic (f, 101, 1, FALSE), 45, T0 + 1000, NULL);
  add_posts (add_topic (f, 102, 2, FALSE), 3, T0 + 5000, NULL);

  add_posts (add_topic (f, 103, 1, FALSE), 1, T0 + 50, "kettle");
  add_posts (find_topic (f, 103), 1, T0 + 500, NULL);
  add_posts (add_topic (f, 104, 2, FALSE), 1, T0 + 200, NULL);
  add_posts (find_topic (f, 104), 1, T0 + 320, "kettle");
  add_posts (add_topic (f, 105, 1, FALSE), 1, T0 + 160, "kettle");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  chorus_test_sync_rig_set_up (&f->rig, on_request_cb, f);
  f->requests = g_ptr_array_new_with_free_func (g_free);
  build_forum (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  chorus_test_sync_rig_tear_down (&f->rig);
  g_ptr_array_unref (f->requests);
  g_free (f->last_post_ids);
}

static gint64
add_forum (Fixture    *f,
           const char *account,
           const char *key_env,
           const char *categories_watched,
           const char *keywords)
{
  ChorusSourceSettings settings = { "Forum", FALSE, NULL, keywords, categories_watched, key_env };
  g_autoptr(GError) error = NULL;
  gint64 id = chorus_store_add_account (f->rig.store, "discourse", f->rig.base, account, &settings, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  sqlite3 *db = chorus_test_db_open (f->rig.workspace.path, SQLITE_OPEN_READONLY, 1000);
  gint64 value = chorus_test_db_query_int (db, sql);

  sqlite3_close (db);
  return value;
}

static gint64
count_posts (Fixture *f,
             gint64   topic_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM posts WHERE uri LIKE '%%/t/%" G_GINT64_FORMAT "/%%'",
                                          topic_id);

  return query_int (f, sql);
}

static guint
count_requests (Fixture    *f,
                const char *prefix)
{
  guint n = 0;

  for (guint i = 0; i < f->requests->len; i++)
    n += g_str_has_prefix (g_ptr_array_index (f->requests, i), prefix);

  return n;
}

static gint64
cursor_time (Fixture    *f,
             gint64      source_id,
             const char *stream)
{
  g_autofree char *cursor = chorus_store_dup_cursor (f->rig.store, source_id, stream);

  g_assert_nonnull (cursor);
  return g_ascii_strtoll (cursor, NULL, 10);
}

/* The first sync reads the newest page of topics, each topic whole (the
 * long one in chunks, after a 429 and a 500), with its poll. */
static void
test_first_sync (Fixture       *f,
                 gconstpointer  data)
{
  gint64 id = add_forum (f, USERNAME, KEY_ENV, NULL, NULL);
  g_autoptr(ChorusSource) source = NULL;
  ChorusSyncSummary summary;

  f->limited_left = 1;
  f->broken_left = 1;
  summary = chorus_test_sync_now (f->rig.engine);

  g_assert_cmpuint (summary.sources_failed, ==, 0);
  g_assert_cmpuint (summary.posts_new, ==, 1 + 45 + 3);
  g_assert_cmpint (count_posts (f, 100), ==, 1);
  g_assert_cmpint (count_posts (f, 101), ==, 45);
  g_assert_cmpint (count_posts (f, 102), ==, 3);
  g_assert_cmpint (count_posts (f, 103) + count_posts (f, 104) + count_posts (f, 105), ==, 0);

  /* Every request signed in; chunks of at most 20 ids. */
  g_assert_cmpuint (f->keyed_requests, ==, f->requests->len);
  g_assert_cmpuint (f->largest_chunk, ==, 20);
  g_assert_cmpuint (count_requests (f, "/t/101/posts.json"), ==, 3);   /* 20, then the 500, then 5 */
  g_assert_cmpuint (count_requests (f, "/t/101.json"), ==, 2);         /* the 429, then the topic */
  g_assert_cmpuint (f->limited_left + f->broken_left, ==, 0);

  /* The poll came with its post. */
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM polls JOIN posts ON posts.id = polls.post_id"
                                 " WHERE posts.uri LIKE '%/t/101/2'"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT sum (votes) FROM poll_options"), ==, 8);

  g_assert_cmpint (cursor_time (f, id, "latest"), ==, T0 + 5000 + 120);
  g_assert_cmpint (cursor_time (f, id, "topic:101"), ==, 101045);

  source = chorus_test_find_source (f->rig.store, id);
  g_assert_null (chorus_source_get_last_error (source));
  g_assert_false (chorus_source_get_needs_reauth (source));
}

/* New replies in a known topic: only they are fetched and stored. */
static void
test_new_replies (Fixture       *f,
                  gconstpointer  data)
{
  gint64 id = add_forum (f, USERNAME, KEY_ENV, NULL, NULL);
  ChorusSyncSummary summary;
  gint64 before;

  g_assert_cmpuint (chorus_test_sync_now (f->rig.engine).posts_new, ==, 49);
  before = query_int (f, "SELECT count (*) FROM posts");

  add_posts (find_topic (f, 101), 3, T0 + 10000, NULL);
  g_ptr_array_set_size (f->requests, 0);
  summary = chorus_test_sync_now (f->rig.engine);

  g_assert_cmpuint (summary.sources_failed, ==, 0);
  g_assert_cmpuint (summary.posts_new, ==, 3);
  g_assert_cmpuint (summary.posts_updated, ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM posts"), ==, before + 3);
  g_assert_cmpint (count_posts (f, 101), ==, 48);
  g_assert_cmpstr (f->last_post_ids, ==, "101046,101047,101048");
  g_assert_cmpuint (count_requests (f, "/t/101/posts.json"), ==, 1);
  g_assert_cmpuint (count_requests (f, "/latest.json"), ==, 2);   /* page 1 ends the walk */
  g_assert_cmpuint (count_requests (f, "/t/100.json"), ==, 0);    /* pinned, old */

  g_assert_cmpint (cursor_time (f, id, "latest"), ==, T0 + 10000 + 120);
  g_assert_cmpint (cursor_time (f, id, "topic:101"), ==, 101048);

  /* Nothing new: the walk reads the newest topic again, and nothing else. */
  g_ptr_array_set_size (f->requests, 0);
  summary = chorus_test_sync_now (f->rig.engine);
  g_assert_cmpuint (summary.posts_new, ==, 0);
  g_assert_cmpuint (count_requests (f, "/t/101/posts.json"), ==, 0);
}

/* A watched category: its list only, found through /categories.json. */
static void
test_category_filter (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = add_forum (f, USERNAME, KEY_ENV, "news", NULL);
  ChorusSyncSummary summary = chorus_test_sync_now (f->rig.engine);
  g_autofree char *all = chorus_store_dup_cursor (f->rig.store, id, "latest");

  g_assert_cmpuint (summary.sources_failed, ==, 0);
  g_assert_cmpuint (summary.posts_new, ==, 3 + 2);
  g_assert_cmpint (count_posts (f, 102), ==, 3);
  g_assert_cmpint (count_posts (f, 104), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM posts"), ==, 5);
  g_assert_cmpuint (count_requests (f, "/categories.json"), ==, 1);
  g_assert_cmpuint (count_requests (f, "/c/news/2/l/latest.json"), >=, 1);
  g_assert_cmpuint (count_requests (f, "/latest.json"), ==, 0);
  g_assert_cmpint (cursor_time (f, id, "latest:news"), ==, T0 + 5000 + 120);
  g_assert_null (all);
}

/* Search hits bring their topics, whole posts rather than excerpts; the
 * first sync reads one page of results, later ones what is newer. */
static void
test_keyword_search (Fixture       *f,
                     gconstpointer  data)
{
  gint64 id = add_forum (f, USERNAME, KEY_ENV, "news", "kettle");
  g_autofree char *text = NULL;
  sqlite3 *db;
  ChorusSyncSummary summary = chorus_test_sync_now (f->rig.engine);

  g_assert_cmpuint (summary.sources_failed, ==, 0);
  g_assert_cmpint (count_posts (f, 104), ==, 2);
  g_assert_cmpint (count_posts (f, 105), ==, 1);
  g_assert_cmpint (count_posts (f, 103), ==, 0);   /* on the second page of results */
  g_assert_cmpuint (count_requests (f, "/t/104.json"), ==, 1);   /* once, though found twice */
  g_assert_cmpint (cursor_time (f, id, "search:kettle"), ==, T0 + 320);

  db = chorus_test_db_open (f->rig.workspace.path, SQLITE_OPEN_READONLY, 1000);
  text = chorus_test_db_query_text (db, "SELECT text FROM posts WHERE uri LIKE '%/t/105/1'");
  sqlite3_close (db);
  g_assert_cmpstr (text, ==, "Post 1 of topic 105 about the kettle");

  /* A new hit in 103, which brings the whole topic. */
  add_posts (find_topic (f, 103), 1, T0 + 20000, "kettle");
  summary = chorus_test_sync_now (f->rig.engine);
  g_assert_cmpuint (summary.sources_failed, ==, 0);
  g_assert_cmpint (count_posts (f, 103), ==, 3);
  g_assert_cmpint (cursor_time (f, id, "search:kettle"), ==, T0 + 20000);
}

/* A refused key, or a key variable that is not set: the source needs
 * signing in again, and no message shows the key. */
static void
test_wrong_key (Fixture       *f,
                gconstpointer  data)
{
  gint64 id = add_forum (f, USERNAME, WRONG_KEY_ENV, NULL, NULL);
  gint64 unset = add_forum (f, "bob", UNSET_KEY_ENV, NULL, NULL);
  g_autoptr(ChorusSource) source = NULL;
  g_autoptr(ChorusSource) after = NULL;
  g_autoptr(ChorusSource) without_key = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ChorusSyncSummary summary;

  source = chorus_test_find_source (f->rig.store, id);
  chorus_discourse_sync_async (f->rig.store, f->rig.http, source, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  g_assert_false (chorus_pager_run_finish (result, NULL, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN);
  g_assert_null (strstr (error->message, WRONG_KEY));

  summary = chorus_test_sync_now (f->rig.engine);
  g_assert_cmpuint (summary.sources_failed, ==, 2);
  g_assert_cmpuint (summary.posts_new, ==, 0);
  without_key = chorus_test_find_source (f->rig.store, unset);
  g_assert_true (chorus_source_get_needs_reauth (without_key));
  after = chorus_test_find_source (f->rig.store, id);
  g_assert_true (chorus_source_get_needs_reauth (after));
  g_assert_nonnull (chorus_source_get_last_error (after));
  g_assert_null (strstr (chorus_source_get_last_error (after), WRONG_KEY));
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM posts"), ==, 0);
}

/* A topic moved to a category the account cannot read after the list
 * named it: the rest of the forum is read, the account is fine, and the
 * topic is tried again next time. */
static void
test_private_topic (Fixture       *f,
                    gconstpointer  data)
{
  gint64 id = add_forum (f, USERNAME, KEY_ENV, NULL, NULL);
  g_autoptr(ChorusSource) source = NULL;
  g_autofree char *cursor = NULL;
  ChorusSyncSummary summary;

  f->private_topic = 102;
  summary = chorus_test_sync_now (f->rig.engine);
  g_assert_cmpuint (summary.sources_failed, ==, 0);
  g_assert_cmpint (count_posts (f, 102), ==, 0);
  g_assert_cmpint (count_posts (f, 101), ==, 45);
  g_assert_cmpint (count_posts (f, 100), ==, 1);
  source = chorus_test_find_source (f->rig.store, id);
  g_assert_false (chorus_source_get_needs_reauth (source));
  g_assert_null (chorus_source_get_last_error (source));
  cursor = chorus_store_dup_cursor (f->rig.store, id, "topic:102");
  g_assert_null (cursor);

  f->private_topic = 0;
  summary = chorus_test_sync_now (f->rig.engine);
  g_assert_cmpuint (summary.sources_failed, ==, 0);
  g_assert_cmpint (count_posts (f, 102), ==, 3);
}

/* No account and no key: anonymous reads, without the headers. */
static void
test_anonymous (Fixture       *f,
                gconstpointer  data)
{
  ChorusSyncSummary summary;

  add_forum (f, NULL, NULL, NULL, NULL);
  summary = chorus_test_sync_now (f->rig.engine);

  g_assert_cmpuint (summary.sources_failed, ==, 0);
  g_assert_cmpuint (summary.posts_new, ==, 49);
  g_assert_cmpuint (f->requests->len, >, 0);
  g_assert_cmpuint (f->keyed_requests, ==, 0);
}

static const struct
{
  const char *path;
  void      (*func) (Fixture       *f,
                     gconstpointer  data);
} tests[] = {
  { "/chorus/sync-discourse/first-sync", test_first_sync },
  { "/chorus/sync-discourse/new-replies", test_new_replies },
  { "/chorus/sync-discourse/category-filter", test_category_filter },
  { "/chorus/sync-discourse/keyword-search", test_keyword_search },
  { "/chorus/sync-discourse/wrong-key", test_wrong_key },
  { "/chorus/sync-discourse/private-topic", test_private_topic },
  { "/chorus/sync-discourse/anonymous", test_anonymous },
};

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_setenv (KEY_ENV, KEY, TRUE);
  g_setenv (WRONG_KEY_ENV, WRONG_KEY, TRUE);
  g_unsetenv (UNSET_KEY_ENV);

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    g_test_add (tests[i].path, Fixture, NULL, fixture_set_up, tests[i].func, fixture_tear_down);

  return g_test_run ();
}
