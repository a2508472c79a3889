/* chorus-mastodon-parse.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-html.h"
#include "chorus-mastodon-parse.h"
#include "chorus-parse-json-private.h"
#include "chorus-profile-links.h"

/* Statuses from any Mastodon-API server (Mastodon, GoToSocial, Akkoma…)
 * become ChorusIncomingPost records. The JSON is untrusted: see
 * chorus-parse-json.c for how every value is checked. */

#define MAX_HTML_BYTES   (1024 * 1024)
#define MAX_POLL_OPTIONS 256

/* Statuses */

static ChorusIncomingAuthor *
parse_account (JsonObject *account)
{
  g_autoptr(ChorusIncomingAuthor) author = NULL;
  const char *acct = _chorus_json_get_string (account, "acct");
  const char *username = _chorus_json_get_string (account, "username");
  const char *display_name = _chorus_json_get_string (account, "display_name");
  const char *url = _chorus_json_get_string (account, "url");
  const char *at;

  if (account == NULL)
    return NULL;

  author = chorus_incoming_author_new ();

  if (acct != NULL && *acct == '@')
    acct++;

  at = acct != NULL ? strchr (acct, '@') : NULL;
  if (at != NULL)
    {
      g_autofree char *user = g_strndup (acct, at - acct);

      author->handle = _chorus_parse_dup_nonempty (user);
      author->server = _chorus_parse_dup_nonempty (at + 1);
    }
  else
    {
      author->handle = _chorus_parse_dup_nonempty (acct != NULL && *acct != '\0' ? acct : username);
      author->server = _chorus_parse_dup_host (url);
    }

  if (author->handle == NULL)
    return NULL;

  if (author->server != NULL)
    {
      char *lower = g_ascii_strdown (author->server, -1);

      g_free (author->server);
      author->server = lower;
    }

  author->display_name = _chorus_parse_dup_nonempty (display_name);
  if (author->display_name == NULL)
    author->display_name = _chorus_parse_dup_nonempty (username != NULL ? username : author->handle);
  author->avatar_url = _chorus_parse_dup_url (_chorus_json_get_string (account, "avatar"));
  author->profile_url = _chorus_parse_dup_url (url);
  author->created_at = _chorus_parse_time (_chorus_json_get_string (account, "created_at"));
  author->bot = _chorus_json_get_bool (account, "bot");
  chorus_profile_read_mastodon (author, account);

  return g_steal_pointer (&author);
}

static void
set_content (ChorusIncomingPost *post,
             const char         *html)
{
  g_autofree char *clipped = _chorus_parse_dup_text (html != NULL ? html : "", MAX_HTML_BYTES);
  g_autoptr(GError) error = NULL;

  if (!chorus_html_convert (clipped, -1, &post->text, &post->markup, &error))
    {
      g_debug ("A status’s HTML could not be converted: %s", error->message);
      g_clear_pointer (&post->text, g_free);
      g_clear_pointer (&post->markup, g_free);
    }

  if (post->text == NULL)
    post->text = g_strdup ("");
}

static ChorusIncomingMedia *
parse_attachment (JsonObject *attachment)
{
  g_autoptr(ChorusIncomingMedia) media = chorus_incoming_media_new ();
  const char *type = _chorus_json_get_string (attachment, "type");
  JsonObject *meta = _chorus_json_get_object (attachment, "meta");
  JsonObject *original = _chorus_json_get_object (meta, "original");

  media->url = _chorus_parse_dup_url (_chorus_json_get_string (attachment, "url"));
  if (media->url == NULL)
    media->url = _chorus_parse_dup_url (_chorus_json_get_string (attachment, "remote_url"));
  if (media->url == NULL)
    return NULL;

  if (g_strcmp0 (type, "image") == 0)
    media->kind = g_strdup ("image");
  else if (g_strcmp0 (type, "gifv") == 0 || g_strcmp0 (type, "video") == 0)
    media->kind = g_strdup ("video");
  else if (g_strcmp0 (type, "audio") == 0)
    media->kind = g_strdup ("audio");
  else
    media->kind = g_strdup ("link");

  media->preview_url = _chorus_parse_dup_url (_chorus_json_get_string (attachment, "preview_url"));
  media->alt_text = _chorus_parse_dup_nonempty (_chorus_json_get_string (attachment, "description"));
  media->width = _chorus_parse_size (_chorus_json_get_int (original, "width", 0));
  media->height = _chorus_parse_size (_chorus_json_get_int (original, "height", 0));

  return g_steal_pointer (&media);
}

