/* fake-mastodon.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "fake-mastodon-private.h"
#include "fake-mastodon.h"

#define OVERSIZED_BYTES (17 * 1024 * 1024)

struct _FakeMastodon
{
  FakeMastodonConfig config;    /* its strings owned */
  FakeStatuses *statuses_json;

  GMutex        lock;           /* guards everything below */
  GCond         started;
  guint         statuses;
  GHashTable   *faults;         /* request number → FakeMastodonFault */
  GHashTable   *page_faults;    /* list request number → FakeMastodonFault */
  guint         requests;
  guint         list_requests;
  guint         faults_served;
  FakeMastodonRequestFunc request_func;
  gpointer      request_data;
  char         *url;
  FakeWrites   *writes;         /* locks itself */
  FakeMedia    *media;          /* locks itself */
  GHashTable   *post_faults;    /* POST /api/v1/statuses number → FakeMastodonFault */
  guint         status_posts;
  GHashTable   *poll_faults;    /* GET /api/v1/polls/:id number → FakeMastodonFault */
  guint         poll_reads;
  GHashTable   *status_faults;  /* GET /api/v1/statuses/:id number → FakeMastodonFault */
  guint         status_reads;
  GPtrArray    *stalled;        /* SoupServerMessage, never answered; the server's thread only */

  GMainContext *context;
  GMainLoop    *loop;
  GThread      *thread;
};

/* Paging, as Mastodon does it */

static guint
count_items (FakeMastodon *self,
             gboolean      mentions)
{
  guint every = self->config.mention_every;

  if (!mentions)
    return self->statuses;
  return every > 0 ? (self->statuses + every - 1) / every : 0;
}

static guint64
item_id (gboolean mentions,
         guint    i)
{
  return mentions ? FIRST_MENTION_ID + i : fake_status_id (i);
}

/* The first item whose id is above @id. */
static guint
first_above (FakeMastodon *self,
             gboolean      mentions,
             guint64       id)
{
  guint low = 0;
  guint high = count_items (self, mentions);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (item_id (mentions, middle) <= id)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static guint64
query_id (GHashTable *query,
          const char *name)
{
  const char *value = query != NULL ? g_hash_table_lookup (query, name) : NULL;
  guint64 id = 0;

  if (value != NULL && !g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT64, &id, NULL))
    id = 0;

  return id;
}

/* Items [*first, *end): newer than since_id and min_id, older than
 * max_id; with min_id the oldest of them (paging forward), otherwise the
 * newest. */
static void
select_page (FakeMastodon *self,
             gboolean      mentions,
             GHashTable   *query,
             guint         limit,
             guint        *first,
             guint        *end)
{
  guint64 max_id = query_id (query, "max_id");
  guint low = first_above (self, mentions, MAX (query_id (query, "min_id"), query_id (query, "since_id")));
  guint high = max_id > 0 ? first_above (self, mentions, max_id - 1) : count_items (self, mentions);

  high = MAX (high, low);
  if (query != NULL && g_hash_table_contains (query, "min_id"))
    {
      *first = low;
      *end = MIN (low + limit, high);
    }
  else
    {
      *end = high;
      *first = high - MIN (limit, high - low);
    }
}

/* Links keep the request's other parameters, in Mastodon's order. */
static char *
dup_link (FakeMastodon *self,
          const char   *path,
          GHashTable   *query,
          guint         limit,
          guint64       oldest,
          guint64       newest)
{
  g_autofree char *with_limit = NULL;
  const char *types = "";

  if (query != NULL && g_hash_table_contains (query, "limit"))
    with_limit = g_strdup_printf ("limit=%u&", limit);
  if (query != NULL && g_hash_table_contains (query, "types[]"))
    types = "&types%5B%5D=mention";

  return g_strdup_printf ("<%s%s?%smax_id=%" G_GUINT64_FORMAT "%s>; rel=\"next\", "
                          "<%s%s?%smin_id=%" G_GUINT64_FORMAT "%s>; rel=\"prev\"",
                          self->url, path, with_limit ? with_limit : "", oldest, types,
                          self->url, path, with_limit ? with_limit : "", newest, types);
}

