/* test-mastodon.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Mastodon parsers against the recorded responses and documentation
 * examples in the corpus (each routed by its INDEX.json entry to the
 * parser for its endpoint), and against known values in a few of them;
 * hostile input is in test-mastodon-hostile.c. */

#include <string.h>

#include "chorus-mastodon-parse.h"
#include "chorus-test-parse.h"
#include "mastodon-test-parsers.h"

static gint64
unix_utc (const char *iso)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

/* Routing corpus files to endpoints */

typedef enum
{
  ENDPOINT_STATUS,
  ENDPOINT_STATUSES,
  ENDPOINT_NOTIFICATIONS,
  ENDPOINT_CONTEXT,
  ENDPOINT_SEARCH,
  ENDPOINT_POLL,
  ENDPOINT_OTHER,
  N_ENDPOINTS
} Endpoint;

static const char * const endpoint_names[] = {
  "status", "statuses", "notifications", "context", "search", "poll", "other",
};

static Endpoint
classify_request (const char *method,
                  const char *uri,
                  int         status)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  const char *path = parsed != NULL ? g_uri_get_path (parsed) : "";

  if (status != 200)
    return ENDPOINT_OTHER;
  if (g_regex_match_simple ("^/api/v1/statuses/[^/]+$", path, 0, 0) ||
      g_regex_match_simple ("^/api/v1/statuses/[^/]+/reblog$", path, 0, 0) ||
      (g_strcmp0 (method, "POST") == 0 && g_strcmp0 (path, "/api/v1/statuses") == 0))
    return ENDPOINT_STATUS;
  if (g_regex_match_simple ("^/api/v1/(timelines/.*|accounts/[^/]+/statuses)$", path, 0, 0))
    return ENDPOINT_STATUSES;
  if (g_regex_match_simple ("^/api/v[12]/notifications(/[0-9]+)?$", path, 0, 0))
    return ENDPOINT_NOTIFICATIONS;
  if (g_str_has_suffix (path, "/context"))
    return ENDPOINT_CONTEXT;
  if (g_strcmp0 (path, "/api/v2/search") == 0)
    return ENDPOINT_SEARCH;
  if (g_regex_match_simple ("^/api/v1/polls/[^/]+$", path, 0, 0))
    return ENDPOINT_POLL;

  return ENDPOINT_OTHER;
}

/* The docs say which method and response each example documents. */
static Endpoint
classify_example (JsonObject *example)
{
  const char *path = json_object_get_string_member_with_default (example, "source_path", "");
  const char *section = json_object_get_string_member_with_default (example, "section", "");
  const char *subsection = json_object_get_string_member_with_default (example, "subsection", "");

  if (g_str_has_suffix (path, "entities/Status.md") ||
      (g_strcmp0 (section, "View a single status") == 0 && g_str_has_prefix (subsection, "200")))
    return ENDPOINT_STATUS;
  if (g_strcmp0 (section, "View multiple statuses") == 0 && g_str_has_prefix (subsection, "200"))
    return ENDPOINT_STATUSES;
  if (g_str_has_suffix (path, "entities/Poll.md") ||
      (g_str_has_suffix (path, "methods/polls.md") && g_str_has_prefix (subsection, "200")))
    return ENDPOINT_POLL;

  return ENDPOINT_OTHER;
}

/* Parses @relative as @endpoint's payload: no error, sane posts, and at
 * least one post when the payload holds statuses. */
static void
check_endpoint_file (const char *relative,
                     Endpoint    endpoint)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(ChorusIncomingPoll) poll = NULL;
  g_autoptr(JsonNode) json = test_load_corpus_json (relative);
  gsize length;
  g_autofree char *data = test_read_corpus (relative, &length);
  gboolean empty = JSON_NODE_HOLDS_ARRAY (json) && json_array_get_length (json_node_get_array (json)) == 0;

  switch (endpoint)
    {
    case ENDPOINT_STATUS:
    case ENDPOINT_STATUSES:
      posts = chorus_mastodon_parse_statuses (data, length, &error);
      break;
    case ENDPOINT_NOTIFICATIONS:
      posts = chorus_mastodon_parse_notifications (data, length, &error);
      break;
    case ENDPOINT_CONTEXT:
      posts = chorus_mastodon_parse_context (data, length, NULL, &error);
      break;
    case ENDPOINT_SEARCH:
      posts = chorus_mastodon_parse_search (data, length, &error);
      break;
    case ENDPOINT_POLL:
      poll = chorus_mastodon_parse_poll (data, length, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (poll->options->len, >, 0);
      return;
    case ENDPOINT_OTHER:
    case N_ENDPOINTS:
    default:
      g_assert_not_reached ();
    }

  g_assert_no_error (error);
  test_assert_posts_sane (posts, "mastodon");
  if (!empty && endpoint != ENDPOINT_SEARCH)
    g_assert_cmpuint (posts->len, >, 0);
}

