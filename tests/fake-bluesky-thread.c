/* fake-bluesky-thread.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fake-bluesky-thread.h"

/* What a fake PDS answers to app.bsky.feed.getPostThread for one of its
 * items (a notification or a search result): a #threadViewPost with the
 * item as its post, the posts its record answers as parents (the root
 * above the parent when they differ), and one reply below it, in the
 * shapes of bluesky/real/getPostThread_single.json. */

/* A postView for @uri by @author; @reply_ref, when given, is its record's
 * "reply" (root and parent), which the view takes. */
static JsonObject *
new_view (const char *uri,
          const char *cid,
          JsonObject *author,
          const char *text,
          const char *created_at,
          JsonObject *reply_ref)
{
  JsonObject *view = json_object_new ();
  JsonObject *record = json_object_new ();

  json_object_set_string_member (record, "$type", "app.bsky.feed.post");
  json_object_set_string_member (record, "text", text);
  json_object_set_string_member (record, "createdAt", created_at);
  if (reply_ref != NULL)
    json_object_set_object_member (record, "reply", reply_ref);

  json_object_set_string_member (view, "uri", uri);
  json_object_set_string_member (view, "cid", cid);
  json_object_set_object_member (view, "author", json_object_ref (author));
  json_object_set_object_member (view, "record", record);
  json_object_set_string_member (view, "indexedAt", created_at);
  json_object_set_int_member (view, "replyCount", 1);
  json_object_set_int_member (view, "repostCount", 0);
  json_object_set_int_member (view, "likeCount", 0);

  return view;
}

static JsonObject *
new_thread_node (JsonObject *post)
{
  JsonObject *node = json_object_new ();

  json_object_set_string_member (node, "$type", "app.bsky.feed.defs#threadViewPost");
  json_object_set_object_member (node, "post", post);

  return node;
}

static JsonObject *
new_ref (const char *uri,
         const char *cid)
{
  JsonObject *ref = json_object_new ();

  json_object_set_string_member (ref, "uri", uri);
  json_object_set_string_member (ref, "cid", cid);

  return ref;
}

/* A view of a post that only a reference names. */
static JsonObject *
new_referenced_view (JsonObject *ref,
                     JsonObject *author,
                     const char *created_at,
                     JsonObject *reply_ref)
{
  return new_view (json_object_get_string_member (ref, "uri"),
                   json_object_get_string_member_with_default (ref, "cid", "bafychorusref"),
                   author, "The post the thread answers.", created_at, reply_ref);
}

/**
 * fake_bluesky_thread_new:
 * @item: a notification (uri, cid, author, record) or a postView
 * @other_author: a profileViewBasic for the posts around it
 *
 * Returns: (transfer full): the getPostThread answer, as JSON text
 */
char *
fake_bluesky_thread_new (JsonObject *item,
                         JsonObject *other_author)
{
  JsonObject *record = json_object_get_object_member (item, "record");
  JsonObject *reply = json_object_get_object_member (record, "reply");
  const char *uri = json_object_get_string_member (item, "uri");
  const char *cid = json_object_get_string_member (item, "cid");
  const char *created_at = json_object_get_string_member (record, "createdAt");
  g_autofree char *reply_uri = g_strconcat (uri, "reply", NULL);
  g_autoptr(JsonObject) answer = json_object_new ();
  g_autoptr(JsonNode) root_node = NULL;
  JsonObject *thread;
  JsonObject *post;
  JsonObject *below_ref = json_object_new ();
  JsonArray *replies = json_array_new ();
  GList *names;

  post = json_object_new ();
  names = json_object_get_members (item);
  for (GList *l = names; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "reason") && !g_str_equal (l->data, "isRead"))
      json_object_set_member (post, l->data, json_node_copy (json_object_get_member (item, l->data)));
  g_list_free (names);
  thread = new_thread_node (post);

  if (reply != NULL)
    {
      JsonObject *parent_ref = json_object_get_object_member (reply, "parent");
      JsonObject *root_ref = json_object_get_object_member (reply, "root");
      gboolean deeper = g_strcmp0 (json_object_get_string_member (parent_ref, "uri"),
                                   json_object_get_string_member (root_ref, "uri")) != 0;
      JsonObject *parent_reply = NULL;
      JsonObject *parent;

      if (deeper)
        {
          parent_reply = json_object_new ();
          json_object_set_object_member (parent_reply, "root", json_object_ref (root_ref));
          json_object_set_object_member (parent_reply, "parent", json_object_ref (root_ref));
        }

      parent = new_thread_node (new_referenced_view (parent_ref, other_author, created_at, parent_reply));
      if (deeper)
        json_object_set_object_member (parent, "parent",
                                       new_thread_node (new_referenced_view (root_ref, other_author,
                                                                             created_at, NULL)));
      json_object_set_object_member (thread, "parent", parent);
      json_object_set_object_member (below_ref, "root", json_object_ref (root_ref));
    }
  else
    json_object_set_object_member (below_ref, "root", new_ref (uri, cid));

  json_object_set_object_member (below_ref, "parent", new_ref (uri, cid));
  json_array_add_object_element (replies, new_thread_node (new_view (reply_uri, "bafychorusbelow", other_author,
                                                                     "A reply below it.", created_at,
                                                                     below_ref)));
  json_object_set_array_member (thread, "replies", replies);

  json_object_set_object_member (answer, "thread", thread);
  root_node = json_node_init_object (json_node_alloc (), answer);

  return json_to_string (root_node, FALSE);
}
