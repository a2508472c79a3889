/* fake-mastodon-writes.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <json-glib/json-glib.h>

#include "fake-mastodon-private.h"

/* What the fake Mastodon server does with writes, and with reads of one
 * status: POST /api/v1/statuses makes a status (a reply when it names
 * in_reply_to_id), honouring Idempotency-Key as Mastodon does (the same
 * key within an hour gives the status it made then, not a new one), with
 * a poll when it has one, checked against limits the tests set, and the
 * uploaded images its media_ids name (see fake-mastodon-media.c);
 * favourite and reblog are idempotent, as on Mastodon; GET
 * /api/v1/statuses/:id serves generated and made statuses, and GET
 * /api/v1/polls/:id the polls as tests changed them. Every write is
 * recorded for the tests. Runs in the server's thread; the tests read
 * under the lock. */

#define FIRST_CREATED_ID  G_GUINT64_CONSTANT (9000000)
#define FIRST_POLL_ID     700000
#define KEY_LIFETIME_US   (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)

typedef struct
{
  guint  index;             /* in created */
  gint64 made_at;           /* monotonic µs */
} KeyUse;

/* A poll made with a status: its options' counts (-1 while hidden) and
 * whether it has ended or was deleted, all set by tests. */
typedef struct
{
  char      *id;
  GPtrArray *titles;        /* char * */
  GArray    *votes;         /* gint64 */
  gint64     expires_at;    /* Unix seconds */
  gboolean   multiple;
  gboolean   expired;
  gboolean   deleted;
} FakePoll;

struct _FakeWrites
{
  char        *host;
  FakeMedia   *media;       /* the server's, for media_ids */
  GMutex       lock;
  GPtrArray   *created;     /* char *, the JSON of each status made */
  GHashTable  *keys;        /* Idempotency-Key → KeyUse */
  GHashTable  *visibility;  /* status id → visibility, set by tests */
  GHashTable  *favourited;  /* status id */
  GHashTable  *reblogs;     /* status id → the wrapper's JSON */
  GPtrArray   *writes;      /* FakeMastodonWrite */
  guint        status_posts;
  GPtrArray   *polls;       /* FakePoll */
  guint        poll_limits[4]; /* max options, characters per option, min and max expiration */
  gint64       followers;   /* the brand account's, in the statuses it makes */
};

static void
fake_poll_free (FakePoll *poll)
{
  g_free (poll->id);
  g_ptr_array_unref (poll->titles);
  g_array_unref (poll->votes);
  g_free (poll);
}

FakeWrites *
fake_writes_new (const char *host,
                 FakeMedia  *media)
{
  FakeWrites *self = g_new0 (FakeWrites, 1);

  self->host = g_strdup (host);
  self->media = media;
  g_mutex_init (&self->lock);
  self->created = g_ptr_array_new_with_free_func (g_free);
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->visibility = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->favourited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->reblogs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->writes = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_mastodon_write_free);
  self->polls = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_poll_free);
  fake_writes_set_poll_limits (self, 4, 50, 300, 2629746);
  self->followers = 250;

  return self;
}

void
fake_writes_free (FakeWrites *self)
{
  g_ptr_array_unref (self->created);
  g_hash_table_unref (self->keys);
  g_hash_table_unref (self->visibility);
  g_hash_table_unref (self->favourited);
  g_hash_table_unref (self->reblogs);
  g_ptr_array_unref (self->writes);
  g_ptr_array_unref (self->polls);
  g_mutex_clear (&self->lock);
  g_free (self->host);
  g_free (self);
}

void
fake_mastodon_write_free (FakeMastodonWrite *write)
{
  if (write == NULL)
    return;

  g_free (write->path);
  g_free (write->idempotency_key);
  g_free (write->body);
  g_free (write);
}