static void
report_counts (const char  *folder,
               const guint *counts)
{
  for (guint i = 0; i < N_ENDPOINTS; i++)
    g_test_message ("%s: %u %s file(s)", folder, counts[i], endpoint_names[i]);
}

static void
test_corpus_recorded (void)
{
  g_autoptr(JsonNode) index = test_load_corpus_json ("mastodon/real/INDEX.json");
  JsonArray *responses = json_object_get_array_member (json_node_get_object (index), "responses");
  guint counts[N_ENDPOINTS] = { 0 };

  for (guint i = 0; i < json_array_get_length (responses); i++)
    {
      JsonObject *entry = json_array_get_object_element (responses, i);
      g_autofree char *relative = g_build_filename ("mastodon/real",
                                                    json_object_get_string_member (entry, "file"), NULL);
      Endpoint endpoint = classify_request (json_object_get_string_member (entry, "method"),
                                            json_object_get_string_member (entry, "uri"),
                                            json_object_get_int_member (entry, "status"));

      counts[endpoint]++;
      if (endpoint != ENDPOINT_OTHER)
        check_endpoint_file (relative, endpoint);
    }

  report_counts ("mastodon/real", counts);
  g_assert_cmpuint (counts[ENDPOINT_STATUS], >=, 15);
  g_assert_cmpuint (counts[ENDPOINT_STATUSES], >=, 7);
  g_assert_cmpuint (counts[ENDPOINT_NOTIFICATIONS], >=, 7);
  g_assert_cmpuint (counts[ENDPOINT_CONTEXT], ==, 1);
  g_assert_cmpuint (counts[ENDPOINT_SEARCH], ==, 2);
  g_assert_cmpuint (counts[ENDPOINT_POLL], ==, 1);
}

static void
test_corpus_docs (void)
{
  g_autoptr(JsonNode) index = test_load_corpus_json ("mastodon/docs/INDEX.json");
  JsonArray *examples = json_object_get_array_member (json_node_get_object (index), "examples");
  guint counts[N_ENDPOINTS] = { 0 };

  for (guint i = 0; i < json_array_get_length (examples); i++)
    {
      JsonObject *entry = json_array_get_object_element (examples, i);
      g_autofree char *relative = g_build_filename ("mastodon/docs",
                                                    json_object_get_string_member (entry, "file"), NULL);
      Endpoint endpoint = classify_example (entry);

      counts[endpoint]++;
      if (endpoint != ENDPOINT_OTHER)
        check_endpoint_file (relative, endpoint);
    }

  report_counts ("mastodon/docs", counts);
  g_assert_cmpuint (counts[ENDPOINT_STATUS], ==, 2);
  g_assert_cmpuint (counts[ENDPOINT_STATUSES], ==, 1);
  g_assert_cmpuint (counts[ENDPOINT_POLL], ==, 3);
}

/* A streaming event holds its status as a JSON string inside JSON. */
static void
test_corpus_streaming (void)
{
  g_autoptr(JsonNode) event = test_load_corpus_json ("mastodon/docs/streaming_update_event.json");
  const char *payload = json_object_get_string_member (json_node_get_object (event), "payload");

  g_assert_cmpint (test_parse_checked (chorus_mastodon_parse_statuses, payload, -1, "mastodon"), ==, 1);
}

/* Whatever a file answers, no parser crashes on it. */
static void
test_corpus_every_parser (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (mastodon_test_post_parsers); i++)
    {
      guint accepted = test_parse_whole_corpus (mastodon_test_post_parsers[i], "mastodon");

      g_test_message ("parser %u accepted %u corpus files", i, accepted);
    }
}

