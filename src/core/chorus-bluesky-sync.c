/* chorus-bluesky-sync.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-bluesky-parse.h"
#include "chorus-bluesky-sync.h"
#include "chorus-error.h"
#include "chorus-pager.h"
#include "chorus-parse-json-private.h"
#include "chorus-secrets.h"

/* A Bluesky account, read through the pager: its mentions (replies and
 * quotes included) and searches for hashtags and keywords. Sessions are
 * opened on server_url; reading goes to the account's own server (PDS),
 * named by the session or found from the handle: its DID, then the DID
 * document (plc.directory, or the host's did.json).
 *
 * Sessions: createSession allows 30 calls in 5 minutes and 300 a day, so
 * the app password opens a session once. Its refresh token is kept, in the
 * keyring and in this process (for when there is no keyring), and every
 * sync renews the session with it, keeping the new token it gets back.
 * Only without a kept token, or when the server refuses it, does the app
 * password open a new session.
 *
 * Cursors: these lists page only backwards, newest first, so a stream's
 * cursor is a high-water mark: the newest indexedAt (the AppView's clock,
 * not the author's) seen so far. Each sync walks back from the newest page
 * until a page reaches posts indexed OVERLAP_SECONDS before the mark or
 * earlier (search sorts by min (createdAt, indexedAt), so a post indexed
 * just after the mark may sort a little before it), until no page is
 * left, or until MAX_PAGES were read (one on a stream's first sync, so an
 * old hashtag does not flood the inbox; a larger backlog is skipped). The
 * new mark is stored only with the walk's last page: a walk cut short
 * leaves the old mark, so the next sync walks again from the top, and the
 * posts read twice are recognised by their URI.
 *
 * Threads: a post record names its parent and root by at:// URI, which is
 * all the workspace needs to put a reply in its conversation, so no thread
 * is fetched. */

#define NETWORK               "bluesky"
#define PAGE_SIZE             100
#define MAX_PAGES             10
#define OVERLAP_SECONDS       (10 * 60)
#define MAX_AHEAD_SECONDS     (24 * 60 * 60)
#define DEFAULT_PLC_DIRECTORY "https://plc.directory"

typedef enum
{
  STREAM_MENTIONS,
  STREAM_HASHTAG,
  STREAM_SEARCH,
} StreamKind;

typedef struct
{
  StreamKind  kind;
  char       *base;       /* the PDS, without a trailing slash */
  char       *term;       /* the hashtag or keyword */
} Stream;

typedef struct
{
  ChorusStore          *store;
  ChorusHttp           *http;
  ChorusSource         *source;
  char                 *base;         /* server_url without a trailing slash: sessions live there */
  char                 *did;          /* the handle's, once resolved */
  char                 *pds;          /* from the DID document */
  char                 *refresh;      /* a kept refresh token, wiped when freed */
  ChorusBlueskySession *session;
  GError               *failure;      /* the pager's, while the session is checked */
  gboolean              retried;
  ChorusIngestResult    ingested;
} BlueskySync;

/* Refresh tokens this process was given, by "server_url\naccount": the
 * newest, whether or not the keyring could keep them. */
G_LOCK_DEFINE_STATIC (kept_sessions);
static GHashTable *kept_sessions;

static void run_streams (GTask *task);

static void
stream_free (Stream *stream)
{
  g_free (stream->base);
  g_free (stream->term);
  g_free (stream);
}

static void
bluesky_sync_free (BlueskySync *sync)
{
  g_clear_object (&sync->store);
  g_clear_object (&sync->http);
  g_clear_object (&sync->source);
  g_free (sync->base);
  g_free (sync->did);
  g_free (sync->pds);
  _chorus_parse_wipe_free (sync->refresh);
  g_clear_pointer (&sync->session, chorus_bluesky_session_free);
  g_clear_error (&sync->failure);
  g_free (sync);
}

