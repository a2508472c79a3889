/* fake-bluesky-challenge.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "fake-bluesky-challenge.h"

/* See fake-bluesky-challenge.h. Posts are the corpus's first search
 * result with their own author, text, tag facet and image; likes and
 * reposts are newest first, VOTES_PAGE a page whatever the client asks,
 * with offset cursors. A post's thread (getPostThread) lists its direct
 * replies, oldest first. */

#define VOTES_PAGE 2

typedef struct
{
  GPtrArray *likes;       /* JsonNode {actor, createdAt, indexedAt}, newest first */
  GPtrArray *reposts;     /* JsonNode profile, newest first */
  GPtrArray *replies;     /* JsonNode post view, oldest first */
} Votes;

struct _FakeBlueskyChallenge
{
  FakeBluesky *fake;
  char        *template;  /* a post view, as JSON */
  GHashTable  *images;    /* name → GBytes */
  GHashTable  *votes;     /* post URI → Votes */
  GHashTable  *requests;  /* path → count */
  guint        serial;
};

static void
votes_free (Votes *votes)
{
  g_ptr_array_unref (votes->likes);
  g_ptr_array_unref (votes->reposts);
  g_ptr_array_unref (votes->replies);
  g_free (votes);
}

static char *
format_time (gint64 seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S.000Z");
}

static JsonNode *
new_profile (const char *handle)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *did = g_strdup_printf ("did:plc:chorus%u", g_str_hash (handle));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "did");
  json_builder_add_string_value (builder, did);
  json_builder_set_member_name (builder, "handle");
  json_builder_add_string_value (builder, handle);
  json_builder_set_member_name (builder, "displayName");
  json_builder_add_string_value (builder, handle);
  json_builder_set_member_name (builder, "labels");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
count_request (FakeBlueskyChallenge *self,
               const char           *path)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->requests, path));

  g_hash_table_replace (self->requests, g_strdup (path), GUINT_TO_POINTER (count + 1));
}

static void
serve_media (SoupServer        *server,
             SoupServerMessage *message,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  FakeBlueskyChallenge *self = user_data;
  GBytes *image = g_hash_table_lookup (self->images, path + strlen ("/media/"));

  count_request (self, path);
  soup_message_headers_replace (soup_server_message_get_response_headers (message), "Connection", "close");
  if (image == NULL)
    {
      soup_server_message_set_status (message, 404, NULL);
      return;
    }

  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "image/png", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (image, NULL), g_bytes_get_size (image));
}

/* Whether @message came to the PDS, signed in, as the fake's other data
 * calls must; when not, it is refused. */
static gboolean
check_signed_in (FakeBlueskyChallenge *self,
                 SoupServerMessage    *message)
{
  FakeBluesky *f = self->fake;
  const char *authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                            "Authorization");
  g_autofree char *expected = g_strconcat ("Bearer ", f->access != NULL ? f->access : "", NULL);

  soup_message_headers_replace (soup_server_message_get_response_headers (message), "Connection", "close");
  if (g_strcmp0 (g_uri_get_host (soup_server_message_get_uri (message)), "localhost") == 0 &&
      g_strcmp0 (authorization, expected) == 0)
    return TRUE;

  f->misplaced++;
  chorus_test_reply_json (message, 401, "{\"error\":\"AuthenticationRequired\",\"message\":\"Refused\"}");
  return FALSE;
}

static JsonNode *
find_post (FakeBlueskyChallenge *self,
           const char           *uri)
{
  for (guint i = 0; i < self->fake->posts->len; i++)
    {
      JsonNode *node = g_ptr_array_index (self->fake->posts, i);

      if (g_strcmp0 (json_object_get_string_member (json_node_get_object (node), "uri"), uri) == 0)
        return node;
    }

  return NULL;
}

/* What getLikes, getRepostedBy and getPostThread ask about: the votes of
 * the entry whose post is the `uri` parameter, and with @post, that post.
 * Counts the request; NULL once @message is answered with a refusal (not
 * signed in) or NotFound. */