/* Known values */

static ChorusIncomingPost *
parse_one (const char *relative)
{
  gsize length;
  g_autofree char *data = test_read_corpus (relative, &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = chorus_mastodon_parse_statuses (data, length, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 1);
  return g_ptr_array_steal_index (posts, 0);
}

static void
test_status_remote_poll (void)
{
  g_autoptr(ChorusIncomingPost) post = parse_one ("mastodon/real/status_remote_poll_multiple_custom_emoji.json");
  const char *titles[] = { "real", "fr fr", "so true", ":hecker:" };
  const gint64 votes[] = { 8, 17, 14, 25 };

  g_assert_cmpstr (post->uri, ==, "https://icosahedron.website/users/halcy/statuses/110446382983698223");
  g_assert_cmpstr (post->url, ==, "https://icosahedron.website/@halcy/110446382983698223");
  g_assert_cmpstr (post->remote_id, ==, "110446383900387196");
  g_assert_cmpstr (post->author->handle, ==, "halcy");
  g_assert_cmpstr (post->author->server, ==, "icosahedron.website");
  g_assert_cmpstr (post->author->profile_url, ==, "https://icosahedron.website/@halcy");
  g_assert_cmpint (post->created_at, ==, unix_utc ("2023-05-28T12:47:40Z"));
  g_assert_cmpint (post->edited_at, ==, unix_utc ("2023-05-28T12:51:38Z"));
  g_assert_cmpstr (post->language, ==, "en");
  g_assert_nonnull (strstr (post->text, "secret test poll"));
  g_assert_null (post->title);
  g_assert_cmpint (post->reply_count, ==, 2);
  g_assert_cmpint (post->repost_count, ==, 1);
  g_assert_cmpint (post->like_count, ==, 0);
  g_assert_null (post->reply_to_uri);
  g_assert_cmpstr (post->root_uri, ==, post->uri);

  g_assert_nonnull (post->poll);
  g_assert_cmpstr (post->poll->remote_id, ==, "495482");
  g_assert_true (post->poll->multiple);
  g_assert_cmpint (post->poll->voters_count, ==, 47);
  g_assert_cmpint (post->poll->expires_at, ==, unix_utc ("2023-05-29T12:51:38Z"));
  g_assert_cmpuint (post->poll->options->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      ChorusIncomingPollOption *option = g_ptr_array_index (post->poll->options, i);

      g_assert_cmpstr (option->title, ==, titles[i]);
      g_assert_cmpint (option->votes, ==, votes[i]);
    }
}

/* A local account's acct has no domain: the server comes from its URL. */
static void
test_status_local (void)
{
  g_autoptr(ChorusIncomingPost) post = parse_one ("mastodon/real/status_local_poll_single_edited.json");

  g_assert_cmpstr (post->author->handle, ==, "halcy");
  g_assert_cmpstr (post->author->server, ==, "mastodon.social");
  g_assert_cmpstr (post->text, ==, "test?");
  g_assert_cmpint (post->created_at, ==, unix_utc ("2023-05-28T11:57:00Z"));
  g_assert_false (post->poll->multiple);
  g_assert_cmpint (post->poll->voters_count, ==, 0);
}

static void
test_status_media_and_warning (void)
{
  g_autoptr(ChorusIncomingPost) gifv = parse_one ("mastodon/real/status_remote_gifv_cw_filtered_mentions_tags.json");
  g_autoptr(ChorusIncomingPost) image = parse_one ("mastodon/real/status_image_focus_reply_sensitive.json");
  ChorusIncomingMedia *media;

  g_assert_cmpstr (gifv->title, ==, "test post for mastodon.py stuff");
  g_assert_cmpstr (gifv->language, ==, "de");
  g_assert_cmpuint (gifv->media->len, ==, 1);
  media = g_ptr_array_index (gifv->media, 0);
  g_assert_cmpstr (media->kind, ==, "video");
  g_assert_cmpint (media->width, ==, 640);
  g_assert_cmpint (media->height, ==, 360);

  media = g_ptr_array_index (image->media, 0);
  g_assert_cmpstr (media->kind, ==, "image");
  g_assert_cmpstr (media->alt_text, ==, "furry cube");
  g_assert_cmpint (media->width, ==, 1280);
  g_assert_nonnull (media->preview_url);
  /* A reply whose parent is not in the response: unlinked, no root. */
  g_assert_null (image->reply_to_uri);
  g_assert_null (image->root_uri);
}

/* A boost is the boosted status, once. */
static void
test_status_reblog (void)
{
  g_autoptr(ChorusIncomingPost) post = parse_one ("mastodon/real/status_reblog.json");

  g_assert_cmpstr (post->uri, ==, "http://localhost:3000/ap/users/117020566092212359/statuses/117020569685834492");
  g_assert_cmpstr (post->author->handle, ==, "mastodonpy_test_2");
  g_assert_cmpstr (post->author->server, ==, "localhost");
}

static void
test_notifications (void)
{
  const struct { const char *file; guint n_posts; } cases[] = {
    /* 40 mentions, all but one of whose statuses are null (gone). */
    { "mastodon/real/notifications_v1_mastodon_social.json", 1 },
    { "mastodon/real/notifications_v2_grouped_mastodon_social.json", 1 },
    { "mastodon/real/notifications_v2_grouped_page1.json", 5 },
    { "mastodon/real/notification_single.json", 1 },
    { "mastodon/real/notifications_v1_local.json", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length;
      g_autofree char *data = test_read_corpus (cases[i].file, &length);

      g_assert_cmpint (test_parse_checked (chorus_mastodon_parse_notifications, data, length, "mastodon"),
                       ==, cases[i].n_posts);
    }

  /* Favourites and follows give nothing. */
  g_assert_cmpint (test_parse_checked (chorus_mastodon_parse_notifications,
                                       "[{\"type\": \"favourite\", \"status\": null}, {\"type\": \"follow\"}]", -1,
                                       "mastodon"), ==, 0);
}

static void
test_search (void)
{
  gsize length;
  g_autofree char *data = test_read_corpus ("mastodon/real/search_v2_accounts_statuses_hashtags.json", &length);

  g_assert_cmpint (test_parse_checked (chorus_mastodon_parse_search, data, length, "mastodon"), ==, 2);
}

/* The context names the focal status's parents and replies; links that
 * go through the focal status resolve once it is given. */
static void
test_context (void)
{
  const char *ancestor = "https://mastodon.social/users/halcy/statuses/110446983178245440";
  const char *descendant = "https://mastodon.social/users/halcy/statuses/110446984249325790";
  const char *focal_uri = "https://mastodon.social/users/halcy/statuses/110446983926957470";
  g_autoptr(ChorusIncomingPost) focal = chorus_incoming_post_new ("mastodon");
  g_autoptr(GPtrArray) alone = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *data = test_read_corpus ("mastodon/real/context_private_thread.json", &length);
  ChorusIncomingPost *post;

  alone = chorus_mastodon_parse_context (data, length, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alone->len, ==, 2);
  post = g_ptr_array_index (alone, 1);
  g_assert_cmpstr (post->uri, ==, descendant);
  g_assert_null (post->reply_to_uri);
  g_assert_null (post->root_uri);

  focal->uri = g_strdup (focal_uri);
  focal->remote_id = g_strdup ("110446983926957470");
  posts = chorus_mastodon_parse_context (data, length, focal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 2);

  post = g_ptr_array_index (posts, 0);
  g_assert_cmpstr (post->uri, ==, ancestor);
  g_assert_null (post->reply_to_uri);
  g_assert_cmpstr (post->root_uri, ==, ancestor);
  g_assert_cmpstr (focal->reply_to_uri, ==, ancestor);
  g_assert_cmpstr (focal->root_uri, ==, ancestor);
  post = g_ptr_array_index (posts, 1);
  g_assert_cmpstr (post->reply_to_uri, ==, focal_uri);
  g_assert_cmpstr (post->root_uri, ==, ancestor);
}

/* Replies link to parents in the same response; a boost of a status that
 * is also there counts once; a cycle of replies has no root. */
static void
test_statuses_linked (void)
{
  const char *json =
    "[{\"id\":\"1\",\"uri\":\"https://a.example/1\",\"created_at\":\"2024-01-01T00:00:00.000Z\","
    "  \"in_reply_to_id\":null,\"account\":{\"acct\":\"ana\",\"url\":\"https://a.example/@ana\"}},"
    " {\"id\":\"2\",\"uri\":\"https://b.example/2\",\"created_at\":\"2024-01-01T00:01:00Z\","
    "  \"in_reply_to_id\":\"1\",\"account\":{\"acct\":\"bo@B.Example\"}},"
    " {\"id\":\"9\",\"uri\":\"https://a.example/9/activity\",\"created_at\":\"2024-01-02T00:00:00Z\","
    "  \"account\":{\"acct\":\"cy\"},\"reblog\":{\"id\":\"1\",\"uri\":\"https://a.example/1\","
    "  \"created_at\":\"2024-01-01T00:00:00Z\",\"account\":{\"acct\":\"ana\"}}},"
    " {\"id\":\"3\",\"uri\":\"https://a.example/3\",\"created_at\":\"2024-01-01T00:02:00Z\","
    "  \"in_reply_to_id\":\"2\",\"account\":{\"acct\":\"ana\"}},"
    " {\"id\":\"7\",\"uri\":\"https://a.example/7\",\"created_at\":\"2024-01-01T00:00:00Z\","
    "  \"in_reply_to_id\":\"8\",\"account\":{\"acct\":\"ana\"}},"
    " {\"id\":\"8\",\"uri\":\"https://a.example/8\",\"created_at\":\"2024-01-01T00:00:00Z\","
    "  \"in_reply_to_id\":\"7\",\"account\":{\"acct\":\"ana\"}}]";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = chorus_mastodon_parse_statuses (json, -1, &error);
  ChorusIncomingPost *reply;

  g_assert_no_error (error);
  test_assert_posts_sane (posts, "mastodon");
  g_assert_cmpuint (posts->len, ==, 5);
  reply = g_ptr_array_index (posts, 1);
  g_assert_cmpstr (reply->author->server, ==, "b.example");
  g_assert_cmpstr (reply->reply_to_uri, ==, "https://a.example/1");
  g_assert_cmpstr (reply->root_uri, ==, "https://a.example/1");
  reply = g_ptr_array_index (posts, 2);
  g_assert_cmpstr (reply->reply_to_uri, ==, "https://b.example/2");
  g_assert_cmpstr (reply->root_uri, ==, "https://a.example/1");
  reply = g_ptr_array_index (posts, 3);
  g_assert_cmpstr (reply->reply_to_uri, ==, "https://a.example/8");
  g_assert_null (reply->root_uri);
}

static void
test_poll (void)
{
  gsize length;
  g_autofree char *data = test_read_corpus ("mastodon/real/poll_after_vote.json", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusIncomingPoll) poll = chorus_mastodon_parse_poll (data, length, &error);
  g_autoptr(ChorusIncomingPoll) hidden = NULL;
  ChorusIncomingPollOption *option;

  g_assert_no_error (error);
  g_assert_true (poll->multiple);
  g_assert_cmpint (poll->voters_count, ==, 1);
  option = g_ptr_array_index (poll->options, 1);
  g_assert_cmpstr (option->title, ==, "sixty-nine");
  g_assert_cmpint (option->votes, ==, 1);

  hidden = chorus_mastodon_parse_poll ("{\"id\":\"5\",\"multiple\":true,\"voters_count\":null,"
                                       "\"options\":[{\"title\":\"a\",\"votes_count\":null}]}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hidden->voters_count, ==, -1);
  g_assert_cmpint (((ChorusIncomingPollOption *) hidden->options->pdata[0])->votes, ==, -1);

  g_assert_null (chorus_mastodon_parse_poll ("{\"error\":\"Record not found\"}", -1, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
}

/* Instance, app and token */

static void
test_instance (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusMastodonLimits) v2 = NULL;
  g_autoptr(ChorusMastodonLimits) akkoma = NULL;
  g_autoptr(ChorusMastodonLimits) bare = NULL;

  v2 = chorus_mastodon_parse_instance ("{\"domain\":\"social.example\",\"configuration\":{"
                                       "\"statuses\":{\"max_characters\":5000},"
                                       "\"polls\":{\"max_options\":8,\"max_characters_per_option\":100,"
                                       "\"min_expiration\":60,\"max_expiration\":604800}}}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (v2->max_characters, ==, 5000);
  g_assert_cmpint (v2->max_poll_options, ==, 8);
  g_assert_cmpint (v2->max_characters_per_option, ==, 100);
  g_assert_cmpint (v2->min_poll_expiration, ==, 60);
  g_assert_cmpint (v2->max_poll_expiration, ==, 604800);

  akkoma = chorus_mastodon_parse_instance ("{\"uri\":\"https://akkoma.example\",\"max_toot_chars\":\"7000\","
                                           "\"poll_limits\":{\"max_options\":20,\"max_option_chars\":200}}",
                                           -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (akkoma->max_characters, ==, 7000);
  g_assert_cmpint (akkoma->max_poll_options, ==, 20);
  g_assert_cmpint (akkoma->max_characters_per_option, ==, 200);
  g_assert_cmpint (akkoma->min_poll_expiration, ==, 300);

  /* What the server does not say, or says wrongly, keeps the default. */
  bare = chorus_mastodon_parse_instance ("{\"domain\":\"x.example\",\"configuration\":{\"statuses\":"
                                         "{\"max_characters\":-5},\"polls\":[]}}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bare->max_characters, ==, 500);
  g_assert_cmpint (bare->max_poll_options, ==, 4);
  g_assert_cmpint (bare->max_poll_expiration, ==, 2629746);

  g_assert_null (chorus_mastodon_parse_instance ("{\"error\":\"Not found\"}", -1, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
}

static void
test_app_and_token (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusMastodonApp) app = NULL;
  g_autoptr(ChorusMastodonToken) token = NULL;
  const char *bad_apps[] = {
    "{\"client_id\":\"abc\"}", "{\"client_id\":\"abc\",\"client_secret\":42}",
    "{\"client_id\":\"abc\",\"client_secret\":\"se cret\"}", "[]", "\"abc\"",
    "{\"client_id\":\"abc\",\"client_secret\":\"s\\u00e9cret\"}",
  };

  app = chorus_mastodon_parse_app ("{\"id\":\"563419\",\"name\":\"Chorus\",\"client_id\":\"test-client-id_0123\","
                                   "\"client_secret\":\"test-client-secret_4567\"}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (app->client_id, ==, "test-client-id_0123");
  g_assert_cmpstr (app->client_secret, ==, "test-client-secret_4567");

  for (guint i = 0; i < G_N_ELEMENTS (bad_apps); i++)
    {
      g_autoptr(ChorusMastodonApp) bad = chorus_mastodon_parse_app (bad_apps[i], -1, &error);

      g_assert_null (bad);
      g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
      g_clear_error (&error);
    }

  token = chorus_mastodon_parse_token ("{\"access_token\":\"test-access-token_89ab\","
                                       "\"token_type\":\"Bearer\",\"scope\":\"read write\","
                                       "\"created_at\":1573979017}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token->token_type, ==, "Bearer");
  g_assert_cmpstr (token->scope, ==, "read write");
  g_assert_cmpint (token->created_at, ==, 1573979017);
  g_clear_pointer (&token, chorus_mastodon_token_free);

  token = chorus_mastodon_parse_token ("{\"access_token\":\"abc\"}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token->token_type, ==, "Bearer");
  g_assert_null (token->scope);
  g_clear_pointer (&token, chorus_mastodon_token_free);

  token = chorus_mastodon_parse_token ("{\"error\":\"invalid_grant\",\"error_description\":\"The provided "
                                       "authorization grant is invalid\"}", -1, &error);
  g_assert_null (token);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
}

/* Link headers */

static void
assert_link (const char *header,
             const char *next,
             const char *prev)
{
  g_autofree char *found_next = NULL;
  g_autofree char *found_prev = NULL;
  gboolean any = chorus_parse_link_header (header, &found_next, &found_prev);

  g_assert_cmpstr (found_next, ==, next);
  g_assert_cmpstr (found_prev, ==, prev);
  g_assert_true (any == (next != NULL || prev != NULL));
}

/* The URL in @header right before @rel, found the simple way. */
static char *
expected_url (const char *header,
              const char *rel)
{
  g_autofree char *pattern = g_strdup_printf ("<([^>]*)>; *rel=\"%s\"", rel);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  return g_regex_match (regex, header, 0, &match) ? g_match_info_fetch (match, 1) : NULL;
}

static void
test_link_headers (void)
{
  g_autoptr(JsonNode) real = test_load_corpus_json ("mastodon/real/link_headers_all.json");
  g_autoptr(JsonNode) docs = test_load_corpus_json ("mastodon/docs/link_headers_docs.json");
  JsonArray *links = json_node_get_array (real);
  JsonArray *doc_links = json_object_get_array_member (json_node_get_object (docs), "links");
  guint n_next = 0;
  guint n_prev = 0;

  for (guint i = 0; i < json_array_get_length (links); i++)
    {
      const char *header = json_object_get_string_member (json_array_get_object_element (links, i), "link");
      g_autofree char *next = expected_url (header, "next");
      g_autofree char *prev = expected_url (header, "prev");

      assert_link (header, next, prev);
      n_next += next != NULL;
      n_prev += prev != NULL;
    }
  g_test_message ("%u real Link headers: %u next, %u prev", json_array_get_length (links), n_next, n_prev);
  g_assert_cmpuint (json_array_get_length (links), ==, 77);
  g_assert_cmpuint (n_prev, >, n_next);

  for (guint i = 0; i < json_array_get_length (doc_links); i++)
    {
      const char *line = json_object_get_string_member (json_array_get_object_element (doc_links, i), "header");
      g_autofree char *next = NULL;
      g_autofree char *prev = NULL;

      g_assert_true (g_str_has_prefix (line, "Link: "));
      g_assert_true (chorus_parse_link_header (line + 6, &next, &prev));
      g_assert_nonnull (next);
    }

  /* The docs' quirks: a link without rel, a stray `;`. */
  assert_link ("<https://mastodon.example/api/v1/notifications?max_id=34975535>; rel=\"next\", "
               "<https://mastodon.example/api/v1/notifications?min_id=34975861>;",
               "https://mastodon.example/api/v1/notifications?max_id=34975535", NULL);
  assert_link ("<https://m.example/a?max_id=1>; rel=\"next\", <https://m.example/a?min_id=2>; rel=\"prev\";",
               "https://m.example/a?max_id=1", "https://m.example/a?min_id=2");
  assert_link ("<https://m.example/a?min_id=2>; REL=prev", NULL, "https://m.example/a?min_id=2");
  assert_link ("<https://m.example/b>; rel=next, <https://m.example/a>; title=\"x\"; rel=prev",
               "https://m.example/b", "https://m.example/a");
  assert_link ("<https://m.example/a?x=1,2>; rel=\"next last\"", "https://m.example/a?x=1,2", NULL);
  assert_link ("<javascript:alert(1)>; rel=\"next\"", NULL, NULL);
  assert_link ("<https://m.example/a; rel=\"next\"", NULL, NULL);
  assert_link ("", NULL, NULL);
  assert_link (NULL, NULL, NULL);
  g_assert_true (chorus_parse_link_header ("<https://m.example/a>; rel=\"next\"", NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chorus/mastodon/corpus/recorded", test_corpus_recorded);
  g_test_add_func ("/chorus/mastodon/corpus/docs", test_corpus_docs);
  g_test_add_func ("/chorus/mastodon/corpus/streaming", test_corpus_streaming);
  g_test_add_func ("/chorus/mastodon/corpus/every-parser", test_corpus_every_parser);
  g_test_add_func ("/chorus/mastodon/status/remote-poll", test_status_remote_poll);
  g_test_add_func ("/chorus/mastodon/status/local", test_status_local);
  g_test_add_func ("/chorus/mastodon/status/media-and-warning", test_status_media_and_warning);
  g_test_add_func ("/chorus/mastodon/status/reblog", test_status_reblog);
  g_test_add_func ("/chorus/mastodon/statuses/linked", test_statuses_linked);
  g_test_add_func ("/chorus/mastodon/notifications", test_notifications);
  g_test_add_func ("/chorus/mastodon/search", test_search);
  g_test_add_func ("/chorus/mastodon/context", test_context);
  g_test_add_func ("/chorus/mastodon/poll", test_poll);
  g_test_add_func ("/chorus/mastodon/instance", test_instance);
  g_test_add_func ("/chorus/mastodon/app-and-token", test_app_and_token);
  g_test_add_func ("/chorus/mastodon/link-headers", test_link_headers);

  return g_test_run ();
}