static FakeMastodonWrite *
write_copy (const FakeMastodonWrite *write)
{
  FakeMastodonWrite *copy = g_new0 (FakeMastodonWrite, 1);

  copy->path = g_strdup (write->path);
  copy->idempotency_key = g_strdup (write->idempotency_key);
  copy->body = g_strdup (write->body);
  copy->status = write->status;

  return copy;
}

/* Copies of the writes so far, oldest first. */
GPtrArray *
fake_writes_dup_writes (FakeWrites *self)
{
  GPtrArray *copies = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_mastodon_write_free);

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->writes->len; i++)
    g_ptr_array_add (copies, write_copy (g_ptr_array_index (self->writes, i)));
  g_mutex_unlock (&self->lock);

  return copies;
}

void
fake_writes_get_counts (FakeWrites *self,
                        guint      *created,
                        guint      *status_posts,
                        guint      *favourites,
                        guint      *reblogs)
{
  g_mutex_lock (&self->lock);
  *created = self->created->len;
  *status_posts = self->status_posts;
  *favourites = g_hash_table_size (self->favourited);
  *reblogs = g_hash_table_size (self->reblogs);
  g_mutex_unlock (&self->lock);
}

void
fake_writes_set_visibility (FakeWrites *self,
                            const char *id,
                            const char *visibility)
{
  g_mutex_lock (&self->lock);
  g_hash_table_replace (self->visibility, g_strdup (id), g_strdup (visibility));
  g_mutex_unlock (&self->lock);
}

/* Statuses */

static char *
escape_html (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return g_strconcat ("<p>", escaped, "</p>", NULL);
}

static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.000Z");
}

static JsonObject *
new_account (FakeWrites *self)
{
  JsonObject *account = json_object_new ();
  g_autofree char *url = g_strdup_printf ("https://%s/@brand", self->host);

  json_object_set_string_member (account, "id", "1");
  json_object_set_string_member (account, "username", "brand");
  json_object_set_string_member (account, "acct", "brand");
  json_object_set_string_member (account, "display_name", "Brand");
  json_object_set_string_member (account, "url", url);
  json_object_set_string_member (account, "created_at", "2025-01-01T00:00:00.000Z");
  json_object_set_int_member (account, "followers_count", self->followers);

  return account;
}

/* A status of the brand's, numbered @number among those made. */
static char *
iso_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S.000Z");
}

/* @poll in the shape of real/status_local_poll_*.json. */
static JsonObject *
poll_object (FakePoll *poll)
{
  JsonObject *object = json_object_new ();
  JsonArray *options = json_array_new ();
  g_autofree char *expires_at = iso_time (poll->expires_at);
  gint64 total = 0;

  for (guint i = 0; i < poll->titles->len; i++)
    {
      JsonObject *option = json_object_new ();
      gint64 votes = g_array_index (poll->votes, gint64, i);

      json_object_set_string_member (option, "title", g_ptr_array_index (poll->titles, i));
      if (votes >= 0)
        json_object_set_int_member (option, "votes_count", votes);
      else
        json_object_set_null_member (option, "votes_count");
      json_array_add_object_element (options, option);
      total += MAX (votes, 0);
    }

  json_object_set_string_member (object, "id", poll->id);
  json_object_set_string_member (object, "expires_at", expires_at);
  json_object_set_boolean_member (object, "expired", poll->expired);
  json_object_set_boolean_member (object, "multiple", poll->multiple);
  json_object_set_int_member (object, "votes_count", total);
  json_object_set_int_member (object, "voters_count", total);
  json_object_set_boolean_member (object, "voted", FALSE);
  json_object_set_array_member (object, "own_votes", json_array_new ());
  json_object_set_array_member (object, "options", options);
  json_object_set_array_member (object, "emojis", json_array_new ());

  return object;
}