static char *
dup_without_slash (const char *url)
{
  char *base = g_strstrip (g_strdup (url));

  if (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';

  return base;
}

static const char *
get_body (ChorusHttpResponse *response,
          gsize              *length)
{
  const char *body = g_bytes_get_data (response->body, length);

  return *length > 0 ? body : "";
}

/* Streams */

static char *
stream_url (gpointer    data,
            const char *cursor,
            const char *token)
{
  Stream *stream = data;
  const char *next = token != NULL ? strchr (token, ' ') : NULL;
  GString *url = g_string_new (stream->base);

  if (stream->kind == STREAM_MENTIONS)
    g_string_append_printf (url, "/xrpc/app.bsky.notification.listNotifications?limit=%d"
                            "&reasons=mention&reasons=reply&reasons=quote", PAGE_SIZE);
  else
    {
      g_autofree char *query = g_strconcat (stream->kind == STREAM_HASHTAG ? "#" : "", stream->term, NULL);
      g_autofree char *escaped = g_uri_escape_string (query, NULL, FALSE);

      g_string_append_printf (url, "/xrpc/app.bsky.feed.searchPosts?q=%s&sort=latest&limit=%d",
                              escaped, PAGE_SIZE);
    }

  if (next != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (next + 1, NULL, FALSE);

      g_string_append_printf (url, "&cursor=%s", escaped);
    }

  return g_string_free (url, FALSE);
}

/* The newest and oldest indexedAt among a page's items, leaving out times
 * too far ahead to be true. Returns FALSE when none has one. */
static gboolean
scan_indexed_at (const char *body,
                 gsize       length,
                 const char *member,
                 gint64     *newest,
                 gint64     *oldest)
{
  g_autoptr(JsonNode) root = _chorus_json_load (body, (gssize) length, NULL);
  JsonArray *items = _chorus_json_get_array (_chorus_json_object (root), member);
  gint64 latest = g_get_real_time () / G_USEC_PER_SEC + MAX_AHEAD_SECONDS;

  *newest = 0;
  *oldest = G_MAXINT64;
  for (guint i = 0; i < _chorus_json_array_length (items); i++)
    {
      gint64 time = _chorus_parse_time (_chorus_json_get_string (_chorus_json_array_object (items, i),
                                                                 "indexedAt"));

      if (time <= 0 || time > latest)
        continue;
      *newest = MAX (*newest, time);
      *oldest = MIN (*oldest, time);
    }

  return *newest > 0;
}

/* The walk's token is "<newest indexedAt seen so far> <AppView cursor>",
 * so that its last page can store the mark. See the top of this file. */
static gboolean
stream_parse (gpointer     data,
              ChorusPage  *page,
              GError     **error)
{
  Stream *stream = data;
  gsize length;
  const char *body = get_body (page->response, &length);
  g_autofree char *next = NULL;
  gint64 mark = page->cursor != NULL ? _chorus_parse_time (page->cursor) : 0;
  gint64 seen = page->token != NULL ? g_ascii_strtoll (page->token, NULL, 10) : 0;
  gint64 newest;
  gint64 oldest;
  gboolean reached;

  if (stream->kind == STREAM_MENTIONS)
    page->posts = chorus_bluesky_parse_notifications (body, (gssize) length, &next, error);
  else
    page->posts = chorus_bluesky_parse_posts (body, (gssize) length, &next, error);
  if (page->posts == NULL)
    return FALSE;

  reached = FALSE;
  if (scan_indexed_at (body, length, stream->kind == STREAM_MENTIONS ? "notifications" : "posts",
                       &newest, &oldest))
    {
      seen = MAX (seen, newest);
      reached = mark > 0 && oldest <= mark - OVERLAP_SECONDS;
    }

  if (next != NULL && !reached && page->index + 1 < (mark > 0 ? MAX_PAGES : 1))
    page->next_token = g_strdup_printf ("%" G_GINT64_FORMAT " %s", seen, next);
  else if (seen > mark)
    {
      g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (seen);

      page->save_cursor = g_date_time_format_iso8601 (date);
    }

  return TRUE;
}

static ChorusPagerStream *
new_stream (const char *base,
            StreamKind  kind,
            const char *term)
{
  Stream *stream = g_new0 (Stream, 1);
  g_autofree char *key = NULL;
  g_autofree char *what = NULL;

  stream->kind = kind;
  stream->base = g_strdup (base);
  stream->term = g_strdup (term);

  if (kind == STREAM_MENTIONS)
    {
      key = g_strdup ("mentions");
      what = g_strdup (_("the account’s mentions"));
    }
  else if (kind == STREAM_HASHTAG)
    {
      key = g_strconcat ("tag:", term, NULL);
      /* Translators: %s is a hashtag, without "#". */
      what = g_strdup_printf (_("the #%s timeline"), term);
    }
  else
    {
      key = g_strconcat ("search:", term, NULL);
      /* Translators: %s is a word or phrase searched for. */
      what = g_strdup_printf (_("search results for “%s”"), term);
    }

  return chorus_pager_stream_new (key, what, stream_url, NULL, stream_parse,
                                  stream, (GDestroyNotify) stream_free);
}

static GPtrArray *
new_streams (ChorusSource *source,
             const char   *base)
{
  GPtrArray *streams = chorus_pager_stream_array_new ();
  g_auto(GStrv) hashtags = chorus_source_split_watch_list (chorus_source_get_watch_hashtags (source), FALSE);
  g_auto(GStrv) keywords = chorus_source_split_watch_list (chorus_source_get_watch_keywords (source), TRUE);

  if (chorus_source_get_watch_mentions (source))
    g_ptr_array_add (streams, new_stream (base, STREAM_MENTIONS, NULL));
  for (guint i = 0; hashtags[i] != NULL; i++)
    g_ptr_array_add (streams, new_stream (base, STREAM_HASHTAG, hashtags[i]));
  for (guint i = 0; keywords[i] != NULL; i++)
    g_ptr_array_add (streams, new_stream (base, STREAM_SEARCH, keywords[i]));

  return streams;
}

/* Kept sessions */

static char *
dup_session_key (ChorusSource *source)
{
  return g_strconcat (chorus_source_get_server_url (source), "\n", chorus_source_get_account (source), NULL);
}

static char *
dup_kept_refresh (ChorusSource *source)
{
  g_autofree char *key = dup_session_key (source);
  char *token;

  G_LOCK (kept_sessions);
  token = kept_sessions != NULL ? g_strdup (g_hash_table_lookup (kept_sessions, key)) : NULL;
  G_UNLOCK (kept_sessions);

  return token;
}

/* Keeps @token for the next sync, or forgets the kept one when NULL. */
static void
keep_refresh (ChorusSource *source,
              const char   *token)
{
  g_autofree char *key = dup_session_key (source);

  G_LOCK (kept_sessions);
  if (kept_sessions == NULL)
    kept_sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) _chorus_parse_wipe_free);
  if (token != NULL)
    g_hash_table_replace (kept_sessions, g_steal_pointer (&key), g_strdup (token));
  else
    g_hash_table_remove (kept_sessions, key);
  G_UNLOCK (kept_sessions);
}