/* A page of statuses (or mentions), newest first, with its Link header. */
static GString *
dup_page (FakeMastodon      *self,
          SoupServerMessage *message,
          const char        *path,
          GHashTable        *query,
          gboolean           mentions)
{
  const char *asked = query != NULL ? g_hash_table_lookup (query, "limit") : NULL;
  GString *body = g_string_sized_new (128 * 1024);
  g_autofree char *link = NULL;
  guint64 limit = 0;
  guint first;
  guint end;

  /* Mastodon's defaults and maximums. */
  if (asked == NULL || !g_ascii_string_to_unsigned (asked, 10, 1, G_MAXUINT32, &limit, NULL))
    limit = mentions ? 40 : 20;
  limit = MIN (limit, mentions ? 80 : 40);

  g_mutex_lock (&self->lock);
  select_page (self, mentions, query, (guint) limit, &first, &end);
  g_mutex_unlock (&self->lock);

  g_string_append_c (body, '[');
  for (guint i = end; i > first; i--)
    {
      if (i < end)
        g_string_append_c (body, ',');
      if (mentions)
        fake_statuses_append_mention (self->statuses_json, body, i - 1);
      else
        fake_statuses_append_status (self->statuses_json, body, i - 1);
    }
  g_string_append_c (body, ']');

  if (end > first)
    {
      link = dup_link (self, path, query, (guint) limit, item_id (mentions, first), item_id (mentions, end - 1));
      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Link", link);
    }

  return body;
}

/* Answers */

/* After the first half of the body, the connection closes. */
static gboolean
on_drop_cb (gpointer user_data)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (user_data);

  if (stream != NULL)
    g_io_stream_close (stream, NULL, NULL);
  return G_SOURCE_REMOVE;
}

/* Calls @func with @message in the server's thread. */
static void
add_source (GSource           *source,
            GSourceFunc        func,
            SoupServerMessage *message)
{
  g_source_set_callback (source, func, g_object_ref (message), g_object_unref);
  g_source_attach (source, g_main_context_get_thread_default ());
  g_source_unref (source);
}

static void
on_wrote_body_data_cb (SoupServerMessage *message,
                       guint              chunk_size,
                       gpointer           user_data)
{
  g_signal_handlers_disconnect_by_func (message, on_wrote_body_data_cb, user_data);
  add_source (g_idle_source_new (), on_drop_cb, message);
}

static gboolean
on_slow_done_cb (gpointer user_data)
{
  soup_server_message_unpause (user_data);
  return G_SOURCE_REMOVE;
}

/* Sends @body (taken) with @status, or what @fault makes of it. */
static void
reply (FakeMastodon      *self,
       SoupServerMessage *message,
       guint              status,
       GString           *body,
       FakeMastodonFault  fault)
{
  gsize announced = body->len;
  gsize length;

  if (fault == FAKE_MASTODON_FAULT_MALFORMED || fault == FAKE_MASTODON_FAULT_DROP)
    g_string_truncate (body, body->len / 2);
  if (fault == FAKE_MASTODON_FAULT_DROP)
    {
      soup_message_headers_set_content_length (soup_server_message_get_response_headers (message), announced);
      g_signal_connect (message, "wrote-body-data", G_CALLBACK (on_wrote_body_data_cb), NULL);
    }

  soup_server_message_set_status (message, status, NULL);
  length = body->len;
  soup_server_message_set_response (message, "application/json; charset=utf-8", SOUP_MEMORY_TAKE,
                                    g_string_free (body, FALSE), length);

  if (fault == FAKE_MASTODON_FAULT_SLOW)
    {
      soup_server_message_pause (message);
      add_source (g_timeout_source_new (self->config.slow_ms), on_slow_done_cb, message);
    }

  if (fault == FAKE_MASTODON_FAULT_STALL)
    {
      soup_server_message_pause (message);
      g_ptr_array_add (self->stalled, g_object_ref (message));
    }
}

static gboolean
is_signed_in (FakeMastodon      *self,
              SoupServerMessage *message)
{
  const char *authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                            "Authorization");

  return authorization != NULL && g_str_has_prefix (authorization, "Bearer ") &&
         g_str_equal (authorization + strlen ("Bearer "), self->config.token);
}

/* The answer to @path, in @body; returns its HTTP status. A write is
 * answered with @refuse instead, when it is not 0. */