static char *
new_status (FakeWrites *self,
            guint       number,
            const char *text,
            const char *in_reply_to_id,
            const char *visibility,
            FakePoll   *poll,
            JsonArray  *attachments)
{
  g_autoptr(JsonObject) status = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  guint64 id = FIRST_CREATED_ID + number;
  g_autofree char *id_text = g_strdup_printf ("%" G_GUINT64_FORMAT, id);
  g_autofree char *uri = g_strdup_printf ("https://%s/users/brand/statuses/%s", self->host, id_text);
  g_autofree char *url = g_strdup_printf ("https://%s/@brand/%s", self->host, id_text);
  g_autofree char *content = escape_html (text);
  g_autofree char *created_at = now_iso ();

  json_object_set_string_member (status, "id", id_text);
  json_object_set_string_member (status, "created_at", created_at);
  if (in_reply_to_id != NULL)
    json_object_set_string_member (status, "in_reply_to_id", in_reply_to_id);
  else
    json_object_set_null_member (status, "in_reply_to_id");
  json_object_set_string_member (status, "visibility", visibility);
  json_object_set_string_member (status, "uri", uri);
  json_object_set_string_member (status, "url", url);
  json_object_set_string_member (status, "content", content);
  json_object_set_string_member (status, "spoiler_text", "");
  json_object_set_int_member (status, "replies_count", 0);
  json_object_set_int_member (status, "reblogs_count", 0);
  json_object_set_int_member (status, "favourites_count", 0);
  json_object_set_object_member (status, "account", new_account (self));
  json_object_set_array_member (status, "media_attachments",
                                attachments != NULL ? json_array_ref (attachments) : json_array_new ());
  json_object_set_null_member (status, "reblog");
  if (poll != NULL)
    json_object_set_object_member (status, "poll", poll_object (poll));
  else
    json_object_set_null_member (status, "poll");

  node = json_node_init_object (json_node_alloc (), status);
  return json_to_string (node, FALSE);
}

/* The JSON of status @id (generated or made), with the visibility a test
 * gave it; NULL for none. Called with the lock held. */
static char *
dup_status (FakeWrites   *self,
            FakeStatuses *statuses,
            guint         n_statuses,
            const char   *id)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *visibility = g_hash_table_lookup (self->visibility, id);
  g_autoptr(GString) json = g_string_new (NULL);
  guint64 number;
  JsonObject *object;

  if (!g_ascii_string_to_unsigned (id, 10, 0, G_MAXUINT64, &number, NULL))
    return NULL;

  if (number >= FIRST_CREATED_ID && number - FIRST_CREATED_ID < self->created->len)
    g_string_assign (json, g_ptr_array_index (self->created, number - FIRST_CREATED_ID));
  else
    for (guint i = 0; i < n_statuses && json->len == 0; i++)
      if (fake_status_id (i) == number)
        fake_statuses_append_status (statuses, json, i);

  if (json->len == 0)
    return NULL;
  if (visibility == NULL)
    return g_string_free (g_steal_pointer (&json), FALSE);

  json_parser_load_from_data (parser, json->str, (gssize) json->len, NULL);
  object = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (object, "visibility", visibility);
  return json_to_string (json_parser_get_root (parser), FALSE);
}

/* Polls */

/* Sets the refusal in @body; returns NULL, the poll not made. */
static gpointer
refuse_poll (GString    **body,
             const char  *why)
{
  *body = g_string_new (NULL);
  g_string_printf (*body, "{\"error\":\"Validation failed: %s\"}", why);
  return NULL;
}

/* A poll from a status's "poll" member, checked as Mastodon checks it,
 * or NULL with the refusal in @body. Called with the lock held. */
