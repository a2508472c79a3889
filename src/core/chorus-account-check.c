/* chorus-account-check.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include "chorus-account-check.h"
#include "chorus-bluesky-parse.h"
#include "chorus-feed-parser.h"
#include "chorus-parse-json-private.h"
#include "chorus-secrets.h"
#include "chorus-source.h"

/* Adding an account tries it first: a feed is fetched and read once, a
 * Bluesky handle and app password open a session, a Discourse username
 * and API key ask the forum who they are. Each check answers with the name
 * the network gives (the feed's title, the handle, the username) or with
 * one sentence a person can act on, which never quotes the secret.
 *
 * The helpers above them turn what a person types ("mastodon.social",
 * "#tallpine, TrailTested") into what the store keeps. */

/* Text */

/**
 * chorus_account_normalize_url:
 * @text: an address as typed, such as "mastodon.social" or a pasted link
 * @is_server: whether @text names a server or forum, rather than a feed
 *
 * People type "example.org"; https:// is what they mean. A server's
 * address also loses its trailing slashes, so that the same server is
 * always written the same way (it is part of the keyring's key).
 *
 * Returns: (transfer full): the address, or "" when @text is blank
 */
char *
chorus_account_normalize_url (const char *text,
                              gboolean    is_server)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *url;
  gsize length;

  if (*trimmed == '\0')
    return g_steal_pointer (&trimmed);

  if (strstr (trimmed, "://") == NULL)
    url = g_strconcat ("https://", trimmed, NULL);
  else
    url = g_steal_pointer (&trimmed);

  length = strlen (url);
  while (is_server && length > 0 && url[length - 1] == '/' && !g_str_has_suffix (url, "://"))
    url[--length] = '\0';

  return url;
}

/**
 * chorus_account_normalize_name:
 * @text: a handle or username as typed, perhaps with "@"
 *
 * Returns: (transfer full): @text without spaces and a leading "@"
 */
char *
chorus_account_normalize_name (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *name = trimmed;

  while (*name == '@')
    name++;

  return g_strdup (name);
}

static char *
join_watch_list (const char *text,
                 gboolean    phrases,
                 const char *separator)
{
  g_auto(GStrv) items = NULL;
  g_autofree char *split = g_strdup (text != NULL ? text : "");

  /* Keywords may be typed on one line, separated by commas. */
  if (phrases)
    g_strdelimit (split, ",", '\n');

  items = chorus_source_split_watch_list (split, phrases);

  return g_strjoinv (separator, items);
}

/**
 * chorus_account_normalize_words:
 * @text: hashtags or category slugs, separated by spaces or commas, with
 *   or without "#"
 *
 * Returns: (transfer full): the words separated by single spaces
 */
char *
chorus_account_normalize_words (const char *text)
{
  return join_watch_list (text, FALSE, " ");
}

/**
 * chorus_account_normalize_phrases:
 * @text: keywords and phrases, separated by commas or new lines
 *
 * Returns: (transfer full): one phrase per line
 */
char *
chorus_account_normalize_phrases (const char *text)
{
  return join_watch_list (text, TRUE, "\n");
}

/**
 * chorus_account_format_watch_list:
 * @list: (nullable): a source's watch list, as the store keeps it
 * @phrases: whether @list holds one phrase per line
 * @prefix: (nullable): put before each item, such as "#"
 *
 * The inverse of the normalizers, to edit a list in one line of text.
 *
 * Returns: (transfer full): the items separated by ", "
 */
char *
chorus_account_format_watch_list (const char *list,
                                  gboolean    phrases,
                                  const char *prefix)
{
  g_auto(GStrv) items = chorus_source_split_watch_list (list, phrases);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; items[i] != NULL; i++)
    g_string_append_printf (text, "%s%s%s", i > 0 ? ", " : "", prefix != NULL ? prefix : "", items[i]);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * chorus_account_dup_default_name:
 * @network: the source's network
 * @server_url: its server, forum or feed address
 * @account: (nullable): the account signed in
 * @feed_title: (nullable): the feed's own title
 *
 * Returns: (transfer full): how a new source is named when the person
 *   gives no name: "@ana on mastodon.social", the feed's title, or its host
 */
char *
chorus_account_dup_default_name (const char *network,
                                 const char *server_url,
                                 const char *account,
                                 const char *feed_title)
{
  g_autofree char *host = chorus_http_dup_host (server_url);

  if (account != NULL && *account != '\0')
    /* Translators: a source's name, an account on a server: "@ana on mastodon.social". */
    return g_strdup_printf (_("@%s on %s"), account, host);

  if (g_strcmp0 (network, "feed") == 0 && feed_title != NULL && *feed_title != '\0')
    return g_strdup (feed_title);

  return g_steal_pointer (&host);
}