/* XRPC */

/* The error name of an XRPC error answer, "ExpiredToken" for instance. */
static char *
dup_xrpc_error (ChorusHttpResponse *response)
{
  gsize length;
  const char *body = get_body (response, &length);
  g_autoptr(JsonNode) root = NULL;
  const char *name;

  if (length == 0 || !(root = _chorus_json_load (body, (gssize) length, NULL)))
    return NULL;

  name = _chorus_json_get_string (_chorus_json_object (root), "error");

  return _chorus_parse_is_identifier (name, "._-", 128) ? g_strdup (name) : NULL;
}

static void
call_xrpc (GTask               *task,
           const char          *base,
           const char          *path,
           const char          *bearer,
           GBytes              *body,
           GAsyncReadyCallback  callback)
{
  BlueskySync *sync = g_task_get_task_data (task);
  g_autofree char *url = g_strconcat (base, "/xrpc/", path, NULL);
  g_autofree char *authorization = bearer != NULL ? g_strconcat ("Bearer ", bearer, NULL) : NULL;
  const char *headers[] = { "Authorization", authorization, NULL };

  if (body == NULL)
    chorus_http_get_async (sync->http, url, bearer != NULL ? headers : NULL, g_task_get_cancellable (task),
                           callback, task);
  else
    chorus_http_post_async (sync->http, url, bearer != NULL ? headers : NULL, "application/json", body,
                            g_task_get_cancellable (task), callback, task);

  if (authorization != NULL)
    explicit_bzero (authorization, strlen (authorization));
}

static void
return_error (GTask  *task,
              GError *error)
{
  g_task_return_error (task, error);
  g_object_unref (task);
}

static GError *
new_session_error (BlueskySync *sync,
                   guint        status)
{
  g_autofree char *host = chorus_http_dup_host (sync->base);

  /* Translators: the first %s is a server, the second a Bluesky handle,
   * %u an HTTP status code. */
  return g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED, _("%s did not open a session for @%s (HTTP %u)."),
                      host, chorus_source_get_account (sync->source), status);
}

/* Identity: handle → DID → DID document → PDS. Any step that fails leaves
 * the PDS to the session or to server_url, so it is only logged. */