static ChorusIncomingMedia *
parse_card (JsonObject *card)
{
  g_autoptr(ChorusIncomingMedia) media = chorus_incoming_media_new ();

  media->url = _chorus_parse_dup_url (_chorus_json_get_string (card, "url"));
  if (media->url == NULL)
    return NULL;

  media->kind = g_strdup ("link");
  media->preview_url = _chorus_parse_dup_url (_chorus_json_get_string (card, "image"));
  media->alt_text = _chorus_parse_dup_nonempty (_chorus_json_get_string (card, "title"));
  media->width = _chorus_parse_size (_chorus_json_get_int (card, "width", 0));
  media->height = _chorus_parse_size (_chorus_json_get_int (card, "height", 0));

  return g_steal_pointer (&media);
}

static ChorusIncomingPoll *
parse_poll_object (JsonObject *object)
{
  g_autoptr(ChorusIncomingPoll) poll = NULL;
  JsonArray *options = _chorus_json_get_array (object, "options");
  gint64 voters;
  guint n;

  if (options == NULL)
    return NULL;

  poll = chorus_incoming_poll_new ();
  poll->remote_id = _chorus_json_dup_id (object, "id");
  poll->expires_at = _chorus_parse_time (_chorus_json_get_string (object, "expires_at"));
  poll->multiple = _chorus_json_get_bool (object, "multiple");

  /* Single-choice polls count one vote per voter, and the docs allow
   * voters_count to be null for them. */
  voters = _chorus_json_get_int (object, "voters_count", -1);
  if (voters < 0 && !poll->multiple)
    voters = _chorus_json_get_int (object, "votes_count", -1);
  poll->voters_count = MAX (voters, -1);

  n = MIN (json_array_get_length (options), MAX_POLL_OPTIONS);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *option = _chorus_json_array_object (options, i);
      const char *title = _chorus_json_get_string (option, "title");
      g_autofree char *clean_title = _chorus_parse_dup_clean (title != NULL ? title : "",
                                                              CHORUS_PARSE_MAX_TEXT);
      gint64 votes = _chorus_json_get_int (option, "votes_count", -1);

      if (option != NULL)
        g_ptr_array_add (poll->options, chorus_incoming_poll_option_new (clean_title, MAX (votes, -1)));
    }

  return g_steal_pointer (&poll);
}

static void
add_media (ChorusIncomingPost *post,
           JsonObject         *status)
{
  JsonArray *attachments = _chorus_json_get_array (status, "media_attachments");
  JsonObject *card_object = _chorus_json_get_object (status, "card");
  guint n = _chorus_json_array_length (attachments);
  ChorusIncomingMedia *card;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *attachment = _chorus_json_array_object (attachments, i);
      ChorusIncomingMedia *media = attachment != NULL ? parse_attachment (attachment) : NULL;

      if (media != NULL)
        g_ptr_array_add (post->media, media);
    }

  card = card_object != NULL ? parse_card (card_object) : NULL;
  if (card != NULL)
    g_ptr_array_add (post->media, card);
}

