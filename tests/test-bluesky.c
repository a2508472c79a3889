/* test-bluesky.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Bluesky (AT Protocol) parsers against the recorded AppView
 * responses (routed by INDEX_bskyr.json), the post records of the docs,
 * known values, threads, sessions, and hostile facets and payloads. */

#include <string.h>

#include "chorus-bluesky-parse.h"
#include "chorus-parse-json-private.h"
#include "chorus-test-parse.h"

static GPtrArray *
parse_posts (const char  *data,
             gssize       length,
             GError     **error)
{
  return chorus_bluesky_parse_posts (data, length, NULL, error);
}

static GPtrArray *
parse_notifications (const char  *data,
                     gssize       length,
                     GError     **error)
{
  return chorus_bluesky_parse_notifications (data, length, NULL, error);
}

static const TestParsePosts post_parsers[] = {
  parse_posts,
  parse_notifications,
  chorus_bluesky_parse_thread,
};

/* The corpus */

/* Which parser reads a recorded response, from its XRPC method. */
static TestParsePosts
parser_for_method (const char *uri)
{
  if (strstr (uri, "/app.bsky.feed.searchPosts") || strstr (uri, "/app.bsky.feed.getPosts?") ||
      strstr (uri, "/app.bsky.feed.getQuotes") || strstr (uri, "/app.bsky.feed.getTimeline") ||
      strstr (uri, "/app.bsky.feed.getAuthorFeed"))
    return parse_posts;
  if (strstr (uri, "/app.bsky.notification.listNotifications"))
    return parse_notifications;
  if (strstr (uri, "/app.bsky.feed.getPostThread"))
    return chorus_bluesky_parse_thread;

  return NULL;
}

static void
test_corpus_recorded (void)
{
  g_autoptr(JsonNode) index = test_load_corpus_json ("bluesky/real/INDEX_bskyr.json");
  JsonArray *responses = json_object_get_array_member (json_node_get_object (index), "responses");
  guint handled = 0;
  guint posts = 0;

  for (guint i = 0; i < json_array_get_length (responses); i++)
    {
      JsonObject *entry = json_array_get_object_element (responses, i);
      TestParsePosts parse = parser_for_method (json_object_get_string_member (entry, "uri"));
      g_autofree char *relative = g_build_filename ("bluesky/real", json_object_get_string_member (entry, "file"),
                                                    NULL);
      gsize length;
      g_autofree char *data = test_read_corpus (relative, &length);
      int n;

      if (parse == NULL || json_object_get_int_member (entry, "status") != 200)
        continue;

      n = test_parse_checked (parse, data, length, "bluesky");
      g_assert_cmpint (n, >, 0);
      handled++;
      posts += n;
    }

  g_test_message ("bluesky/real: %u of %u recorded responses parsed, %u posts", handled,
                  json_array_get_length (responses), posts);
  g_assert_cmpuint (handled, ==, 7);
}

/* The Python SDK's capture is a thread, and records are what facets index. */
static void
test_corpus_records (void)
{
  const char *records[] = {
    "bluesky/docs/record_minimal.json", "bluesky/docs/record_langs_thai_escaped_newline.json",
    "bluesky/docs/record_facets_mention_link_emoji_bytes.json", "bluesky/docs/record_reply_root_parent.json",
    "bluesky/docs/record_quote_embed.json", "bluesky/docs/record_two_images_aspectratio.json",
    "bluesky/docs/record_external_card.json",
  };
  g_autoptr(JsonNode) listed = test_load_corpus_json ("bluesky/real/listRecords_posts.json");
  JsonArray *items = json_object_get_array_member (json_node_get_object (listed), "records");
  gsize length;
  g_autofree char *thread = test_read_corpus ("bluesky/real/marshalx_thread_view_post_with_embed_media.json", &length);

  g_assert_cmpint (test_parse_checked (chorus_bluesky_parse_thread, thread, length, "bluesky"), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      g_autoptr(JsonNode) record = test_load_corpus_json (records[i]);
      JsonObject *object = json_node_get_object (record);
      JsonArray *facets = _chorus_json_get_array (object, "facets");
      g_autofree char *markup = chorus_bluesky_facets_to_markup (json_object_get_string_member (object, "text"),
                                                                 facets);

      chorus_test_assert_markup (markup);
    }

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *value = json_object_get_object_member (json_array_get_object_element (items, i), "value");
      JsonArray *facets = _chorus_json_get_array (value, "facets");
      g_autofree char *markup = chorus_bluesky_facets_to_markup (json_object_get_string_member (value, "text"),
                                                                 facets);

      chorus_test_assert_markup (markup);
    }

  g_test_message ("%u doc records and %u listed records through facets", (guint) G_N_ELEMENTS (records),
                  json_array_get_length (items));
}