static guint
route (FakeMastodon      *self,
       SoupServerMessage *message,
       const char        *path,
       GHashTable        *query,
       guint              refuse,
       GString          **body)
{
  const char *tag = g_str_has_prefix (path, "/api/v1/timelines/tag/") ? path + strlen ("/api/v1/timelines/tag/")
                                                                     : NULL;
  guint statuses;
  guint written;

  g_mutex_lock (&self->lock);
  statuses = self->statuses;
  g_mutex_unlock (&self->lock);

  written = fake_media_route (self->media, message, path, is_signed_in (self, message), body);
  if (written == 0)
    written = fake_writes_route (self->writes, self->statuses_json, statuses, message, path,
                                 is_signed_in (self, message), refuse, body);
  if (written != 0)
    return written;

  if ((g_str_equal (path, "/api/v1/accounts/verify_credentials") || g_str_equal (path, "/api/v1/notifications")) &&
      !is_signed_in (self, message))
    {
      *body = g_string_new ("{\"error\":\"The access token is invalid\"}");
      return 401;
    }

  if (g_str_equal (path, "/api/v1/accounts/verify_credentials"))
    *body = g_string_new ("{\"id\":\"1\",\"username\":\"brand\",\"acct\":\"brand\",\"display_name\":\"Brand\","
                          "\"created_at\":\"2025-01-01T00:00:00.000Z\",\"note\":\"\",\"followers_count\":0}");
  else if (g_str_equal (path, "/api/v1/notifications"))
    *body = dup_page (self, message, path, query, TRUE);
  else if (tag != NULL && g_str_equal (tag, self->config.tag))
    *body = dup_page (self, message, path, query, FALSE);
  else if (tag != NULL)
    *body = g_string_new ("[]");   /* another tag has no statuses */
  else if (g_str_equal (path, "/api/v2/instance"))
    {
      guint limits[4];

      fake_writes_get_poll_limits (self->writes, limits);
      *body = g_string_new (NULL);
      g_string_printf (*body, "{\"domain\":\"%s\",\"title\":\"Fake Mastodon\",\"version\":\"4.3.0\","
                       "\"configuration\":{\"statuses\":{\"max_characters\":500},\"polls\":{\"max_options\":%u,"
                       "\"max_characters_per_option\":%u,\"min_expiration\":%u,\"max_expiration\":%u},"
                       "\"media_attachments\":{\"image_size_limit\":%" G_GINT64_FORMAT "}}}",
                       self->config.host, limits[0], limits[1], limits[2], limits[3],
                       fake_media_get_size_limit (self->media, NULL));
    }
  else if (g_str_has_prefix (path, "/api/v1/statuses/") && g_str_has_suffix (path, "/context"))
    *body = g_string_new ("{\"ancestors\":[],\"descendants\":[]}");   /* a thread of its own */
  else
    {
      *body = g_string_new ("{\"error\":\"Record not found\"}");
      return 404;
    }

  return 200;
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  FakeMastodon *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  g_autofree char *tag_path = g_strconcat ("/api/v1/timelines/tag/", self->config.tag, NULL);
  gboolean is_page = g_str_equal (path, "/api/v1/notifications") || g_str_equal (path, tag_path);
  const char *method = soup_server_message_get_method (message);
  gboolean is_write = fake_writes_is_write (method, path);
  gboolean is_status_post = is_write && g_str_equal (path, "/api/v1/statuses");
  gboolean is_poll_read = g_str_equal (method, "GET") && g_str_has_prefix (path, "/api/v1/polls/");
  gboolean is_status_read = g_str_equal (method, "GET") && g_str_has_prefix (path, "/api/v1/statuses/") &&
                            strchr (path + strlen ("/api/v1/statuses/"), '/') == NULL;
  FakeMastodonRequestFunc func;
  FakeMastodonFault fault;
  gpointer func_data;
  GString *body = NULL;
  guint refuse = 0;
  guint number;
  guint status;

  g_mutex_lock (&self->lock);
  number = ++self->requests;
  fault = GPOINTER_TO_UINT (g_hash_table_lookup (self->faults, GUINT_TO_POINTER (number)));
  self->list_requests += is_page;
  if (is_page && fault == FAKE_MASTODON_FAULT_NONE)
    fault = GPOINTER_TO_UINT (g_hash_table_lookup (self->page_faults, GUINT_TO_POINTER (self->list_requests)));
  self->status_posts += is_status_post;
  if (is_status_post && fault == FAKE_MASTODON_FAULT_NONE)
    fault = GPOINTER_TO_UINT (g_hash_table_lookup (self->post_faults, GUINT_TO_POINTER (self->status_posts)));
  self->poll_reads += is_poll_read;
  if (is_poll_read && fault == FAKE_MASTODON_FAULT_NONE)
    fault = GPOINTER_TO_UINT (g_hash_table_lookup (self->poll_faults, GUINT_TO_POINTER (self->poll_reads)));
  self->status_reads += is_status_read;
  if (is_status_read && fault == FAKE_MASTODON_FAULT_NONE)
    fault = GPOINTER_TO_UINT (g_hash_table_lookup (self->status_faults, GUINT_TO_POINTER (self->status_reads)));
  self->faults_served += fault != FAKE_MASTODON_FAULT_NONE;
  func = self->request_func;
  func_data = self->request_data;
  g_mutex_unlock (&self->lock);

  if (func != NULL)
    func (number, path, func_data);

  /* One request per connection, as in test-sync.c: libsoup 3.2's server
   * keeps kept-alive sockets past its own disposal. */
  soup_message_headers_replace (headers, "Connection", "close");

  /* A refused write is still received, and recorded. */
  if (is_write && (fault == FAKE_MASTODON_FAULT_SERVER_ERROR || fault == FAKE_MASTODON_FAULT_UNPROCESSABLE))
    {
      refuse = fault == FAKE_MASTODON_FAULT_SERVER_ERROR ? 500 : 422;
      fault = FAKE_MASTODON_FAULT_NONE;
    }

  if (fault == FAKE_MASTODON_FAULT_RATE_LIMIT)
    {
      soup_message_headers_replace (headers, "Retry-After", "1");
      reply (self, message, 429, g_string_new ("{\"error\":\"Too many requests\"}"), FAKE_MASTODON_FAULT_NONE);
    }
  else if (fault == FAKE_MASTODON_FAULT_SERVER_ERROR)
    reply (self, message, 500, g_string_new ("{\"error\":\"Something went wrong\"}"), FAKE_MASTODON_FAULT_NONE);
  else if (fault == FAKE_MASTODON_FAULT_UNPROCESSABLE)
    reply (self, message, 422, g_string_new ("{\"error\":\"Validation failed\"}"), FAKE_MASTODON_FAULT_NONE);
  else if (fault == FAKE_MASTODON_FAULT_OVERSIZED)
    {
      body = g_string_new ("[\"");
      g_string_set_size (body, OVERSIZED_BYTES);
      memset (body->str + 2, 'x', OVERSIZED_BYTES - 2);
      reply (self, message, 200, g_string_append (body, "\"]"), FAKE_MASTODON_FAULT_NONE);
    }
  else
    {
      status = route (self, message, path, query, refuse, &body);
      reply (self, message, status, body, fault);
    }
}