static FakePoll *
make_poll (FakeWrites  *self,
           JsonNode    *node,
           GString    **body)
{
  JsonObject *input = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonArray *options = input != NULL && json_object_has_member (input, "options") &&
                       JSON_NODE_HOLDS_ARRAY (json_object_get_member (input, "options"))
                       ? json_object_get_array_member (input, "options") : NULL;
  gint64 expires_in = input != NULL ? json_object_get_int_member_with_default (input, "expires_in", 0) : 0;
  FakePoll *poll;
  guint n = options != NULL ? json_array_get_length (options) : 0;

  if (n < 2)
    return refuse_poll (body, "Poll must have at least 2 options");
  if (n > self->poll_limits[0])
    return refuse_poll (body, "Poll has too many options");
  for (guint i = 0; i < n; i++)
    if (g_utf8_strlen (json_array_get_string_element (options, i), -1) > self->poll_limits[1])
      return refuse_poll (body, "Poll options are too long");
  if (expires_in < self->poll_limits[2])
    return refuse_poll (body, "Poll expiration is too short");
  if (expires_in > self->poll_limits[3])
    return refuse_poll (body, "Poll expiration is too long");

  poll = g_new0 (FakePoll, 1);
  poll->id = g_strdup_printf ("%u", FIRST_POLL_ID + self->polls->len);
  poll->titles = g_ptr_array_new_with_free_func (g_free);
  poll->votes = g_array_new (FALSE, TRUE, sizeof (gint64));
  poll->expires_at = g_get_real_time () / G_USEC_PER_SEC + expires_in;
  poll->multiple = json_object_get_boolean_member_with_default (input, "multiple", FALSE);
  for (guint i = 0; i < n; i++)
    {
      gint64 none = 0;

      g_ptr_array_add (poll->titles, g_strdup (json_array_get_string_element (options, i)));
      g_array_append_val (poll->votes, none);
    }
  g_ptr_array_add (self->polls, poll);

  return poll;
}

/* Poll @id, or the latest when NULL. Called with the lock held. */
static FakePoll *
find_poll (FakeWrites *self,
           const char *id)
{
  for (guint i = self->polls->len; i > 0; i--)
    {
      FakePoll *poll = g_ptr_array_index (self->polls, i - 1);

      if (id == NULL || g_str_equal (poll->id, id))
        return poll;
    }

  return NULL;
}

void
fake_writes_set_poll_limits (FakeWrites *self,
                             guint       max_options,
                             guint       max_characters_per_option,
                             guint       min_expiration,
                             guint       max_expiration)
{
  g_mutex_lock (&self->lock);
  self->poll_limits[0] = max_options;
  self->poll_limits[1] = max_characters_per_option;
  self->poll_limits[2] = min_expiration;
  self->poll_limits[3] = max_expiration;
  g_mutex_unlock (&self->lock);
}

void
fake_writes_get_poll_limits (FakeWrites *self,
                             guint       limits[4])
{
  g_mutex_lock (&self->lock);
  memcpy (limits, self->poll_limits, sizeof self->poll_limits);
  g_mutex_unlock (&self->lock);
}

/* Sets poll @id's counts (-1 hides one), ends it or deletes it. */
void
fake_writes_change_poll (FakeWrites   *self,
                         const char   *id,
                         const gint64 *votes,
                         guint         n,
                         gboolean      expire,
                         gboolean      delete)
{
  FakePoll *poll;

  g_mutex_lock (&self->lock);
  poll = find_poll (self, id);
  g_assert (poll != NULL);
  for (guint i = 0; votes != NULL && i < MIN (n, poll->votes->len); i++)
    g_array_index (poll->votes, gint64, i) = votes[i];
  poll->expired |= expire;
  poll->deleted |= delete;
  g_mutex_unlock (&self->lock);
}

/* GET /api/v1/polls/:id */
static guint
read_poll (FakeWrites  *self,
           const char  *id,
           GString    **body)
{
  FakePoll *poll;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;

  g_mutex_lock (&self->lock);
  poll = find_poll (self, id);
  if (poll != NULL && !poll->deleted)
    {
      node = json_node_init_object (json_node_alloc (), poll_object (poll));
      json_object_unref (json_node_get_object (node));
      json = json_to_string (node, FALSE);
    }
  g_mutex_unlock (&self->lock);

  *body = g_string_new (json != NULL ? json : "{\"error\":\"Record not found\"}");
  return json != NULL ? 200 : 404;
}

/* Writes */