static void
test_corpus_every_parser (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (post_parsers); i++)
    {
      guint accepted = test_parse_whole_corpus (post_parsers[i], "bluesky");

      g_test_message ("parser %u accepted %u corpus files", i, accepted);
    }
}

/* Known values */

static void
test_thread_single (void)
{
  gsize length;
  g_autofree char *data = test_read_corpus ("bluesky/real/getPostThread_single.json", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = chorus_bluesky_parse_thread (data, length, &error);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2023, 9, 19, 11, 32, 54.574);
  ChorusIncomingPost *post;
  ChorusIncomingMedia *media;

  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 1);
  post = g_ptr_array_index (posts, 0);
  g_assert_cmpstr (post->uri, ==, "at://did:plc:ic6zqvuw5ulmfpjiwnhsr2ns/app.bsky.feed.post/3k7qmjev5lr2s");
  g_assert_cmpstr (post->remote_id, ==, "bafyreifk6pyilxkm7vcingnkdbzueaftqg54i3al4zbh5p3jy3pryfkc3a");
  g_assert_cmpstr (post->url, ==, "https://bsky.app/profile/soubhikbarari.bsky.social/post/3k7qmjev5lr2s");
  g_assert_cmpstr (post->author->handle, ==, "soubhikbarari.bsky.social");
  g_assert_cmpstr (post->author->server, ==, "");
  g_assert_cmpstr (post->author->display_name, ==, "Soubhik Barari");
  g_assert_cmpstr (post->author->profile_url, ==, "https://bsky.app/profile/soubhikbarari.bsky.social");
  g_assert_cmpint (post->created_at, ==, g_date_time_to_unix (created));
  g_assert_cmpstr (post->language, ==, "en");
  g_assert_true (g_str_has_prefix (post->text, "Excited to be a speaker for the \n@rstatsai"));
  g_assert_nonnull (strstr (post->markup, "(<a href=\"http://localview.net\">localview.net</a>)"));
  g_assert_true (g_str_has_suffix (post->markup, "\n\n<a href=\"https://rstats.ai/gov.html\">rstats.ai/gov.html</a>"));
  g_assert_nonnull (strstr (post->markup, "I&apos;ll"));
  g_assert_cmpint (post->like_count, ==, 4);
  g_assert_cmpint (post->repost_count, ==, 0);
  g_assert_cmpstr (post->root_uri, ==, post->uri);
  g_assert_null (post->reply_to_uri);
  g_assert_cmpuint (post->media->len, ==, 1);
  media = g_ptr_array_index (post->media, 0);
  g_assert_cmpstr (media->kind, ==, "image");
  g_assert_true (g_str_has_prefix (media->url, "https://cdn.bsky.app/img/feed_fullsize/"));
  g_assert_true (g_str_has_prefix (media->preview_url, "https://cdn.bsky.app/img/feed_thumbnail/"));
}

/* Facets count UTF-8 bytes: the emoji before the link are 4 and 18 bytes. */
static void
test_facets_bytes (void)
{
  g_autoptr(JsonNode) record = test_load_corpus_json ("bluesky/docs/record_facets_mention_link_emoji_bytes.json");
  JsonObject *object = json_node_get_object (record);
  g_autofree char *markup = chorus_bluesky_facets_to_markup (json_object_get_string_member (object, "text"),
                                                             json_object_get_array_member (object, "facets"));

  g_assert_cmpstr (markup, ==,
                   "\xe2\x9c\xa8 example mentioning "
                   "<a href=\"https://bsky.app/profile/did:plc:ewvi7nxzyoun6zhxrhs64oiz\">@atproto.com</a>"
                   " to share the URL \xf0\x9f\x91\xa8\xe2\x80\x8d\xe2\x9d\xa4\xef\xb8\x8f\xe2\x80\x8d\xf0\x9f\x91\xa8 "
                   "<a href=\"https://en.wikipedia.org/wiki/CBOR\">https://en.wikipedia.org/wiki/CBOR</a>.");
}