/* The server's thread */

static gpointer
serve (gpointer data)
{
  FakeMastodon *self = data;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *url;

  g_main_context_push_thread_default (self->context);

  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, on_request_cb, self, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("fake-mastodon: %s", error->message);

  uris = soup_server_get_uris (server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  if (g_str_has_suffix (url, "/"))
    url[strlen (url) - 1] = '\0';

  g_mutex_lock (&self->lock);
  self->url = url;
  g_cond_broadcast (&self->started);
  g_mutex_unlock (&self->lock);

  g_main_loop_run (self->loop);

  /* Whoever waited for these is gone by now. */
  for (guint i = 0; i < self->stalled->len; i++)
    soup_server_message_unpause (g_ptr_array_index (self->stalled, i));
  soup_server_disconnect (server);
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_clear_object (&server);
  g_main_context_pop_thread_default (self->context);

  return NULL;
}

static gboolean
on_quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/**
 * fake_mastodon_start:
 * @config: what to serve
 *
 * Starts the server in a thread of its own; a failure ends the program.
 *
 * Returns: (transfer full): the server, to end with fake_mastodon_stop()
 */
FakeMastodon *
fake_mastodon_start (const FakeMastodonConfig *config)
{
  FakeMastodon *self;

  g_return_val_if_fail (config->corpus_dir != NULL && config->tag != NULL && config->token != NULL, NULL);

  self = g_new0 (FakeMastodon, 1);
  self->config = *config;
  self->config.corpus_dir = g_strdup (config->corpus_dir);
  self->config.tag = g_strdup (config->tag);
  self->config.token = g_strdup (config->token);
  self->config.host = g_strdup (config->host != NULL ? config->host : "fake.example");
  self->config.slow_ms = config->slow_ms > 0 ? config->slow_ms : 2000;
  self->statuses_json = fake_statuses_new (self->config.corpus_dir, self->config.host, self->config.reply_every,
                                           self->config.mention_every);

  g_mutex_init (&self->lock);
  g_cond_init (&self->started);
  self->statuses = config->statuses;
  self->faults = g_hash_table_new (NULL, NULL);
  self->page_faults = g_hash_table_new (NULL, NULL);
  self->post_faults = g_hash_table_new (NULL, NULL);
  self->poll_faults = g_hash_table_new (NULL, NULL);
  self->status_faults = g_hash_table_new (NULL, NULL);
  self->media = fake_media_new (self->config.host);
  self->writes = fake_writes_new (self->config.host, self->media);
  self->stalled = g_ptr_array_new_with_free_func (g_object_unref);

  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("fake-mastodon", serve, self);

  g_mutex_lock (&self->lock);
  while (self->url == NULL)
    g_cond_wait (&self->started, &self->lock);
  g_mutex_unlock (&self->lock);

  return self;
}

void
fake_mastodon_stop (FakeMastodon *self)
{
  g_main_context_invoke (self->context, on_quit_cb, self->loop);
  g_thread_join (self->thread);

  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  fake_statuses_free (self->statuses_json);
  g_hash_table_unref (self->faults);
  g_hash_table_unref (self->page_faults);
  g_hash_table_unref (self->post_faults);
  g_hash_table_unref (self->poll_faults);
  g_hash_table_unref (self->status_faults);
  fake_writes_free (self->writes);
  fake_media_free (self->media);
  g_ptr_array_unref (self->stalled);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->started);
  g_free (self->url);
  g_free ((char *) self->config.corpus_dir);
  g_free ((char *) self->config.tag);
  g_free ((char *) self->config.token);
  g_free ((char *) self->config.host);
  g_free (self);
}