/**
 * chorus_account_get_secret_kind:
 * @network: a network key
 *
 * Returns: (nullable): the kind of keyring secret @network signs in with,
 *   or %NULL for feeds
 */
const char *
chorus_account_get_secret_kind (const char *network)
{
  if (g_strcmp0 (network, "mastodon") == 0)
    return CHORUS_SECRET_KIND_TOKEN;
  if (g_strcmp0 (network, "bluesky") == 0)
    return CHORUS_SECRET_KIND_APP_PASSWORD;
  if (g_strcmp0 (network, "discourse") == 0)
    return CHORUS_SECRET_KIND_API_KEY;

  return NULL;
}

/* Checks */

typedef struct
{
  char               *url;
  char               *host;
  ChorusHttpResponse *response;
} Check;

static void
check_free (Check *check)
{
  g_free (check->url);
  g_free (check->host);
  g_clear_pointer (&check->response, chorus_http_response_free);
  g_free (check);
}

static GTask *
check_task_new (ChorusHttp          *http,
                const char          *url,
                gpointer             source_tag,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  GTask *task = g_task_new (http, cancellable, callback, user_data);
  Check *check = g_new0 (Check, 1);

  g_task_set_source_tag (task, source_tag);
  check->url = g_strdup (url);
  check->host = chorus_http_dup_host (url);
  g_task_set_task_data (task, check, (GDestroyNotify) check_free);

  return task;
}

/* The response, or NULL when the task was answered with the error. */
static ChorusHttpResponse *
take_response (GTask        *task,
               GAsyncResult *result)
{
  Check *check = g_task_get_task_data (task);
  GError *error = NULL;

  if (!(check->response = chorus_http_get_finish (g_task_get_source_object (task), result, &error)))
    g_task_return_error (task, error);

  return check->response;
}

static void
return_status_error (GTask      *task,
                     guint       status,
                     const char *refused)
{
  Check *check = g_task_get_task_data (task);

  if (status == 401 || status == 403)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "%s", refused);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                             /* Translators: %s is a server's name, such as mastodon.social; %u an HTTP status
                              * code, such as 500. */
                             _("%s answered with an error (HTTP %u)."), check->host, status);
}

/* Feed */

static void
parse_feed_worker (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Check *check = task_data;
  g_autoptr(ChorusFeed) feed = NULL;
  GError *error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (check->response->body, &length);

  if (!(feed = chorus_feed_parse_full (data, length, check->url, check->response->content_type, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_strdup (feed->title != NULL ? feed->title : ""), g_free);
}

static void
on_feed_fetched_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Check *check = g_task_get_task_data (task);
  ChorusHttpResponse *response;

  if (!(response = take_response (task, result)))
    return;

  if (response->status == 404 || response->status == 410)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             /* Translators: %s is a server's name, such as blog.example.org. */
                             _("There is no feed at this address on %s."), check->host);
  else if (response->status < 200 || response->status >= 300)
    {
      /* Translators: %s is a server's name, such as blog.example.org. */
      g_autofree char *refused = g_strdup_printf (_("%s does not let Chorus read this feed."), check->host);

      return_status_error (task, response->status, refused);
    }
  else
    g_task_run_in_thread (task, parse_feed_worker);
}

/**
 * chorus_account_check_feed_async:
 * @http: a #ChorusHttp
 * @feed_url: the feed's address
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the feed's title, or why it cannot be read
 * @user_data: data for @callback
 *
 * Fetches and reads the feed once. chorus_account_check_finish() gives
 * its title, "" when it has none.
 */
void
chorus_account_check_feed_async (ChorusHttp          *http,
                                 const char          *feed_url,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (feed_url != NULL);

  task = check_task_new (http, feed_url, chorus_account_check_feed_async,
                         cancellable, callback, user_data);
  chorus_http_get_async (http, feed_url, NULL, cancellable, on_feed_fetched_cb, task);
}

/* Bluesky */