static void
test_search_and_tags (void)
{
  gsize length;
  g_autofree char *data = test_read_corpus ("bluesky/real/searchPosts_q_redistricting.json", &length);
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  g_autoptr(GPtrArray) posts = chorus_bluesky_parse_posts (data, length, &cursor, &error);
  gboolean found_tag = FALSE;

  g_assert_no_error (error);
  test_assert_posts_sane (posts, "bluesky");
  g_assert_cmpuint (posts->len, ==, 25);
  g_assert_cmpstr (cursor, ==, "25");

  for (guint i = 0; i < posts->len; i++)
    {
      ChorusIncomingPost *post = g_ptr_array_index (posts, i);

      if (g_strcmp0 (post->uri, "at://did:plc:7nagdvjqrzaquzk7mueohne5/app.bsky.feed.post/3lpica7sxmk2u") == 0)
        found_tag = strstr (post->markup, "<a href=\"https://bsky.app/hashtag/txlege\">#txlege</a>") != NULL;
    }
  g_assert_true (found_tag);
}

static void
test_notifications (void)
{
  gsize length;
  g_autofree char *data = test_read_corpus ("bluesky/real/listNotifications.json", &length);
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  g_autoptr(GPtrArray) posts = chorus_bluesky_parse_notifications (data, length, &cursor, &error);

  g_assert_no_error (error);
  test_assert_posts_sane (posts, "bluesky");
  /* 11 mentions and 7 quotes; the 32 likes, follows and reposts give nothing. */
  g_assert_cmpuint (posts->len, ==, 18);
  g_assert_cmpstr (cursor, ==, "2024-12-19T06:43:45.863Z");
}

/* A thread built by hand: a missing grandparent ends the parent chain,
 * a blocked reply ends its branch, nested replies come depth-first. */