/* A boost is a wrapper around the original: the original is the post. */
static ChorusIncomingPost *
parse_status (JsonObject  *status,
              char       **parent_id)
{
  g_autoptr(ChorusIncomingPost) post = NULL;
  JsonObject *reblog = _chorus_json_get_object (status, "reblog");
  const char *uri;
  gint64 created_at;

  if (reblog != NULL)
    status = reblog;

  uri = _chorus_json_get_string (status, "uri");
  created_at = _chorus_parse_time (_chorus_json_get_string (status, "created_at"));
  if (uri == NULL || *uri == '\0' || strlen (uri) > CHORUS_PARSE_MAX_URL || created_at <= 0)
    return NULL;

  post = chorus_incoming_post_new ("mastodon");
  post->author = parse_account (_chorus_json_get_object (status, "account"));
  if (post->author == NULL)
    return NULL;

  post->uri = _chorus_parse_dup_text (uri, CHORUS_PARSE_MAX_URL);
  post->remote_id = _chorus_json_dup_id (status, "id");
  post->url = _chorus_parse_dup_url (_chorus_json_get_string (status, "url"));
  if (post->url == NULL)
    post->url = _chorus_parse_dup_url (uri);
  post->created_at = created_at;
  post->edited_at = _chorus_parse_time (_chorus_json_get_string (status, "edited_at"));
  post->language = _chorus_parse_dup_language (_chorus_json_get_string (status, "language"));
  post->title = _chorus_parse_dup_nonempty (_chorus_json_get_string (status, "spoiler_text"));
  set_content (post, _chorus_json_get_string (status, "content"));

  post->like_count = _chorus_json_get_count (status, "favourites_count");
  post->repost_count = _chorus_json_get_count (status, "reblogs_count");
  post->reply_count = _chorus_json_get_count (status, "replies_count");
  add_media (post, status);
  if (_chorus_json_get_object (status, "poll") != NULL)
    post->poll = parse_poll_object (_chorus_json_get_object (status, "poll"));

  *parent_id = _chorus_json_dup_id (status, "in_reply_to_id");
  if (*parent_id == NULL)
    post->root_uri = g_strdup (post->uri);
  else
    post->reply_to_remote_id = g_strdup (*parent_id);

  return g_steal_pointer (&post);
}

/* Reply links. A status names its parent by an id local to the server, so
 * reply_to_uri and root_uri are known only when the parent (and, for the
 * root, the whole chain) came in the same response. */

typedef struct
{
  ChorusIncomingPost *post;
  char               *parent_id;     /* NULL for a root */
  gboolean            parent_unknown;
} Link;

typedef struct
{
  GPtrArray  *posts;
  GArray     *links;
  GHashTable *uris;
} Batch;

static void
clear_link (gpointer data)
{
  g_free (((Link *) data)->parent_id);
}