static char *
dup_did_document_url (const char *did)
{
  const char *directory = g_getenv ("CHORUS_PLC_DIRECTORY");
  g_autofree char *host = NULL;

  if (g_str_has_prefix (did, "did:plc:"))
    {
      g_autofree char *escaped = g_uri_escape_string (did, ":", FALSE);

      if (directory == NULL || *directory == '\0')
        directory = DEFAULT_PLC_DIRECTORY;
      return g_strconcat (directory, g_str_has_suffix (directory, "/") ? "" : "/", escaped, NULL);
    }

  /* did:web names a host, its port percent-encoded; never a path. */
  if (!g_str_has_prefix (did, "did:web:") || strchr (did + strlen ("did:web:"), ':') != NULL ||
      !(host = g_uri_unescape_string (did + strlen ("did:web:"), "/?#@")) || *host == '\0')
    return NULL;

  return g_strconcat ("https://", host, "/.well-known/did.json", NULL);
}

static void find_session (GTask *task);

/* What a 200 answer says, or NULL (logged) for any other answer. */
static char *
read_identity_answer (GObject       *object,
                      GAsyncResult  *result,
                      char        *(*parse) (const char *, gssize, GError **),
                      const char    *what)
{
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  char *value = NULL;
  const char *body;
  gsize length;

  response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error);
  if (response != NULL && response->status == 200)
    {
      body = get_body (response, &length);
      value = parse (body, (gssize) length, &error);
    }

  if (value == NULL)
    g_debug ("No %s: %s (HTTP %u)", what, error != NULL ? error->message : "refused",
             response != NULL ? response->status : 0);

  return value;
}

static void
on_did_document_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  BlueskySync *sync = g_task_get_task_data (task);

  sync->pds = read_identity_answer (object, result, chorus_bluesky_parse_did_document, "DID document");
  find_session (task);
}

static void
fetch_did_document (GTask *task)
{
  BlueskySync *sync = g_task_get_task_data (task);
  g_autofree char *url = sync->did != NULL ? dup_did_document_url (sync->did) : NULL;

  if (url == NULL)
    find_session (task);
  else
    chorus_http_get_async (sync->http, url, NULL, g_task_get_cancellable (task), on_did_document_cb, task);
}

static void
on_handle_resolved_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GTask *task = user_data;
  BlueskySync *sync = g_task_get_task_data (task);

  sync->did = read_identity_answer (object, result, chorus_bluesky_parse_resolve_handle, "handle's DID");
  fetch_did_document (task);
}

static void
resolve_identity (GTask *task)
{
  BlueskySync *sync = g_task_get_task_data (task);
  const char *account = chorus_source_get_account (sync->source);
  g_autofree char *escaped = g_uri_escape_string (account, NULL, FALSE);
  g_autofree char *path = g_strconcat ("com.atproto.identity.resolveHandle?handle=", escaped, NULL);

  call_xrpc (task, sync->base, path, NULL, NULL, on_handle_resolved_cb);
}

/* Sessions */

static void
on_refresh_kept_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  /* Without a keyring this process still keeps it; the next run signs in. */
  if (!chorus_secrets_store_finish (result, &error))
    g_debug ("The Bluesky session is not in the keyring: %s", error->message);

  if (g_task_return_error_if_cancelled (task))
    g_object_unref (task);
  else
    run_streams (task);
}

/* Takes the session a createSession or refreshSession answer opened. */
static void
keep_session (GTask              *task,
              ChorusHttpResponse *response)
{
  BlueskySync *sync = g_task_get_task_data (task);
  GError *error = NULL;
  gsize length;
  const char *body = get_body (response, &length);
  ChorusBlueskySession *session = chorus_bluesky_parse_session (body, (gssize) length, &error);

  if (session == NULL)
    {
      return_error (task, error);
      return;
    }

  g_clear_pointer (&sync->session, chorus_bluesky_session_free);
  sync->session = session;
  keep_refresh (sync->source, session->refresh_jwt);
  chorus_secrets_store_async (NETWORK, chorus_source_get_server_url (sync->source),
                              chorus_source_get_account (sync->source), CHORUS_SECRET_KIND_REFRESH_TOKEN,
                              session->refresh_jwt, g_task_get_cancellable (task), on_refresh_kept_cb, task);
}