static Votes *
lookup_entry (FakeBlueskyChallenge  *self,
              SoupServerMessage     *message,
              const char            *path,
              GHashTable            *query,
              JsonNode             **post)
{
  const char *uri = query != NULL ? g_hash_table_lookup (query, "uri") : NULL;
  Votes *votes = uri != NULL ? g_hash_table_lookup (self->votes, uri) : NULL;

  count_request (self, path);
  if (!check_signed_in (self, message))
    return NULL;

  if (post != NULL)
    *post = uri != NULL ? find_post (self, uri) : NULL;
  if (votes == NULL || (post != NULL && *post == NULL))
    {
      chorus_test_reply_json (message, 400, "{\"error\":\"NotFound\",\"message\":\"Post not found\"}");
      return NULL;
    }

  return votes;
}

/* getLikes and getRepostedBy. */
static void
serve_votes (SoupServer        *server,
             SoupServerMessage *message,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  FakeBlueskyChallenge *self = user_data;
  const char *uri = query != NULL ? g_hash_table_lookup (query, "uri") : NULL;
  const char *cursor = query != NULL ? g_hash_table_lookup (query, "cursor") : NULL;
  gboolean likes = g_str_has_suffix (path, "getLikes");
  Votes *votes = lookup_entry (self, message, path, query, NULL);
  guint offset = cursor != NULL ? (guint) g_ascii_strtoull (cursor, NULL, 10) : 0;
  g_autoptr(JsonObject) answer = json_object_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  JsonArray *items;
  GPtrArray *list;

  if (votes == NULL)
    return;

  items = json_array_new ();
  list = likes ? votes->likes : votes->reposts;
  for (guint i = offset; i < list->len && i < offset + VOTES_PAGE; i++)
    json_array_add_element (items, json_node_copy (g_ptr_array_index (list, i)));

  json_object_set_string_member (answer, "uri", uri);
  json_object_set_array_member (answer, likes ? "likes" : "repostedBy", items);
  if (offset + VOTES_PAGE < list->len)
    {
      g_autofree char *next = g_strdup_printf ("%u", offset + VOTES_PAGE);

      json_object_set_string_member (answer, "cursor", next);
    }

  root = json_node_init_object (json_node_alloc (), answer);
  json = json_to_string (root, FALSE);
  chorus_test_reply_json (message, 200, json);
}

/* getPostThread of an entry's post: the post and its direct replies. */
static void
serve_thread (SoupServer        *server,
              SoupServerMessage *message,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  FakeBlueskyChallenge *self = user_data;
  JsonNode *post = NULL;
  Votes *votes = lookup_entry (self, message, path, query, &post);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  if (votes == NULL)
    return;

  json_object_set_int_member (json_node_get_object (post), "replyCount", votes->replies->len);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "thread");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "$type");
  json_builder_add_string_value (builder, "app.bsky.feed.defs#threadViewPost");
  json_builder_set_member_name (builder, "post");
  json_builder_add_value (builder, json_node_copy (post));
  json_builder_set_member_name (builder, "replies");
  json_builder_begin_array (builder);
  for (guint i = 0; i < votes->replies->len; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "$type");
      json_builder_add_string_value (builder, "app.bsky.feed.defs#threadViewPost");
      json_builder_set_member_name (builder, "post");
      json_builder_add_value (builder, json_node_copy (g_ptr_array_index (votes->replies, i)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  chorus_test_reply_json (message, 200, json);
}

FakeBlueskyChallenge *
fake_bluesky_challenge_new (FakeBluesky *fake)
{
  FakeBlueskyChallenge *self = g_new0 (FakeBlueskyChallenge, 1);
  JsonArray *posts = json_object_get_array_member (json_node_get_object (fake->search_corpus), "posts");

  self->fake = fake;
  self->template = json_to_string (json_array_get_element (posts, 0), FALSE);
  self->images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  self->votes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) votes_free);
  self->requests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  soup_server_add_handler (fake->rig.server, "/media", serve_media, self, NULL);
  soup_server_add_handler (fake->rig.server, "/xrpc/app.bsky.feed.getLikes", serve_votes, self, NULL);
  soup_server_add_handler (fake->rig.server, "/xrpc/app.bsky.feed.getRepostedBy", serve_votes, self, NULL);
  soup_server_add_handler (fake->rig.server, "/xrpc/app.bsky.feed.getPostThread", serve_thread, self, NULL);

  return self;
}

