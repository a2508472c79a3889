/* fake-bluesky-feed.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The account's own posts on the fake PDS: see fake-bluesky-feed.h. */

#include <string.h>

#include "chorus-test-util.h"
#include "fake-bluesky-feed.h"

#define POST_COLLECTION "app.bsky.feed.post"
#define MAX_URIS        25

enum { LIKES, REPOSTS, REPLIES, QUOTES, N_COUNTS };

typedef struct
{
  char      *rkey;
  char      *uri;
  char      *cid;
  JsonNode  *record;            /* as createRecord wrote it */
  gint64     counts[N_COUNTS];  /* replies: -1 for those added */
  GPtrArray *replies;           /* JsonNode, a threadViewPost each */
  gboolean   deleted;
} FakeBlueskyRecord;

static void
record_free (FakeBlueskyRecord *record)
{
  g_free (record->rkey);
  g_free (record->uri);
  g_free (record->cid);
  json_node_unref (record->record);
  g_ptr_array_unref (record->replies);
  g_free (record);
}

static JsonNode *
load_template (const char *relative,
               const char *member)
{
  g_autofree char *path = g_build_filename (g_getenv ("CHORUS_CORPUS_DIR"), relative, NULL);
  g_autofree char *text = chorus_test_read_file (path, NULL);
  g_autoptr(JsonNode) root = json_from_string (text, NULL);
  JsonArray *items = json_object_get_array_member (json_node_get_object (root), member);

  return json_node_copy (json_array_get_element (items, 0));
}

FakeBlueskyFeed *
fake_bluesky_feed_new (void)
{
  FakeBlueskyFeed *feed = g_new0 (FakeBlueskyFeed, 1);

  feed->records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  feed->post_template = load_template ("bluesky/real/getPosts.json", "posts");
  feed->profile_template = load_template ("bluesky/real/getProfiles.json", "profiles");
  return feed;
}

void
fake_bluesky_feed_free (FakeBlueskyFeed *feed)
{
  g_ptr_array_unref (feed->records);
  json_node_unref (feed->post_template);
  json_node_unref (feed->profile_template);
  g_free (feed->last_depth);
  g_free (feed);
}

static FakeBlueskyRecord *
find_record (FakeBlueskyFeed *feed,
             const char      *uri_or_rkey)
{
  for (guint i = 0; uri_or_rkey != NULL && i < feed->records->len; i++)
    {
      FakeBlueskyRecord *record = g_ptr_array_index (feed->records, i);

      if (g_str_equal (record->uri, uri_or_rkey) || g_str_equal (record->rkey, uri_or_rkey))
        return record;
    }

  return NULL;
}

/* A node that holds @object, taking it. */
static JsonNode *
take_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

/* Answers with @object, taking it. */
static void
reply_object (SoupServerMessage *message,
              guint              status,
              JsonObject        *object)
{
  g_autoptr(JsonNode) root = take_node (object);
  g_autofree char *json = json_to_string (root, FALSE);

  chorus_test_reply_json (message, status, json);
}

/* An XRPC error: its name, and a message. */
static void
reply_error (SoupServerMessage *message,
             guint              status,
             const char        *name)
{
  JsonObject *answer = json_object_new ();

  json_object_set_string_member (answer, "error", name);
  json_object_set_string_member (answer, "message", "Refused by the fake PDS");
  reply_object (message, status, answer);
}

/* A deep copy of @node's object, to change (json_node_copy () shares it). */
static JsonObject *
dup_object (JsonNode *node)
{
  g_autofree char *json = json_to_string (node, FALSE);
  g_autoptr(JsonNode) copy = json_from_string (json, NULL);

  return json_object_ref (json_node_get_object (copy));
}

/* Views */

/* The corpus's author, as someone else: the brand (@n 0) or a fan. */
static JsonObject *
new_author (FakeBlueskyFeed *feed,
            guint            n)
{
  JsonObject *copy = dup_object (json_object_get_member (json_node_get_object (feed->post_template), "author"));
  g_autofree char *did = g_strdup_printf ("did:plc:chorusfeedfan%02u22222222", n);
  g_autofree char *handle = g_strdup_printf ("fan%u.test", n);

  json_object_set_string_member (copy, "did", n == 0 ? DID : did);
  json_object_set_string_member (copy, "handle", n == 0 ? HANDLE : handle);
  json_object_set_string_member (copy, "displayName", n == 0 ? "Brand" : handle);
  return copy;
}