static guint
post_status (FakeWrites  *self,
             const char  *key,
             const char  *request,
             GString    **body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *input = NULL;
  KeyUse *use = key != NULL ? g_hash_table_lookup (self->keys, key) : NULL;
  g_autoptr(JsonArray) attachments = NULL;
  FakePoll *poll = NULL;
  const char *text;
  char *status;

  self->status_posts++;

  /* Mastodon keeps a key's status for an hour. */
  if (use != NULL && g_get_monotonic_time () - use->made_at < KEY_LIFETIME_US)
    {
      *body = g_string_new (g_ptr_array_index (self->created, use->index));
      return 200;
    }

  if (json_parser_load_from_data (parser, request, -1, NULL) && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    input = json_node_get_object (json_parser_get_root (parser));
  text = input != NULL ? json_object_get_string_member_with_default (input, "status", "") : "";
  if (*text == '\0')
    {
      *body = g_string_new ("{\"error\":\"Validation failed: Text can't be blank\"}");
      return 422;
    }

  if (input != NULL && json_object_has_member (input, "poll") &&
      !(poll = make_poll (self, json_object_get_member (input, "poll"), body)))
    return 422;

  if (input != NULL && json_object_has_member (input, "media_ids") &&
      !(attachments = fake_media_attach (self->media, json_object_get_array_member (input, "media_ids"), body)))
    return 422;

  status = new_status (self, self->created->len, text,
                       json_object_get_string_member_with_default (input, "in_reply_to_id", NULL),
                       json_object_get_string_member_with_default (input, "visibility", "public"), poll,
                       attachments);
  if (key != NULL)
    {
      use = g_new0 (KeyUse, 1);
      use->index = self->created->len;
      use->made_at = g_get_monotonic_time ();
      g_hash_table_replace (self->keys, g_strdup (key), use);
    }
  g_ptr_array_add (self->created, status);
  *body = g_string_new (status);
  return 200;
}

/* Favourite and reblog: /api/v1/statuses/:id/favourite or /reblog. */
static guint
act_on_status (FakeWrites   *self,
               FakeStatuses *statuses,
               guint         n_statuses,
               const char   *path,
               GString     **body)
{
  g_auto(GStrv) parts = g_strsplit (path + strlen ("/api/v1/statuses/"), "/", 2);
  g_autofree char *json = dup_status (self, statuses, n_statuses, parts[0]);
  char *wrapper;

  if (json == NULL)
    {
      *body = g_string_new ("{\"error\":\"Record not found\"}");
      return 404;
    }

  if (g_str_equal (parts[1], "favourite"))
    {
      g_hash_table_add (self->favourited, g_strdup (parts[0]));
      *body = g_string_new (json);
      return 200;
    }

  if (!(wrapper = g_hash_table_lookup (self->reblogs, parts[0])))
    {
      wrapper = g_strdup_printf ("{\"id\":\"%u\",\"uri\":\"https://%s/users/brand/statuses/%s/activity\","
                                 "\"created_at\":\"2026-01-02T00:00:00.000Z\",\"reblog\":%s}",
                                 g_hash_table_size (self->reblogs) + 1, self->host, parts[0], json);
      g_hash_table_insert (self->reblogs, g_strdup (parts[0]), wrapper);
    }
  *body = g_string_new (wrapper);
  return 200;
}

static gboolean
is_action (const char *path)
{
  return g_str_has_prefix (path, "/api/v1/statuses/") &&
         (g_str_has_suffix (path, "/favourite") || g_str_has_suffix (path, "/reblog"));
}

/* Whether @path and @method are a write this file answers. */
gboolean
fake_writes_is_write (const char *method,
                      const char *path)
{
  return g_str_equal (method, "POST") && (g_str_equal (path, "/api/v1/statuses") || is_action (path));
}

/**
 * fake_writes_route:
 * @signed_in: whether the request carries the server's token
 * @refuse: 0, or the HTTP status to answer a write with instead of
 *   doing it (it is still recorded)
 *
 * Answers a write or a read of one status, in @body with its status;
 * returns 0 when @path is neither, for the server's other routes.
 */
guint
fake_writes_route (FakeWrites        *self,
                   FakeStatuses      *statuses,
                   guint              n_statuses,
                   SoupServerMessage *message,
                   const char        *path,
                   gboolean           signed_in,
                   guint              refuse,
                   GString          **body)
{
  const char *method = soup_server_message_get_method (message);
  SoupMessageBody *request = soup_server_message_get_request_body (message);
  gboolean is_post = g_str_equal (method, "POST");
  FakeMastodonWrite *write;
  g_autofree char *json = NULL;
  guint status;

  if (!is_post && g_str_has_prefix (path, "/api/v1/polls/") && strchr (path + 14, '/') == NULL)
    return read_poll (self, path + strlen ("/api/v1/polls/"), body);

  if (!is_post && g_str_has_prefix (path, "/api/v1/statuses/") && strchr (path + 17, '/') == NULL)
    {
      g_mutex_lock (&self->lock);
      json = dup_status (self, statuses, n_statuses, path + strlen ("/api/v1/statuses/"));
      g_mutex_unlock (&self->lock);
      *body = g_string_new (json != NULL ? json : "{\"error\":\"Record not found\"}");
      return json != NULL ? 200 : 404;
    }

  if (!fake_writes_is_write (method, path))
    return 0;

  write = g_new0 (FakeMastodonWrite, 1);
  write->path = g_strdup (path);
  write->idempotency_key = g_strdup (soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                                   "Idempotency-Key"));
  write->body = g_strndup (request->data, request->length);

  g_mutex_lock (&self->lock);
  if (refuse != 0)
    {
      self->status_posts += g_str_equal (path, "/api/v1/statuses");
      *body = g_string_new (refuse == 422 ? "{\"error\":\"Validation failed: Text character limit of 500 exceeded\"}"
                                          : "{\"error\":\"Something went wrong\"}");
      status = refuse;
    }
  else if (!signed_in)
    {
      *body = g_string_new ("{\"error\":\"The access token is invalid\"}");
      status = 401;
    }
  else if (g_str_equal (path, "/api/v1/statuses"))
    status = post_status (self, write->idempotency_key, write->body, body);
  else
    status = act_on_status (self, statuses, n_statuses, path, body);
  write->status = status;
  g_ptr_array_add (self->writes, write);
  g_mutex_unlock (&self->lock);

  return status;
}