void
fake_bluesky_challenge_free (FakeBlueskyChallenge *self)
{
  soup_server_remove_handler (self->fake->rig.server, "/media");
  soup_server_remove_handler (self->fake->rig.server, "/xrpc/app.bsky.feed.getLikes");
  soup_server_remove_handler (self->fake->rig.server, "/xrpc/app.bsky.feed.getRepostedBy");
  soup_server_remove_handler (self->fake->rig.server, "/xrpc/app.bsky.feed.getPostThread");
  g_free (self->template);
  g_hash_table_unref (self->images);
  g_hash_table_unref (self->votes);
  g_hash_table_unref (self->requests);
  g_free (self);
}

/* The record of a post: @text, with a tag facet over "#@tag" when @text
 * has it. */
static JsonNode *
new_record (const char *text,
            const char *tag,
            const char *created)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *sign_tag = tag != NULL ? g_strconcat ("#", tag, NULL) : NULL;
  const char *found = sign_tag != NULL ? strstr (text, sign_tag) : NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "$type");
  json_builder_add_string_value (builder, "app.bsky.feed.post");
  json_builder_set_member_name (builder, "createdAt");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "facets");
  json_builder_begin_array (builder);
  if (found != NULL)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "index");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "byteStart");
      json_builder_add_int_value (builder, found - text);
      json_builder_set_member_name (builder, "byteEnd");
      json_builder_add_int_value (builder, found - text + strlen (sign_tag));
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "features");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "$type");
      json_builder_add_string_value (builder, "app.bsky.richtext.facet#tag");
      json_builder_set_member_name (builder, "tag");
      json_builder_add_string_value (builder, tag);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static JsonNode *
new_image_embed (const char *url)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "$type");
  json_builder_add_string_value (builder, "app.bsky.embed.images#view");
  json_builder_set_member_name (builder, "images");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "thumb");
  json_builder_add_string_value (builder, url);
  json_builder_set_member_name (builder, "fullsize");
  json_builder_add_string_value (builder, url);
  json_builder_set_member_name (builder, "alt");
  json_builder_add_string_value (builder, "An entry");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The view of a new post by @handle, its at:// URI in @uri. */
static JsonNode *
new_post_view (FakeBlueskyChallenge  *self,
               const char            *handle,
               gint64                 created_at,
               const char            *text,
               const char            *tag,
               char                 **uri)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (self->template, &error);
  JsonObject *post = json_node_get_object (node);
  JsonNode *author = new_profile (handle);
  g_autofree char *created = format_time (created_at);
  g_autofree char *cid = g_strdup_printf ("bafyentry%u", self->serial);

  g_assert_no_error (error);
  *uri = g_strdup_printf ("at://%s/app.bsky.feed.post/entry%u",
                          json_object_get_string_member (json_node_get_object (author), "did"), self->serial++);
  json_object_set_string_member (post, "uri", *uri);
  json_object_set_string_member (post, "cid", cid);
  json_object_set_member (post, "author", author);
  json_object_set_member (post, "record", new_record (text, tag, created));
  json_object_set_string_member (post, "indexedAt", created);
  return node;
}

/* A post by @handle, newer than those before it, with @image at
 * /media/@image_name when it has one. Returns its at:// URI. */