/* A postView in the corpus's shape (without its images); takes @author
 * and @record. */
static JsonObject *
new_view (FakeBlueskyFeed *feed,
          const char      *uri,
          const char      *cid,
          JsonObject      *author,
          JsonObject      *record,
          const gint64    *counts)
{
  static const char * const members[] = { "likeCount", "repostCount", "replyCount", "quoteCount" };
  JsonObject *view = dup_object (feed->post_template);

  json_object_remove_member (view, "embed");
  json_object_set_string_member (view, "uri", uri);
  json_object_set_string_member (view, "cid", cid);
  json_object_set_object_member (view, "author", author);
  json_object_set_object_member (view, "record", record);
  json_object_set_string_member (view, "indexedAt", json_object_get_string_member (record, "createdAt"));
  for (guint i = 0; i < N_COUNTS; i++)
    json_object_set_int_member (view, members[i], counts[i]);
  return view;
}

static JsonObject *
new_thread_node (JsonObject *post,
                 JsonArray  *replies)
{
  JsonObject *node = json_object_new ();

  json_object_set_string_member (node, "$type", "app.bsky.feed.defs#threadViewPost");
  json_object_set_object_member (node, "post", post);
  json_object_set_array_member (node, "replies", replies != NULL ? replies : json_array_new ());
  json_object_set_object_member (node, "threadContext", json_object_new ());
  return node;
}

static JsonObject *
view_record (FakeBlueskyFeed   *feed,
             FakeBlueskyRecord *record)
{
  gint64 counts[N_COUNTS];

  memcpy (counts, record->counts, sizeof counts);
  if (counts[REPLIES] < 0)
    counts[REPLIES] = record->replies->len;

  return new_view (feed, record->uri, record->cid, new_author (feed, 0), dup_object (record->record), counts);
}

/* XRPC */

static void
serve_create (FakeBlueskyFeed   *feed,
              SoupServerMessage *message)
{
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  g_autoptr(JsonNode) root = json_from_string (body->data, NULL);
  JsonObject *input = root != NULL ? json_node_get_object (root) : NULL;
  const char *rkey = input != NULL ? json_object_get_string_member_with_default (input, "rkey", NULL) : NULL;
  FakeBlueskyRecord *record;
  g_autofree char *json = NULL;

  feed->creates++;
  if (rkey == NULL || g_strcmp0 (json_object_get_string_member_with_default (input, "repo", ""), DID) != 0 ||
      g_strcmp0 (json_object_get_string_member_with_default (input, "collection", ""), POST_COLLECTION) != 0)
    {
      reply_error (message, 400, "InvalidRequest");
      return;
    }

  /* A taken key, as some PDS versions answer it. */
  if (find_record (feed, rkey) != NULL)
    {
      reply_error (message, 500, "InternalServerError");
      return;
    }

  record = g_new0 (FakeBlueskyRecord, 1);
  record->rkey = g_strdup (rkey);
  record->uri = g_strconcat ("at://" DID "/" POST_COLLECTION "/", rkey, NULL);
  record->cid = g_strconcat ("bafyfeed", rkey, NULL);
  record->record = json_node_copy (json_object_get_member (input, "record"));
  record->counts[REPLIES] = -1;
  record->replies = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_ptr_array_add (feed->records, record);

  json = g_strdup_printf ("{\"uri\":\"%s\",\"cid\":\"%s\",\"commit\":{\"cid\":\"bafycommit\",\"rev\":\"3l\"}}",
                          record->uri, record->cid);
  chorus_test_reply_json (message, 200, json);
}

static void
serve_get_record (FakeBlueskyFeed   *feed,
                  SoupServerMessage *message,
                  GHashTable        *query)
{
  FakeBlueskyRecord *record = find_record (feed, g_hash_table_lookup (query, "rkey"));
  JsonObject *answer;

  if (record == NULL || record->deleted || g_strcmp0 (g_hash_table_lookup (query, "repo"), DID) != 0)
    {
      reply_error (message, 400, "RecordNotFound");
      return;
    }

  answer = json_object_new ();
  json_object_set_string_member (answer, "uri", record->uri);
  json_object_set_string_member (answer, "cid", record->cid);
  json_object_set_member (answer, "value", json_node_copy (record->record));
  reply_object (message, 200, answer);
}