static void
batch_init (Batch *batch)
{
  batch->posts = chorus_incoming_post_array_new ();
  batch->links = g_array_new (FALSE, TRUE, sizeof (Link));
  g_array_set_clear_func (batch->links, clear_link);
  batch->uris = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
batch_clear (Batch *batch)
{
  g_clear_pointer (&batch->posts, g_ptr_array_unref);
  g_clear_pointer (&batch->links, g_array_unref);
  g_clear_pointer (&batch->uris, g_hash_table_unref);
}

static void
batch_add_link (Batch              *batch,
                ChorusIncomingPost *post,
                char               *parent_id,
                gboolean            parent_unknown)
{
  Link link = { post, parent_id, parent_unknown };

  g_array_append_val (batch->links, link);
}

static gboolean
batch_add_status (Batch    *batch,
                  JsonNode *node)
{
  JsonObject *status = _chorus_json_object (node);
  ChorusIncomingPost *post;
  char *parent_id = NULL;

  post = status != NULL ? parse_status (status, &parent_id) : NULL;
  if (post == NULL)
    return FALSE;

  if (g_hash_table_contains (batch->uris, post->uri))
    {
      chorus_incoming_post_free (post);
      g_free (parent_id);
      return FALSE;
    }

  g_hash_table_add (batch->uris, post->uri);
  g_ptr_array_add (batch->posts, post);
  batch_add_link (batch, post, parent_id, FALSE);

  return TRUE;
}

static void
batch_add_array (Batch     *batch,
                 JsonArray *array)
{
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    batch_add_status (batch, json_array_get_element (array, i));
}

static const char *
find_root (GArray     *links,
           GHashTable *by_id,
           guint       start)
{
  guint current = start;

  for (guint steps = 0; steps <= links->len; steps++)
    {
      Link *link = &g_array_index (links, Link, current);
      gpointer found;

      if (link->parent_id == NULL && !link->parent_unknown)
        return link->post->uri;

      if (link->parent_unknown || !g_hash_table_lookup_extended (by_id, link->parent_id, NULL, &found))
        return link->post->root_uri;

      current = GPOINTER_TO_UINT (found);
    }

  return NULL;   /* a cycle */
}

static void
batch_link (Batch *batch)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_free);
  GArray *links = batch->links;

  for (guint i = 0; i < links->len; i++)
    {
      ChorusIncomingPost *post = g_array_index (links, Link, i).post;

      if (post->remote_id != NULL)
        g_hash_table_insert (by_id, post->remote_id, GUINT_TO_POINTER (i));
    }

  /* Find every root before changing any: a walk that stops at a post
   * whose parent is missing takes that post's root_uri as it came. */
  for (guint i = 0; i < links->len; i++)
    g_ptr_array_add (roots, g_strdup (find_root (links, by_id, i)));

  for (guint i = 0; i < links->len; i++)
    {
      Link *link = &g_array_index (links, Link, i);
      char *root = g_ptr_array_index (roots, i);
      gpointer found;

      if (link->parent_id != NULL && g_hash_table_lookup_extended (by_id, link->parent_id, NULL, &found))
        {
          ChorusIncomingPost *parent = g_array_index (links, Link, GPOINTER_TO_UINT (found)).post;

          g_free (link->post->reply_to_uri);
          link->post->reply_to_uri = g_strdup (parent->uri);
        }

      if (root != NULL)
        {
          g_free (link->post->root_uri);
          link->post->root_uri = g_steal_pointer (&roots->pdata[i]);
        }
    }
}

static GPtrArray *
batch_finish (Batch *batch)
{
  GPtrArray *posts;

  batch_link (batch);
  posts = g_steal_pointer (&batch->posts);
  batch_clear (batch);

  return posts;
}

/**
 * chorus_mastodon_post_from_status:
 * @status: a Status entity
 * @error: a location for a #GError
 *
 * Reads one status; a boost gives the boosted status. Its reply_to_uri
 * stays %NULL (a status names its parent only by a server-local id, kept
 * in reply_to_remote_id), and root_uri is set only when the status is not
 * a reply.
 *
 * Returns: (transfer full) (nullable): the post, or %NULL when @status has
 *   no uri, author or creation date
 */
ChorusIncomingPost *
chorus_mastodon_post_from_status (JsonNode  *status,
                                  GError   **error)
{
  g_autofree char *parent_id = NULL;
  ChorusIncomingPost *post;
  JsonObject *object;

  g_return_val_if_fail (status != NULL, NULL);

  object = _chorus_json_object (status);
  post = object != NULL ? parse_status (object, &parent_id) : NULL;
  if (post == NULL)
    g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                 _("The Mastodon status has no address, author or date."));

  return post;
}

/**
 * chorus_mastodon_parse_statuses:
 * @data: the response body: one Status or an array of them (timelines,
 *   account statuses, GET /api/v1/statuses?id[]=)
 * @length: the length of @data, or -1 when it is nul-terminated
 * @error: a location for a #GError
 *
 * Unusable entries are skipped, a status boosted several times counts
 * once, and replies whose parent is in the same response are linked.
 *
 * Returns: (transfer full) (element-type ChorusIncomingPost): the posts
 */
GPtrArray *
chorus_mastodon_parse_statuses (const char  *data,
                                gssize       length,
                                GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  Batch batch;

  g_return_val_if_fail (data != NULL, NULL);

  if (!(root = _chorus_json_load (data, length, error)))
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (root) && !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   _("The Mastodon server’s reply is not a status or a list of statuses."));
      return NULL;
    }

  batch_init (&batch);
  if (JSON_NODE_HOLDS_ARRAY (root))
    batch_add_array (&batch, json_node_get_array (root));
  else if (!batch_add_status (&batch, root))
    {
      batch_clear (&batch);
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   _("The Mastodon status has no address, author or date."));
      return NULL;
    }

  return batch_finish (&batch);
}