char *
fake_bluesky_challenge_add_post (FakeBlueskyChallenge *self,
                                 const char           *handle,
                                 gint64                created_at,
                                 const char           *text,
                                 const char           *tag,
                                 const char           *image_name,
                                 GBytes               *image)
{
  g_autofree char *uri = NULL;
  JsonNode *node = new_post_view (self, handle, created_at, text, tag, &uri);
  JsonObject *post = json_node_get_object (node);
  Votes *votes = g_new0 (Votes, 1);

  if (image_name != NULL)
    {
      g_autofree char *url = g_strdup_printf ("%s/media/%s", self->fake->pds, image_name);

      json_object_set_member (post, "embed", new_image_embed (url));
      g_hash_table_replace (self->images, g_strdup (image_name), g_bytes_ref (image));
    }
  g_ptr_array_insert (self->fake->posts, 0, node);

  votes->likes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  votes->reposts = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  votes->replies = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_hash_table_replace (self->votes, g_strdup (uri), votes);

  return g_steal_pointer (&uri);
}

static Votes *
find_votes (FakeBlueskyChallenge *self,
            const char           *uri)
{
  Votes *votes = g_hash_table_lookup (self->votes, uri);

  g_assert_nonnull (votes);
  return votes;
}

/* @handle likes the post @uri at @created_at (the liker's clock), as
 * the AppView saw at once. */
void
fake_bluesky_challenge_like (FakeBlueskyChallenge *self,
                             const char           *uri,
                             const char           *handle,
                             gint64                created_at)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *created = format_time (created_at);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "actor");
  json_builder_add_value (builder, new_profile (handle));
  json_builder_set_member_name (builder, "createdAt");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "indexedAt");
  json_builder_add_string_value (builder, created);
  json_builder_end_object (builder);

  g_ptr_array_insert (find_votes (self, uri)->likes, 0, json_builder_get_root (builder));
}

void
fake_bluesky_challenge_repost (FakeBlueskyChallenge *self,
                               const char           *uri,
                               const char           *handle)
{
  g_ptr_array_insert (find_votes (self, uri)->reposts, 0, new_profile (handle));
}

void
fake_bluesky_challenge_unlike (FakeBlueskyChallenge *self,
                               const char           *uri,
                               const char           *handle)
{
  GPtrArray *likes = find_votes (self, uri)->likes;

  for (guint i = 0; i < likes->len; i++)
    {
      JsonObject *actor = json_object_get_object_member (json_node_get_object (g_ptr_array_index (likes, i)),
                                                         "actor");

      if (g_str_equal (json_object_get_string_member (actor, "handle"), handle))
        {
          g_ptr_array_remove_index (likes, i);
          return;
        }
    }

  g_assert_not_reached ();
}

/* @handle replies to the post @uri with @text at @created_at; the reply
 * is in the post's thread only. Returns the reply's URI. */
char *
fake_bluesky_challenge_reply (FakeBlueskyChallenge *self,
                              const char           *uri,
                              const char           *handle,
                              gint64                created_at,
                              const char           *text)
{
  char *reply_uri = NULL;
  JsonNode *node = new_post_view (self, handle, created_at, text, NULL, &reply_uri);

  g_ptr_array_add (find_votes (self, uri)->replies, node);
  return reply_uri;
}

void
fake_bluesky_challenge_delete_reply (FakeBlueskyChallenge *self,
                                     const char           *uri,
                                     const char           *reply_uri)
{
  GPtrArray *replies = find_votes (self, uri)->replies;

  for (guint i = 0; i < replies->len; i++)
    {
      JsonObject *reply = json_node_get_object (g_ptr_array_index (replies, i));

      if (g_str_equal (json_object_get_string_member (reply, "uri"), reply_uri))
        {
          g_ptr_array_remove_index (replies, i);
          return;
        }
    }

  g_assert_not_reached ();
}

/* How many requests for @path the fake received. */
guint
fake_bluesky_challenge_count (FakeBlueskyChallenge *self,
                              const char           *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->requests, path));
}