static GError *
new_refused_error (BlueskySync        *sync,
                   ChorusHttpResponse *response)
{
  const char *account = chorus_source_get_account (sync->source);
  g_autofree char *name = dup_xrpc_error (response);

  if (g_strcmp0 (name, "AuthFactorTokenRequired") == 0)
    return g_error_new (CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN,
                        _("Bluesky asks for a confirmation code to sign in as @%s. Sign in with an app "
                          "password instead: make one in Bluesky’s settings under App Passwords."),
                        account);

  if (response->status == 401 || g_strcmp0 (name, "AuthenticationRequired") == 0)
    return g_error_new (CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN,
                        _("Bluesky did not accept the app password for @%s. Make a new one in Bluesky’s "
                          "settings under App Passwords, then sign in again."),
                        account);

  g_debug ("createSession answered %u %s", response->status, name != NULL ? name : "");
  return new_session_error (sync, response->status);
}

static void
on_session_created_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GTask *task = user_data;
  BlueskySync *sync = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;
  GError *error = NULL;

  if (!(response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    return_error (task, error);
  else if (response->status != 200)
    return_error (task, new_refused_error (sync, response));
  else
    keep_session (task, response);
}

static GBytes *
new_sign_in_body (const char *identifier,
                  const char *password)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "identifier");
  json_builder_add_string_value (builder, identifier);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  return g_bytes_new_with_free_func (text, strlen (text), (GDestroyNotify) _chorus_parse_wipe_free, text);
}

static void
on_app_password_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  BlueskySync *sync = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  char *password;

  if (!(password = chorus_secrets_lookup_finish (result, &error)))
    {
      if (g_error_matches (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND))
        return_error (task, g_error_new_literal (CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN, error->message));
      else
        return_error (task, g_steal_pointer (&error));
      return;
    }

  body = new_sign_in_body (chorus_source_get_account (sync->source), password);
  chorus_secrets_free (password);
  call_xrpc (task, sync->base, "com.atproto.server.createSession", NULL, body, on_session_created_cb);
}

/* The one call that counts against createSession's limits. */
static void
open_session (GTask *task)
{
  BlueskySync *sync = g_task_get_task_data (task);

  chorus_secrets_lookup_async (NETWORK, chorus_source_get_server_url (sync->source),
                               chorus_source_get_account (sync->source), CHORUS_SECRET_KIND_APP_PASSWORD,
                               chorus_source_get_secret_env (sync->source), g_task_get_cancellable (task),
                               on_app_password_cb, task);
}

static void
on_session_refreshed_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GTask *task = user_data;
  BlueskySync *sync = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autofree char *name = NULL;
  GError *error = NULL;

  if (!(response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    return_error (task, error);
  else if (response->status == 400 || response->status == 401)
    {
      /* Expired or revoked: forget it, and sign in again. */
      name = dup_xrpc_error (response);
      g_debug ("The kept Bluesky session ended (%s); signing in again", name != NULL ? name : "no reason");
      keep_refresh (sync->source, NULL);
      open_session (task);
    }
  else if (response->status != 200)
    return_error (task, new_session_error (sync, response->status));
  else
    keep_session (task, response);
}

static void
refresh_session (GTask *task)
{
  BlueskySync *sync = g_task_get_task_data (task);
  g_autoptr(GBytes) nothing = g_bytes_new_static ("", 0);

  /* A POST without input, but ChorusHttp posts a body: an empty one. */
  call_xrpc (task, sync->base, "com.atproto.server.refreshSession", sync->refresh, nothing,
             on_session_refreshed_cb);
}

static void
on_refresh_found_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  BlueskySync *sync = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *token;

  if ((token = chorus_secrets_lookup_finish (result, &error)))
    {
      sync->refresh = _chorus_parse_dup_secret (token);
      chorus_secrets_free (token);
    }
  else if (!g_error_matches (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND))
    g_debug ("No Bluesky session from the keyring: %s", error->message);

  if (g_task_return_error_if_cancelled (task))
    g_object_unref (task);
  else if (sync->refresh != NULL)
    refresh_session (task);
  else
    open_session (task);
}

static void
find_session (GTask *task)
{
  BlueskySync *sync = g_task_get_task_data (task);

  if ((sync->refresh = dup_kept_refresh (sync->source)))
    {
      refresh_session (task);
      return;
    }

  chorus_secrets_lookup_async (NETWORK, chorus_source_get_server_url (sync->source),
                               chorus_source_get_account (sync->source), CHORUS_SECRET_KIND_REFRESH_TOKEN,
                               NULL, g_task_get_cancellable (task), on_refresh_found_cb, task);
}

/* Reading */