static void
on_bluesky_session_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(ChorusBlueskySession) session = NULL;
  g_autoptr(JsonNode) root = NULL;
  ChorusHttpResponse *response;
  GError *error = NULL;
  const char *data;
  gsize length;

  if (!(response = take_response (task, result)))
    return;

  data = g_bytes_get_data (response->body, &length);

  if (response->status == 400 || response->status == 401)
    {
      const char *reason;

      root = _chorus_json_load (data, length, NULL);
      reason = _chorus_json_get_string (_chorus_json_object (root), "error");
      if (g_strcmp0 (reason, "AuthFactorTokenRequired") == 0)
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "%s",
                                 _("This account asks for a code sent by email. Use an app password "
                                   "instead of the account’s password."));
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "%s",
                                 _("Bluesky did not accept this handle and app password. Check both; "
                                   "an app password looks like xxxx-xxxx-xxxx-xxxx."));
      return;
    }

  if (response->status < 200 || response->status >= 300)
    {
      return_status_error (task, response->status,
                           _("Bluesky did not accept this handle and app password."));
      return;
    }

  if (!(session = chorus_bluesky_parse_session (data, length, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_strdup (session->handle), g_free);
}

static void
wipe_bytes (gpointer data)
{
  _chorus_parse_wipe_free (data);
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * chorus_account_check_bluesky_async:
 * @http: a #ChorusHttp
 * @server_url: the account's server (its PDS, or an entryway such as
 *   https://bsky.social)
 * @handle: the handle, without "@"
 * @app_password: an app password
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the handle as the server spells it
 * @user_data: data for @callback
 *
 * Opens a session (com.atproto.server.createSession) and forgets it.
 */
void
chorus_account_check_bluesky_async (ChorusHttp          *http,
                                    const char          *server_url,
                                    const char          *handle,
                                    const char          *app_password,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GBytes) body = NULL;
  g_autofree char *url = NULL;
  const char * const headers[] = { "Accept", "application/json", NULL };
  GString *json;
  GTask *task;

  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (server_url != NULL && handle != NULL && app_password != NULL);

  /* Written by hand, in a buffer that never grows, so that the password
   * is in one place only, wiped when the request is done. */
  json = g_string_sized_new (64 + 6 * (strlen (handle) + strlen (app_password)));
  g_string_append (json, "{\"identifier\":");
  append_json_string (json, handle);
  g_string_append (json, ",\"password\":");
  append_json_string (json, app_password);
  g_string_append_c (json, '}');
  body = g_bytes_new_with_free_func (json->str, json->len, wipe_bytes, json->str);
  (void) g_string_free (json, FALSE);

  url = g_strconcat (server_url, "/xrpc/com.atproto.server.createSession", NULL);
  task = check_task_new (http, url, chorus_account_check_bluesky_async,
                         cancellable, callback, user_data);
  chorus_http_post_async (http, url, headers, "application/json", body, cancellable,
                          on_bluesky_session_cb, task);
}

/* Discourse */

static void
on_discourse_user_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Check *check = g_task_get_task_data (task);
  g_autoptr(JsonNode) root = NULL;
  ChorusHttpResponse *response;
  const char *username;
  const char *data;
  gsize length;

  if (!(response = take_response (task, result)))
    return;

  /* Discourse answers 404 to a session it does not know, as well as to
   * an address that is not a forum. */
  if (response->status == 401 || response->status == 403 || response->status == 404)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                               /* Translators: %s is the forum's server name, such as forum.example.org. */
                               _("The forum on %s did not accept this username and API key. Check "
                                 "both, and that the key is still active."), check->host);
      return;
    }

  if (response->status < 200 || response->status >= 300)
    {
      return_status_error (task, response->status, "");
      return;
    }

  data = g_bytes_get_data (response->body, &length);
  root = _chorus_json_load (data, length, NULL);
  username = _chorus_json_get_string (_chorus_json_get_object (_chorus_json_object (root), "current_user"),
                                      "username");

  if (username == NULL || *username == '\0' || strlen (username) > 256)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             /* Translators: %s is a server's name, such as forum.example.org. */
                             _("%s did not answer like a Discourse forum."), check->host);
  else
    g_task_return_pointer (task, g_strdup (username), g_free);
}

/**
 * chorus_account_check_discourse_async:
 * @http: a #ChorusHttp
 * @forum_url: the forum's address
 * @username: the username the API key acts as
 * @api_key: the API key
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the username as the forum spells it
 * @user_data: data for @callback
 *
 * Asks the forum who the key signs in as (GET /session/current.json).
 */
void
chorus_account_check_discourse_async (ChorusHttp          *http,
                                      const char          *forum_url,
                                      const char          *username,
                                      const char          *api_key,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autofree char *url = NULL;
  const char *headers[] = {
    "Accept", "application/json",
    "Api-Key", api_key,
    "Api-Username", username,
    NULL
  };
  GTask *task;

  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (forum_url != NULL && username != NULL && api_key != NULL);

  url = g_strconcat (forum_url, "/session/current.json", NULL);
  task = check_task_new (http, url, chorus_account_check_discourse_async,
                         cancellable, callback, user_data);
  chorus_http_get_async (http, url, headers, cancellable, on_discourse_user_cb, task);
}

/**
 * chorus_account_check_finish:
 * @result: the result passed to the callback
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the feed's title, the Bluesky handle or the
 *   Discourse username; %NULL with @error set when the check failed
 */
char *
chorus_account_check_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