static void
serve_profile (FakeBlueskyFeed   *feed,
               SoupServerMessage *message,
               GHashTable        *query)
{
  const char *actor = g_hash_table_lookup (query, "actor");
  JsonObject *profile;

  feed->profile_reads++;
  if (g_strcmp0 (actor, DID) != 0 && g_strcmp0 (actor, HANDLE) != 0)
    {
      reply_error (message, 400, "InvalidRequest");
      return;
    }

  profile = dup_object (feed->profile_template);
  json_object_set_string_member (profile, "did", DID);
  json_object_set_string_member (profile, "handle", HANDLE);
  json_object_set_string_member (profile, "displayName", "Brand");
  json_object_set_int_member (profile, "followersCount", feed->followers);
  reply_object (message, 200, profile);
}

/* getPosts: the views of the posts asked for that exist, in that order. */
static void
serve_posts (FakeBlueskyFeed   *feed,
             SoupServerMessage *message)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (message));
  g_auto(GStrv) pairs = g_strsplit (query != NULL ? query : "", "&", -1);
  g_autoptr(GPtrArray) uris = g_ptr_array_new_with_free_func (g_free);
  JsonObject *answer;
  JsonArray *views;

  feed->post_reads++;
  for (guint i = 0; pairs[i] != NULL; i++)
    if (g_str_has_prefix (pairs[i], "uris="))
      g_ptr_array_add (uris, g_uri_unescape_string (pairs[i] + strlen ("uris="), NULL));

  feed->most_uris = MAX (feed->most_uris, uris->len);
  if (uris->len > MAX_URIS)
    {
      reply_error (message, 400, "InvalidRequest");
      return;
    }

  answer = json_object_new ();
  views = json_array_new ();
  for (guint i = 0; i < uris->len; i++)
    {
      FakeBlueskyRecord *record = find_record (feed, g_ptr_array_index (uris, i));

      if (record != NULL && !record->deleted)
        json_array_add_object_element (views, view_record (feed, record));
    }
  json_object_set_array_member (answer, "posts", views);
  reply_object (message, 200, answer);
}

static void
serve_thread (FakeBlueskyFeed   *feed,
              SoupServerMessage *message,
              GHashTable        *query,
              FakeBlueskyRecord *record)
{
  const char *depth = g_hash_table_lookup (query, "depth");
  JsonObject *answer;
  JsonObject *thread;
  JsonArray *replies;

  feed->thread_reads++;
  g_free (feed->last_depth);
  feed->last_depth = g_strdup (depth);

  if (record->deleted && feed->not_found_as_error)
    {
      reply_error (message, 400, "NotFound");
      return;
    }

  if (record->deleted)
    {
      thread = json_object_new ();
      json_object_set_string_member (thread, "$type", "app.bsky.feed.defs#notFoundPost");
      json_object_set_string_member (thread, "uri", record->uri);
      json_object_set_boolean_member (thread, "notFound", TRUE);
    }
  else
    {
      /* depth=0 asks for the post alone. */
      replies = json_array_new ();
      for (guint i = 0; (depth == NULL || g_ascii_strtoull (depth, NULL, 10) > 0) && i < record->replies->len; i++)
        json_array_add_element (replies, json_node_copy (g_ptr_array_index (record->replies, i)));
      thread = new_thread_node (view_record (feed, record), replies);
    }

  answer = json_object_new ();
  json_object_set_object_member (answer, "thread", thread);
  reply_object (message, 200, answer);
}

gboolean
fake_bluesky_feed_knows (const char *path)
{
  return g_str_equal (path, "/xrpc/com.atproto.repo.createRecord") ||
         g_str_equal (path, "/xrpc/com.atproto.repo.getRecord") ||
         g_str_equal (path, "/xrpc/app.bsky.actor.getProfile") ||
         g_str_equal (path, "/xrpc/app.bsky.feed.getPosts") ||
         g_str_equal (path, "/xrpc/app.bsky.feed.getPostThread");
}