/* Variant posts: the brand's followers in the statuses made from now on,
 * and a made status's counts (-1 leaves one as it is), or its deletion. */
void
fake_writes_set_followers (FakeWrites *self,
                           gint64      followers)
{
  g_mutex_lock (&self->lock);
  self->followers = followers;
  g_mutex_unlock (&self->lock);
}

void
fake_writes_change_status (FakeWrites   *self,
                           guint         index,
                           const gint64  counts[3],
                           gboolean      delete)
{
  static const char * const members[] = { "favourites_count", "reblogs_count", "replies_count" };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *status;

  g_mutex_lock (&self->lock);
  g_assert_cmpuint (index, <, self->created->len);
  if (delete)
    {
      /* Kept empty: the index stays the status's number. */
      g_free (g_ptr_array_index (self->created, index));
      g_ptr_array_index (self->created, index) = g_strdup ("");
    }
  else
    {
      g_assert_true (json_parser_load_from_data (parser, g_ptr_array_index (self->created, index), -1, NULL));
      status = json_node_get_object (json_parser_get_root (parser));
      for (guint i = 0; i < G_N_ELEMENTS (members); i++)
        if (counts[i] >= 0)
          json_object_set_int_member (status, members[i], counts[i]);
      g_free (g_ptr_array_index (self->created, index));
      g_ptr_array_index (self->created, index) = json_to_string (json_parser_get_root (parser), FALSE);
    }
  g_mutex_unlock (&self->lock);
}