static gboolean
is_post_notification (const char *type)
{
  return g_strcmp0 (type, "mention") == 0 || g_strcmp0 (type, "status") == 0 ||
         g_strcmp0 (type, "reply") == 0 || g_strcmp0 (type, "quote") == 0;
}

/* Grouped notifications side-load their statuses. */
static void
add_grouped_notifications (Batch      *batch,
                           JsonObject *response)
{
  JsonArray *groups = _chorus_json_get_array (response, "notification_groups");
  JsonArray *statuses = _chorus_json_get_array (response, "statuses");
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = statuses != NULL ? json_array_get_length (statuses) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (statuses, i);
      const char *id = _chorus_json_get_string (_chorus_json_object (node), "id");

      if (id != NULL)
        g_hash_table_insert (by_id, (gpointer) id, node);
    }

  n = groups != NULL ? json_array_get_length (groups) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *group = _chorus_json_array_object (groups, i);
      const char *status_id = _chorus_json_get_string (group, "status_id");

      if (is_post_notification (_chorus_json_get_string (group, "type")) && status_id != NULL)
        {
          JsonNode *status = g_hash_table_lookup (by_id, status_id);

          if (status != NULL)
            batch_add_status (batch, status);
        }
    }
}

/**
 * chorus_mastodon_parse_notifications:
 * @data: the body of GET /api/v1/notifications (an array), of one
 *   notification, or of the grouped GET /api/v2/notifications
 * @length: the length of @data, or -1 when it is nul-terminated
 * @error: a location for a #GError
 *
 * Mentions, statuses from followed accounts, replies and quotes give
 * their status; other notification types are ignored.
 *
 * Returns: (transfer full) (element-type ChorusIncomingPost): the posts
 */
GPtrArray *
chorus_mastodon_parse_notifications (const char  *data,
                                     gssize       length,
                                     GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  Batch batch;

  g_return_val_if_fail (data != NULL, NULL);

  if (!(root = _chorus_json_load (data, length, error)))
    return NULL;

  object = _chorus_json_object (root);
  if (!JSON_NODE_HOLDS_ARRAY (root) &&
      !(object != NULL && (_chorus_json_get_array (object, "notification_groups") != NULL ||
                           _chorus_json_get_string (object, "type") != NULL)))
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   _("The Mastodon server’s reply is not a list of notifications."));
      return NULL;
    }

  batch_init (&batch);
  if (object != NULL && _chorus_json_get_array (object, "notification_groups") != NULL)
    {
      add_grouped_notifications (&batch, object);
    }
  else
    {
      JsonArray *array = JSON_NODE_HOLDS_ARRAY (root) ? json_node_get_array (root) : NULL;
      guint n = array != NULL ? json_array_get_length (array) : 1;

      for (guint i = 0; i < n; i++)
        {
          JsonObject *notification = array != NULL ? _chorus_json_array_object (array, i) : object;

          if (is_post_notification (_chorus_json_get_string (notification, "type")))
            batch_add_status (&batch, _chorus_json_get_member (notification, "status"));
        }
    }

  return batch_finish (&batch);
}

/**
 * chorus_mastodon_parse_context:
 * @data: the body of GET /api/v1/statuses/:id/context
 * @length: the length of @data, or -1 when it is nul-terminated
 * @focal: (nullable) (inout): the status the context was asked for
 * @error: a location for a #GError
 *
 * Reads the thread around a status. Reply and root links are resolved
 * within the thread, including replies to @focal; @focal's own
 * reply_to_uri and root_uri are filled in too.
 *
 * Returns: (transfer full) (element-type ChorusIncomingPost): the
 *   ancestors, oldest first, then the descendants (not @focal)
 */