gboolean
fake_bluesky_feed_serve (FakeBluesky       *f,
                         SoupServerMessage *message,
                         const char        *path,
                         GHashTable        *query)
{
  FakeBlueskyFeed *feed = f->feed;
  gboolean posts = g_str_equal (path, "/xrpc/app.bsky.feed.getPosts");
  gboolean thread = g_str_equal (path, "/xrpc/app.bsky.feed.getPostThread");
  FakeBlueskyRecord *record = thread && query != NULL ? find_record (feed, g_hash_table_lookup (query, "uri")) : NULL;

  /* Other threads are fake-bluesky.c's. */
  if (!fake_bluesky_feed_knows (path) || (thread && record == NULL))
    return FALSE;

  if (posts && feed->expire_on_read)
    {
      feed->expire_on_read = FALSE;
      f->access_expired = TRUE;
    }

  if (f->access_expired)
    reply_error (message, 400, "ExpiredToken");
  else if ((posts && feed->refuse_posts > 0 && feed->refuse_posts--) ||
           (thread && feed->refuse_threads > 0 && feed->refuse_threads--))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Retry-After", "0");
      reply_error (message, feed->refusal != 0 ? feed->refusal : 429,
                   feed->refusal != 0 ? "InternalServerError" : "RateLimitExceeded");
    }
  else if (posts)
    serve_posts (feed, message);
  else if (thread)
    serve_thread (feed, message, query, record);
  else if (g_str_equal (path, "/xrpc/app.bsky.actor.getProfile"))
    serve_profile (feed, message, query);
  else if (g_str_equal (path, "/xrpc/com.atproto.repo.getRecord"))
    serve_get_record (feed, message, query);
  else
    serve_create (feed, message);

  return TRUE;
}

/* Test hooks */

static FakeBlueskyRecord *
get_record (FakeBlueskyFeed *feed,
            guint            index)
{
  g_assert_cmpuint (index, <, feed->records->len);
  return g_ptr_array_index (feed->records, index);
}

const char *
fake_bluesky_feed_get_uri (FakeBlueskyFeed *feed,
                           guint            index)
{
  return get_record (feed, index)->uri;
}

/* What createRecord wrote. */
JsonObject *
fake_bluesky_feed_get_record (FakeBlueskyFeed *feed,
                              guint            index)
{
  return json_node_get_object (get_record (feed, index)->record);
}

void
fake_bluesky_feed_set_counts (FakeBlueskyFeed *feed,
                              guint            index,
                              gint64           likes,
                              gint64           reposts,
                              gint64           replies,
                              gint64           quotes)
{
  FakeBlueskyRecord *record = get_record (feed, index);
  const gint64 counts[N_COUNTS] = { likes, reposts, replies, quotes };

  for (guint i = 0; i < N_COUNTS; i++)
    if (counts[i] >= 0)
      record->counts[i] = counts[i];
}

/* A reply by a fan of its own, created a minute after the one before. */
void
fake_bluesky_feed_add_reply (FakeBlueskyFeed *feed,
                             guint            index,
                             const char      *text,
                             gint64           likes)
{
  FakeBlueskyRecord *record = get_record (feed, index);
  guint n = record->replies->len + 1;
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (G_GINT64_CONSTANT (1767225600) + index * 3600 + n * 60);
  g_autofree char *created_at = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S.000Z");
  g_autofree char *uri = g_strdup_printf ("at://did:plc:chorusfeedfan%02u22222222/" POST_COLLECTION "/3fan%ureply%u",
                                          n, n, index);
  g_autofree char *cid = g_strdup_printf ("bafyfan%ureply%u", n, index);
  JsonObject *reply = json_object_new ();
  JsonObject *ref = json_object_new ();
  JsonObject *body = json_object_new ();
  JsonArray *langs = json_array_new ();
  const gint64 counts[N_COUNTS] = { likes, 0, 0, 0 };

  json_object_set_string_member (ref, "uri", record->uri);
  json_object_set_string_member (ref, "cid", record->cid);
  json_object_set_object_member (reply, "root", json_object_ref (ref));
  json_object_set_object_member (reply, "parent", ref);
  json_array_add_string_element (langs, "en");
  json_object_set_string_member (body, "$type", POST_COLLECTION);
  json_object_set_string_member (body, "createdAt", created_at);
  json_object_set_array_member (body, "langs", langs);
  json_object_set_object_member (body, "reply", reply);
  json_object_set_string_member (body, "text", text);

  g_ptr_array_add (record->replies,
                   take_node (new_thread_node (new_view (feed, uri, cid, new_author (feed, n), body, counts), NULL)));
}

void
fake_bluesky_feed_delete (FakeBlueskyFeed *feed,
                          guint            index)
{
  get_record (feed, index)->deleted = TRUE;
}