/* The server's address, such as "http://127.0.0.1:40123", without a
 * trailing slash. */
const char *
fake_mastodon_get_url (FakeMastodon *self)
{
  return self->url;
}

/* Adds @n statuses newer than all the others; safe from any thread. */
void
fake_mastodon_append (FakeMastodon *self,
                      guint         n)
{
  g_mutex_lock (&self->lock);
  self->statuses += n;
  g_mutex_unlock (&self->lock);
}

/* What the server holds and was asked so far. */
FakeMastodonStats
fake_mastodon_get_stats (FakeMastodon *self)
{
  FakeMastodonStats stats;

  g_mutex_lock (&self->lock);
  stats.statuses = self->statuses;
  stats.requests = self->requests;
  stats.list_requests = self->list_requests;
  stats.faults_served = self->faults_served;
  stats.poll_reads = self->poll_reads;
  stats.status_reads = self->status_reads;
  g_mutex_unlock (&self->lock);
  fake_writes_get_counts (self->writes, &stats.created, &stats.status_posts, &stats.favourites, &stats.reblogs);

  return stats;
}

static void
insert_fault (FakeMastodon      *self,
              GHashTable        *faults,
              guint              number,
              FakeMastodonFault  fault)
{
  g_mutex_lock (&self->lock);
  g_hash_table_insert (faults, GUINT_TO_POINTER (number), GUINT_TO_POINTER (fault));
  g_mutex_unlock (&self->lock);
}

/* Answers the @request-th request (counting from 1, all paths) with
 * @fault instead of, or on top of, its answer. */
void
fake_mastodon_add_fault (FakeMastodon      *self,
                         guint              request,
                         FakeMastodonFault  fault)
{
  insert_fault (self, self->faults, request, fault);
}

/* The same for the @page-th request of a page of statuses or mentions
 * (as FakeMastodonStats.list_requests counts them). */
void
fake_mastodon_add_page_fault (FakeMastodon      *self,
                              guint              page,
                              FakeMastodonFault  fault)
{
  insert_fault (self, self->page_faults, page, fault);
}

void
fake_mastodon_set_request_func (FakeMastodon            *self,
                                FakeMastodonRequestFunc  func,
                                gpointer                 user_data)
{
  g_mutex_lock (&self->lock);
  self->request_func = func;
  self->request_data = user_data;
  g_mutex_unlock (&self->lock);
}

/* Answers the @post-th POST /api/v1/statuses (counting from 1) with
 * @fault: a refused one (500, 422) makes no status, a stalled one makes
 * its status and never answers. */
void
fake_mastodon_add_post_fault (FakeMastodon      *self,
                              guint              post,
                              FakeMastodonFault  fault)
{
  insert_fault (self, self->post_faults, post, fault);
}