static void
test_thread_tree (void)
{
#define AUTHOR "\"author\":{\"did\":\"did:plc:abc\",\"handle\":\"Ana.Example.com\"}"
#define POST(rkey, reply) \
  "{\"$type\":\"app.bsky.feed.defs#threadViewPost\",\"post\":{\"uri\":\"at://did:plc:abc/app.bsky.feed.post/" rkey \
  "\"," AUTHOR ",\"record\":{\"text\":\"" rkey "\",\"createdAt\":\"2024-05-01T10:00:00Z\"" reply "}}"
#define REPLY(root, parent) ",\"reply\":{\"root\":{\"uri\":\"at://did:plc:abc/app.bsky.feed.post/" root \
  "\"},\"parent\":{\"uri\":\"at://did:plc:abc/app.bsky.feed.post/" parent "\"}}"
  const char *json =
    "{\"thread\":" POST ("c", REPLY ("a", "b"))
    ",\"parent\":" POST ("b", REPLY ("a", "a")) ",\"parent\":{\"$type\":\"app.bsky.feed.defs#notFoundPost\","
    "\"uri\":\"at://did:plc:abc/app.bsky.feed.post/a\",\"notFound\":true}},"
    "\"replies\":[" POST ("d", REPLY ("a", "c")) ",\"replies\":[" POST ("e", REPLY ("a", "d")) "}]},"
    "{\"$type\":\"app.bsky.feed.defs#blockedPost\",\"uri\":\"at://did:plc:x/app.bsky.feed.post/z\",\"blocked\":true},"
    "" POST ("f", REPLY ("a", "c")) "}, 42, null]}}";
  const char *order[] = { "b", "c", "d", "e", "f" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = chorus_bluesky_parse_thread (json, -1, &error);
  g_autoptr(GPtrArray) gone = NULL;

  g_assert_no_error (error);
  test_assert_posts_sane (posts, "bluesky");
  g_assert_cmpuint (posts->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < posts->len; i++)
    {
      ChorusIncomingPost *post = g_ptr_array_index (posts, i);

      g_assert_cmpstr (post->text, ==, order[i]);
      g_assert_cmpstr (post->root_uri, ==, "at://did:plc:abc/app.bsky.feed.post/a");
      g_assert_cmpstr (post->author->handle, ==, "ana.example.com");
    }
  g_assert_cmpstr (((ChorusIncomingPost *) posts->pdata[3])->reply_to_uri, ==,
                   "at://did:plc:abc/app.bsky.feed.post/d");

  gone = chorus_bluesky_parse_thread ("{\"thread\":{\"$type\":\"app.bsky.feed.defs#notFoundPost\","
                                      "\"uri\":\"at://did:plc:abc/app.bsky.feed.post/a\",\"notFound\":true}}",
                                      -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gone->len, ==, 0);
#undef AUTHOR
#undef POST
#undef REPLY
}

/* Deeper than the parser follows, but within the JSON depth bound. */
static void
test_thread_deep (void)
{
  GString *json = g_string_new ("{\"thread\":");
  guint depth = 400;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append_printf (json, "{\"post\":{\"uri\":\"at://did:plc:abc/app.bsky.feed.post/p%u\","
                            "\"author\":{\"did\":\"did:plc:abc\",\"handle\":\"ana.example\"},"
                            "\"record\":{\"text\":\"\",\"createdAt\":\"2024-05-01T10:00:00Z\"}},\"replies\":[", i);
  for (guint i = 0; i < depth; i++)
    g_string_append (json, "]}");
  g_string_append (json, "}");

  posts = chorus_bluesky_parse_thread (json->str, json->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 201);
  g_string_free (json, TRUE);
}

static void
test_session_and_identity (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusBlueskySession) session = NULL;
  g_autofree char *did = NULL;
  g_autofree char *pds = NULL;
  const char *bad_sessions[] = {
    "{\"did\":\"did:plc:abc\",\"handle\":\"ana.example\",\"accessJwt\":\"a\"}",
    "{\"did\":\"plc:abc\",\"handle\":\"ana.example\",\"accessJwt\":\"a\",\"refreshJwt\":\"r\"}",
    "{\"did\":\"did:plc:abc\",\"handle\":\"ana example\",\"accessJwt\":\"a\",\"refreshJwt\":\"r\"}",
    "{\"did\":\"did:plc:abc\",\"handle\":\"ana.example\",\"accessJwt\":\"a\\nb\",\"refreshJwt\":\"r\"}",
    "{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}",
  };

  session = chorus_bluesky_parse_session ("{\"did\":\"did:plc:z72i7hdynmk6r22z27h6tvur\",\"handle\":\"Ana.bsky.social\","
                                          "\"accessJwt\":\"eyJhbGciOiJIUzI1NiJ9.a.b\",\"refreshJwt\":\"eyJ.c.d\","
                                          "\"didDoc\":{\"id\":\"did:plc:z72i7hdynmk6r22z27h6tvur\",\"service\":[{"
                                          "\"id\":\"#atproto_pds\",\"type\":\"AtprotoPersonalDataServer\","
                                          "\"serviceEndpoint\":\"https://pds.example.com\"}]},\"active\":true}",
                                          -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (session->did, ==, "did:plc:z72i7hdynmk6r22z27h6tvur");
  g_assert_cmpstr (session->handle, ==, "ana.bsky.social");
  g_assert_cmpstr (session->access_jwt, ==, "eyJhbGciOiJIUzI1NiJ9.a.b");
  g_assert_cmpstr (session->refresh_jwt, ==, "eyJ.c.d");
  g_assert_cmpstr (session->pds_endpoint, ==, "https://pds.example.com");

  for (guint i = 0; i < G_N_ELEMENTS (bad_sessions); i++)
    {
      g_autoptr(ChorusBlueskySession) bad = chorus_bluesky_parse_session (bad_sessions[i], -1, &error);

      g_assert_null (bad);
      g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
      g_clear_error (&error);
    }

  did = chorus_bluesky_parse_resolve_handle ("{\"did\":\"did:web:example.com\"}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (did, ==, "did:web:example.com");
  g_assert_null (chorus_bluesky_parse_resolve_handle ("{\"did\":\"did:<script>\"}", -1, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
  g_clear_error (&error);

  pds = chorus_bluesky_parse_did_document ("{\"id\":\"did:plc:abc\",\"service\":[{\"id\":\"#other\","
                                           "\"serviceEndpoint\":\"https://no.example\"},{\"id\":"
                                           "\"did:plc:abc#atproto_pds\",\"serviceEndpoint\":"
                                           "\"https://morel.us-east.host.bsky.network\"}]}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pds, ==, "https://morel.us-east.host.bsky.network");
  g_assert_null (chorus_bluesky_parse_did_document ("{\"service\":[{\"id\":\"#atproto_pds\","
                                                    "\"serviceEndpoint\":\"ftp://x\"}]}", -1, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
}

/* Hostile input */

static const struct
{
  const char *facets;
  const char *markup;
} facet_cases[] = {
  /* "héllo" is 6 bytes: é is two. */
  { "[{\"index\":{\"byteStart\":0,\"byteEnd\":6},\"features\":[{\"$type\":\"app.bsky.richtext.facet#link\","
    "\"uri\":\"https://h.example/?a=1&b=\\\"2\\\"\"}]}]",
    "<a href=\"https://h.example/?a=1&amp;b=&quot;2&quot;\">héllo</a> &lt;b&gt;" },
  { "[{\"index\":{\"byteStart\":0,\"byteEnd\":2},\"features\":[{\"$type\":\"app.bsky.richtext.facet#link\","
    "\"uri\":\"https://x.example\"}]}]", "héllo &lt;b&gt;" },
  { "[{\"index\":{\"byteStart\":3,\"byteEnd\":99},\"features\":[{\"$type\":\"app.bsky.richtext.facet#link\","
    "\"uri\":\"https://x.example\"}]}]", "héllo &lt;b&gt;" },
  { "[{\"index\":{\"byteStart\":-5,\"byteEnd\":3},\"features\":[{\"$type\":\"app.bsky.richtext.facet#link\","
    "\"uri\":\"https://x.example\"}]}]", "héllo &lt;b&gt;" },
  { "[{\"index\":{\"byteStart\":4,\"byteEnd\":1},\"features\":[{\"$type\":\"app.bsky.richtext.facet#link\","
    "\"uri\":\"https://x.example\"}]}]", "héllo &lt;b&gt;" },
  { "[{\"index\":{\"byteStart\":0,\"byteEnd\":99999999999999999999999},\"features\":[{\"$type\":"
    "\"app.bsky.richtext.facet#link\",\"uri\":\"https://x.example\"}]}]", "héllo &lt;b&gt;" },
  { "[{\"index\":{\"byteStart\":0,\"byteEnd\":1e400},\"features\":[{\"$type\":\"app.bsky.richtext.facet#link\","
    "\"uri\":\"https://x.example\"}]}]", "héllo &lt;b&gt;" },
  { "[{\"index\":{\"byteStart\":0,\"byteEnd\":3},\"features\":[{\"$type\":\"app.bsky.richtext.facet#link\","
    "\"uri\":\"javascript:alert(1)\"}]}]", "héllo &lt;b&gt;" },
  /* Overlaps: the earlier facet wins. */
  { "[{\"index\":{\"byteStart\":1,\"byteEnd\":6},\"features\":[{\"$type\":\"app.bsky.richtext.facet#tag\","
    "\"tag\":\"a b<\"}]},{\"index\":{\"byteStart\":0,\"byteEnd\":3},\"features\":[{\"$type\":"
    "\"app.bsky.richtext.facet#mention\",\"did\":\"did:plc:abc\"}]}]",
    "<a href=\"https://bsky.app/profile/did:plc:abc\">hé</a>llo &lt;b&gt;" },
  { "[{\"index\":{\"byteStart\":7,\"byteEnd\":10},\"features\":[{\"$type\":\"app.bsky.richtext.facet#tag\","
    "\"tag\":\"a b<\"}]}]", "héllo <a href=\"https://bsky.app/hashtag/a%20b%3C\">&lt;b&gt;</a>" },
  { "[{\"index\":{\"byteStart\":0,\"byteEnd\":3},\"features\":[{\"$type\":\"app.bsky.richtext.facet#mention\","
    "\"did\":\"did:plc:\\\"><script>\"}]}]", "héllo &lt;b&gt;" },
  { "[{\"index\":[0,3],\"features\":{}}, 7, null, \"x\", {\"index\":{\"byteStart\":\"0\",\"byteEnd\":\"3\"},"
    "\"features\":[{\"$type\":\"app.bsky.richtext.facet#unknown\"},{\"$type\":\"app.bsky.richtext.facet#link\","
    "\"uri\":\"http://y.example\"}]}]", "<a href=\"http://y.example\">hé</a>llo &lt;b&gt;" },
};

static void
test_facets_hostile (void)
{
  GString *many = g_string_new ("[");

  for (guint i = 0; i < G_N_ELEMENTS (facet_cases); i++)
    {
      g_autoptr(JsonNode) facets = json_from_string (facet_cases[i].facets, NULL);
      g_autofree char *markup = chorus_bluesky_facets_to_markup ("héllo <b>", json_node_get_array (facets));

      chorus_test_assert_markup (markup);
      g_assert_cmpstr (markup, ==, facet_cases[i].markup);
    }

  /* 100,000 facets, all on the same bytes. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (many, "%s{\"index\":{\"byteStart\":0,\"byteEnd\":1},\"features\":[{\"$type\":"
                            "\"app.bsky.richtext.facet#link\",\"uri\":\"https://x.example/%u\"}]}", i ? "," : "", i);
  g_string_append (many, "]");
  {
    g_autoptr(JsonNode) facets = json_from_string (many->str, NULL);
    g_autofree char *markup = chorus_bluesky_facets_to_markup ("héllo <b>", json_node_get_array (facets));

    g_assert_cmpstr (markup, ==, "<a href=\"https://x.example/0\">h</a>éllo &lt;b&gt;");
  }
  g_string_free (many, TRUE);
}

/* The JSON loading all parsers share (chorus-parse-json.c). */
static void
test_json_loading (void)
{
  const char *accepted[] = {
    "[\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"]",
    "{\"a\":\"\\\"[[[[\"}",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *deep = test_deep_json (CHORUS_PARSE_MAX_DEPTH + 1, FALSE);
  g_autofree char *allowed = test_deep_json (CHORUS_PARSE_MAX_DEPTH, TRUE);
  GString *many = g_string_new ("[\"");
  g_autoptr(JsonNode) node = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(JsonNode) ok = _chorus_json_load (accepted[i], -1, &error);

      g_assert_no_error (error);
      g_assert_nonnull (ok);
    }

  /* Brackets inside strings are not nesting. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (many, '[');
  g_string_append (many, "\"]");
  node = _chorus_json_load (many->str, many->len, &error);
  g_assert_no_error (error);
  g_clear_pointer (&node, json_node_unref);
  g_string_free (many, TRUE);

  node = _chorus_json_load (allowed, -1, &error);
  g_assert_no_error (error);
  g_clear_pointer (&node, json_node_unref);

  g_assert_null (_chorus_json_load (deep, -1, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
  g_clear_error (&error);

  g_assert_null (_chorus_json_load ("", 0, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
  g_clear_error (&error);

  /* Raw invalid UTF-8 is refused by json-glib itself. */
  g_assert_null (_chorus_json_load ("[\"a\xff\xfe\"]", -1, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
}

static void
test_deep_nesting (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (post_parsers); i++)
    test_assert_rejects_deep (post_parsers[i]);
}

static void
test_huge_and_invalid_values (void)
{
  g_autofree char *huge = test_huge_string_json ("{\"posts\":[{\"uri\":\"at://did:plc:abc/app.bsky.feed.post/x\","
                                                 "\"author\":{\"did\":\"did:plc:abc\",\"handle\":\"handle.invalid\","
                                                 "\"displayName\":\"\\u202eana\"},\"likeCount\":1e400,"
                                                 "\"record\":{\"createdAt\":\"2024-05-01T10:00:00\","
                                                 "\"langs\":[\"<script>\"],\"text\":\"\\ud800",
                                                 20 * 1024 * 1024, "\"}}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = chorus_bluesky_parse_posts (huge, -1, NULL, &error);
  ChorusIncomingPost *post;

  g_assert_no_error (error);
  test_assert_posts_sane (posts, "bluesky");
  post = g_ptr_array_index (posts, 0);
  /* A handle that failed verification: the DID stands in. */
  g_assert_cmpstr (post->author->handle, ==, "did:plc:abc");
  g_assert_cmpstr (post->url, ==, "https://bsky.app/profile/did:plc:abc/post/x");
  g_assert_cmpstr (post->author->display_name, ==, "ana");
  g_assert_null (post->language);
  g_assert_cmpint (post->like_count, ==, 0);
  g_assert_cmpuint (strlen (post->text), <=, 64 * 1024);
  g_assert_cmpint (post->created_at, ==, 1714557600);
}

static void
test_mutations (gconstpointer data)
{
  guint which = GPOINTER_TO_UINT (data);
  g_autofree char *thread = test_read_corpus ("bluesky/real/getPostThread_single.json", NULL);
  g_autofree char *media = test_read_corpus ("bluesky/real/marshalx_thread_view_post_with_embed_media.json", NULL);
  g_autofree char *search = g_strdup_printf ("{\"cursor\":\"1\",\"posts\":[%s]}",
                                             strstr (thread, "\"post\":") + strlen ("\"post\":"));
  g_autofree char *notification =
    g_strdup ("{\"cursor\":\"c\",\"notifications\":[{\"uri\":\"at://did:plc:abc/app.bsky.feed.post/x\","
              "\"cid\":\"bafy\",\"author\":{\"did\":\"did:plc:abc\",\"handle\":\"ana.example\"},\"reason\":\"reply\","
              "\"record\":{\"$type\":\"app.bsky.feed.post\",\"text\":\"hi @bo\",\"createdAt\":\"2024-05-01T10:00:00Z\","
              "\"facets\":[{\"index\":{\"byteStart\":3,\"byteEnd\":6},\"features\":[{\"$type\":"
              "\"app.bsky.richtext.facet#mention\",\"did\":\"did:plc:bo\"}]}],\"reply\":{\"root\":{\"uri\":"
              "\"at://did:plc:abc/app.bsky.feed.post/r\"},\"parent\":{\"uri\":\"at://did:plc:abc/app.bsky.feed.post/r\"}},"
              "\"embed\":{\"$type\":\"app.bsky.embed.external\",\"external\":{\"uri\":\"https://e.example\"}}},"
              "\"indexedAt\":\"2024-05-01T10:00:01Z\"}]}");

  /* The thread's post object, cut at its end, is a search result's. */
  *strstr (search, ",\"replies\"") = '\0';
  strcat (search, "]}");

  test_run_mutations (thread, which, chorus_bluesky_parse_thread, "bluesky");
  test_run_mutations (media, which, chorus_bluesky_parse_thread, "bluesky");
  test_run_mutations (search, which, parse_posts, "bluesky");
  test_run_mutations (notification, which, parse_notifications, "bluesky");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chorus/bluesky/corpus/recorded", test_corpus_recorded);
  g_test_add_func ("/chorus/bluesky/corpus/records", test_corpus_records);
  g_test_add_func ("/chorus/bluesky/corpus/every-parser", test_corpus_every_parser);
  g_test_add_func ("/chorus/bluesky/thread/single", test_thread_single);
  g_test_add_func ("/chorus/bluesky/thread/tree", test_thread_tree);
  g_test_add_func ("/chorus/bluesky/thread/deep", test_thread_deep);
  g_test_add_func ("/chorus/bluesky/facets/bytes", test_facets_bytes);
  g_test_add_func ("/chorus/bluesky/search-and-tags", test_search_and_tags);
  g_test_add_func ("/chorus/bluesky/notifications", test_notifications);
  g_test_add_func ("/chorus/bluesky/session-and-identity", test_session_and_identity);
  g_test_add_func ("/chorus/bluesky/hostile/facets", test_facets_hostile);
  g_test_add_func ("/chorus/bluesky/hostile/json-loading", test_json_loading);
  g_test_add_func ("/chorus/bluesky/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/chorus/bluesky/hostile/huge-and-invalid", test_huge_and_invalid_values);

  test_add_mutations ("bluesky", test_mutations);

  return g_test_run ();
}