GPtrArray *
chorus_mastodon_parse_context (const char          *data,
                               gssize               length,
                               ChorusIncomingPost  *focal,
                               GError             **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *ancestors;
  JsonArray *descendants;
  Batch batch;
  guint n_ancestors;

  g_return_val_if_fail (data != NULL, NULL);

  if (!(root = _chorus_json_load (data, length, error)))
    return NULL;

  ancestors = _chorus_json_get_array (_chorus_json_object (root), "ancestors");
  descendants = _chorus_json_get_array (_chorus_json_object (root), "descendants");
  if (ancestors == NULL && descendants == NULL)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   _("The Mastodon server’s reply is not a thread."));
      return NULL;
    }

  batch_init (&batch);
  batch_add_array (&batch, ancestors);
  n_ancestors = batch.posts->len;
  batch_add_array (&batch, descendants);

  /* Ancestors are the focal status's chain of parents, oldest first. */
  if (focal != NULL && focal->uri != NULL && !g_hash_table_contains (batch.uris, focal->uri))
    {
      gboolean is_root = g_strcmp0 (focal->root_uri, focal->uri) == 0;
      ChorusIncomingPost *parent = n_ancestors > 0 ? batch.posts->pdata[n_ancestors - 1] : NULL;
      const char *parent_id = parent != NULL ? parent->remote_id : NULL;

      batch_add_link (&batch, focal, g_strdup (parent_id), parent_id == NULL && !is_root);
    }

  return batch_finish (&batch);
}

/**
 * chorus_mastodon_parse_search:
 * @data: the body of GET /api/v2/search
 * @length: the length of @data, or -1 when it is nul-terminated
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type ChorusIncomingPost): the
 *   statuses found (accounts and hashtags are ignored)
 */
GPtrArray *
chorus_mastodon_parse_search (const char  *data,
                              gssize       length,
                              GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *statuses;
  Batch batch;

  g_return_val_if_fail (data != NULL, NULL);

  if (!(root = _chorus_json_load (data, length, error)))
    return NULL;

  statuses = _chorus_json_get_array (_chorus_json_object (root), "statuses");
  if (statuses == NULL)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   _("The Mastodon server’s reply is not a search result."));
      return NULL;
    }

  batch_init (&batch);
  batch_add_array (&batch, statuses);

  return batch_finish (&batch);
}

/**
 * chorus_mastodon_parse_poll:
 * @data: the body of GET /api/v1/polls/:id or POST /api/v1/polls/:id/votes
 * @length: the length of @data, or -1 when it is nul-terminated
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the poll; option counts are -1
 *   while the server hides them
 */
ChorusIncomingPoll *
chorus_mastodon_parse_poll (const char  *data,
                            gssize       length,
                            GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  ChorusIncomingPoll *poll;

  g_return_val_if_fail (data != NULL, NULL);

  if (!(root = _chorus_json_load (data, length, error)))
    return NULL;

  poll = parse_poll_object (_chorus_json_object (root));
  if (poll == NULL)
    g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                 _("The Mastodon server’s reply is not a poll."));

  return poll;
}

/**
 * chorus_mastodon_parse_accounts:
 * @data: a list of accounts, such as GET /api/v1/statuses/:id/favourited_by
 * @length: the length of @data, or -1 when it is nul-terminated
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type ChorusIncomingAuthor): the
 *   accounts, less those without a handle; %NULL with @error set when
 *   @data is not a list
 */
GPtrArray *
chorus_mastodon_parse_accounts (const char  *data,
                                gssize       length,
                                GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  GPtrArray *authors;
  JsonArray *accounts;

  g_return_val_if_fail (data != NULL, NULL);

  if (!(root = _chorus_json_load (data, length, error)))
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   _("The Mastodon server’s reply is not a list of accounts."));
      return NULL;
    }

  accounts = json_node_get_array (root);
  authors = g_ptr_array_new_with_free_func ((GDestroyNotify) chorus_incoming_author_free);
  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      ChorusIncomingAuthor *author = parse_account (_chorus_json_array_object (accounts, i));

      if (author != NULL)
        g_ptr_array_add (authors, author);
    }

  return authors;
}