/**
 * fake_mastodon_dup_writes:
 *
 * Returns: (transfer full) (element-type FakeMastodonWrite): every write
 *   received so far, oldest first
 */
GPtrArray *
fake_mastodon_dup_writes (FakeMastodon *self)
{
  return fake_writes_dup_writes (self->writes);
}

/* GET /api/v1/statuses/:id answers with @visibility for @status_id. */
void
fake_mastodon_set_visibility (FakeMastodon *self,
                              guint64       status_id,
                              const char   *visibility)
{
  g_autofree char *id = g_strdup_printf ("%" G_GUINT64_FORMAT, status_id);

  fake_writes_set_visibility (self->writes, id, visibility);
}

/* Polls */

/* What /api/v2/instance says about polls, and what POST /api/v1/statuses
 * then accepts; Mastodon's defaults (4, 50, 300, 2629746) until set. */
void
fake_mastodon_set_poll_limits (FakeMastodon *self,
                               guint         max_options,
                               guint         max_characters_per_option,
                               guint         min_expiration,
                               guint         max_expiration)
{
  fake_writes_set_poll_limits (self->writes, max_options, max_characters_per_option, min_expiration,
                               max_expiration);
}

/* Sets the counts of the first @n options of a poll made by a status;
 * a count of -1 is hidden (null), as while a poll hides its results. */
void
fake_mastodon_set_poll_votes (FakeMastodon *self,
                              const char   *poll_id_or_NULL_for_latest,
                              const gint64 *votes,
                              guint         n)
{
  fake_writes_change_poll (self->writes, poll_id_or_NULL_for_latest, votes, n, FALSE, FALSE);
}

void
fake_mastodon_expire_poll (FakeMastodon *self,
                           const char   *poll_id_or_NULL_for_latest)
{
  fake_writes_change_poll (self->writes, poll_id_or_NULL_for_latest, NULL, 0, TRUE, FALSE);
}

/* GET /api/v1/polls/:id then answers 404. */
void
fake_mastodon_delete_poll (FakeMastodon *self,
                           const char   *poll_id_or_NULL_for_latest)
{
  fake_writes_change_poll (self->writes, poll_id_or_NULL_for_latest, NULL, 0, FALSE, TRUE);
}

/* Answers the @poll_read-th GET /api/v1/polls/:id (counting from 1, as
 * FakeMastodonStats.poll_reads counts them) with @fault. */
void
fake_mastodon_add_poll_fault (FakeMastodon      *self,
                              guint              poll_read,
                              FakeMastodonFault  fault)
{
  insert_fault (self, self->poll_faults, poll_read, fault);
}

/* Answers the @status_read-th GET /api/v1/statuses/:id (counting from 1,
 * as FakeMastodonStats.status_reads counts them) with @fault. */
void
fake_mastodon_add_status_fault (FakeMastodon      *self,
                                guint              status_read,
                                FakeMastodonFault  fault)
{
  insert_fault (self, self->status_faults, status_read, fault);
}

/* The brand's followers, as the statuses it makes from now on say. */
void
fake_mastodon_set_followers (FakeMastodon *self,
                             gint64        followers)
{
  fake_writes_set_followers (self->writes, followers);
}

/* The counts of the @index-th status made (from 0); -1 keeps one. */
void
fake_mastodon_set_status_counts (FakeMastodon *self,
                                 guint         index,
                                 gint64        likes,
                                 gint64        reposts,
                                 gint64        replies)
{
  const gint64 counts[3] = { likes, reposts, replies };

  fake_writes_change_status (self->writes, index, counts, FALSE);
}

/* GET /api/v1/statuses/:id of the @index-th status made then answers 404. */
void
fake_mastodon_delete_status (FakeMastodon *self,
                             guint         index)
{
  fake_writes_change_status (self->writes, index, NULL, TRUE);
}

GPtrArray *
fake_mastodon_dup_uploads (FakeMastodon *self)
{
  return fake_media_dup_uploads (self->media);
}

void
fake_mastodon_configure_media (FakeMastodon *self,
                               guint         processing_reads,
                               gint64        image_size_limit)
{
  fake_media_configure (self->media, processing_reads, image_size_limit);
}

/* How many times GET /api/v1/media/:id was asked. */
guint
fake_mastodon_get_media_reads (FakeMastodon *self)
{
  guint reads;

  fake_media_get_size_limit (self->media, &reads);
  return reads;
}