static void
on_session_checked_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GTask *task = user_data;
  BlueskySync *sync = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autofree char *name = NULL;

  response = chorus_http_get_finish (CHORUS_HTTP (object), result, NULL);
  if (response != NULL && response->status != 200)
    name = dup_xrpc_error (response);

  if (g_strcmp0 (name, "ExpiredToken") != 0 && g_strcmp0 (name, "InvalidToken") != 0)
    {
      return_error (task, g_steal_pointer (&sync->failure));
      return;
    }

  /* The session ended during the sync: renew it and read again. */
  g_debug ("The Bluesky session ended during the sync (%s); renewing it", name);
  g_clear_error (&sync->failure);
  sync->retried = TRUE;
  _chorus_parse_wipe_free (sync->refresh);
  sync->refresh = g_strdup (sync->session->refresh_jwt);
  refresh_session (task);
}

static void
on_pager_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  BlueskySync *sync = g_task_get_task_data (task);
  ChorusIngestResult ingested = { 0, };
  GError *error = NULL;
  gboolean done = chorus_pager_run_finish (result, &ingested, &error);

  sync->ingested.inserted += ingested.inserted;
  sync->ingested.updated += ingested.updated;
  sync->ingested.unchanged += ingested.unchanged;

  if (done)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
    }
  else if (sync->retried || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return_error (task, error);
  else
    {
      /* The pager does not say why a page failed; the session may have
       * expired (400 ExpiredToken). Ask, once. */
      sync->failure = error;
      call_xrpc (task, sync->pds, "com.atproto.server.getSession", sync->session->access_jwt, NULL,
                 on_session_checked_cb);
    }
}

/* The session's own DID document wins; the resolved one only counts when
 * it is the signed-in account's. */
static void
choose_pds (BlueskySync *sync)
{
  const char *pds = sync->session->pds_endpoint;
  char *chosen;

  if (pds == NULL && sync->pds != NULL && g_strcmp0 (sync->did, sync->session->did) == 0)
    pds = sync->pds;

  chosen = dup_without_slash (pds != NULL ? pds : sync->base);
  g_free (sync->pds);
  sync->pds = chosen;
}

static void
run_streams (GTask *task)
{
  BlueskySync *sync = g_task_get_task_data (task);
  g_autofree char *authorization = g_strconcat ("Bearer ", sync->session->access_jwt, NULL);
  const char *headers[] = { "Authorization", authorization, NULL };

  choose_pds (sync);
  chorus_pager_run_async (sync->store, sync->http, chorus_source_get_id (sync->source), sync->pds, headers,
                          new_streams (sync->source, sync->pds), g_task_get_cancellable (task),
                          on_pager_done_cb, task);
  explicit_bzero (authorization, strlen (authorization));
}

void
chorus_bluesky_sync_async (ChorusStore         *store,
                           ChorusHttp          *http,
                           ChorusSource        *source,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  BlueskySync *sync;
  g_autoptr(GPtrArray) streams = NULL;

  g_return_if_fail (CHORUS_IS_STORE (store));
  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (CHORUS_IS_SOURCE (source));

  sync = g_new0 (BlueskySync, 1);
  sync->store = g_object_ref (store);
  sync->http = g_object_ref (http);
  sync->source = g_object_ref (source);
  sync->base = dup_without_slash (chorus_source_get_server_url (source));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_bluesky_sync_async);
  g_task_set_task_data (task, sync, (GDestroyNotify) bluesky_sync_free);

  streams = new_streams (source, sync->base);
  if (chorus_source_get_account (source) == NULL)
    return_error (task, g_error_new_literal (CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN,
                                             _("This Bluesky source has no account to sign in with.")));
  else if (streams->len == 0)
    return_error (task, g_error_new_literal (CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                                             _("This Bluesky account watches nothing: choose mentions, "
                                               "hashtags or keywords.")));
  else if (g_str_has_prefix (chorus_source_get_account (source), "did:"))
    {
      sync->did = g_strdup (chorus_source_get_account (source));
      fetch_did_document (task);
    }
  else
    resolve_identity (task);
}

gboolean
chorus_bluesky_sync_finish (GAsyncResult        *result,
                            ChorusIngestResult  *ingested,
                            GError             **error)
{
  BlueskySync *sync;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  sync = g_task_get_task_data (G_TASK (result));
  if (ingested != NULL)
    *ingested = sync->ingested;

  return g_task_propagate_boolean (G_TASK (result), error);
}
