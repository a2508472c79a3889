/* chorus-oauth-receiver.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "chorus-oauth-receiver.h"
#include "chorus-parse-json-private.h"

/* Where the browser comes back to after the person allowed (or refused)
 * Chorus on their server: a small HTTP server on 127.0.0.1 only (RFC 8252
 * §7.3), on a port of the caller's choosing or any free one, that serves
 * GET /callback and nothing else.
 *
 * Only a visit carrying the state of this sign-in counts. Any other visit
 * (a stale tab, another program guessing the port) gets 400 and changes
 * nothing: the receiver keeps waiting, and never takes a code without the
 * state. The first visit with the state settles the wait; later ones only
 * get a page saying so. How long to wait is the caller's business. */

#define CALLBACK_PATH "/callback"

/* Self-contained: no scripts, images, fonts or links, so the page asks
 * nothing of any other server. Arguments: title, title, text. */
#define PAGE_TEMPLATE                                                              \
  "<!DOCTYPE html>\n"                                                              \
  "<html>\n"                                                                       \
  "<head>\n"                                                                       \
  "<meta charset=\"utf-8\">\n"                                                     \
  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"     \
  "<title>%s</title>\n"                                                            \
  "<style>\n"                                                                      \
  "body { font-family: sans-serif; line-height: 1.5; max-width: 34em;\n"           \
  "       margin: 4em auto; padding: 0 1em; }\n"                                   \
  "@media (prefers-color-scheme: dark) { body { background: #242424; color: #fff; } }\n" \
  "</style>\n"                                                                     \
  "</head>\n"                                                                      \
  "<body>\n"                                                                       \
  "<h1>%s</h1>\n"                                                                  \
  "<p>%s</p>\n"                                                                    \
  "</body>\n"                                                                      \
  "</html>\n"

struct _ChorusOAuthReceiver
{
  GObject            parent_instance;

  SoupServer        *server;
  char              *server_name;       /* the OAuth server, as people know it */
  char              *state;
  char              *redirect_uri;
  guint              port;

  GTask             *wait;              /* the caller waiting, or NULL */
  GSource           *cancelled_source;  /* watches the waiter's cancellable */
  gboolean           answered;          /* the browser came back with the state */
  char              *code;              /* what it brought: a code… */
  GError            *error;             /* …or an error */
  SoupServerMessage *answer;            /* the page saying so, while it is sent */
};

G_DEFINE_FINAL_TYPE (ChorusOAuthReceiver, chorus_oauth_receiver, G_TYPE_OBJECT)

/* Compares in constant time, so the state cannot be guessed by timing. */
static gboolean
state_matches (const char *expected,
               const char *given)
{
  gsize length = strlen (expected);
  guchar difference = 0;

  if (given == NULL || strlen (given) != length)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    difference |= (guchar) expected[i] ^ (guchar) given[i];

  return difference == 0;
}

static void
respond (SoupServerMessage *message,
         guint              status,
         const char        *title,
         const char        *text)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_text = g_markup_escape_text (text, -1);
  char *page = g_strdup_printf (PAGE_TEMPLATE, escaped_title, escaped_title, escaped_text);

  /* The address bar holds the code: keep it out of caches and referrers. */
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (headers, "Content-Security-Policy",
                                "default-src 'none'; style-src 'unsafe-inline'");

  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "text/html; charset=utf-8", SOUP_MEMORY_TAKE,
                                    page, strlen (page));
}

static GTask *
take_wait (ChorusOAuthReceiver *self)
{
  if (self->cancelled_source != NULL)
    {
      g_source_destroy (self->cancelled_source);
      g_clear_pointer (&self->cancelled_source, g_source_unref);
    }

  return g_steal_pointer (&self->wait);
}

static void
return_answer (ChorusOAuthReceiver *self,
               GTask               *task)
{
  if (self->error != NULL)
    g_task_return_error (task, g_error_copy (self->error));
  else
    g_task_return_pointer (task, g_strdup (self->code), (GDestroyNotify) _chorus_parse_wipe_free);
}

static gboolean
drop_ref_cb (gpointer user_data)
{
  g_object_unref (user_data);

  return G_SOURCE_REMOVE;
}

static void
on_request_done_cb (SoupServer        *server,
                    SoupServerMessage *message,
                    gpointer           user_data)
{
  ChorusOAuthReceiver *self = user_data;
  GSource *source;

  if (message != self->answer)
    return;

  /* Not from inside the server: the last reference closes it. */
  self->answer = NULL;
  source = g_idle_source_new ();
  g_source_set_static_name (source, "[chorus] sign-in page sent");
  g_source_set_callback (source, drop_ref_cb, self, NULL);
  g_source_attach (source, g_main_context_get_thread_default ());
  g_source_unref (source);
}

/* Settling the wait may lead the waiter to drop the receiver at once;
 * the receiver stays until the browser has the page that says so. */
static void
settle (ChorusOAuthReceiver *self,
        SoupServerMessage   *message,
        const char          *code,
        GError              *error)
{
  g_autoptr(GTask) task = NULL;

  self->answer = message;
  g_object_ref (self);

  self->answered = TRUE;
  self->code = g_strdup (code);
  self->error = error;

  if ((task = take_wait (self)))
    return_answer (self, task);
}

/* The server sent the browser back with an error instead of a code. */
static void
settle_error (ChorusOAuthReceiver *self,
              SoupServerMessage   *message,
              const char          *oauth_error)
{
  g_autofree char *text = NULL;
  GError *error;

  if (g_strcmp0 (oauth_error, "access_denied") == 0)
    {
      error = g_error_new (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           /* Translators: %s is a Mastodon server's name, such as mastodon.social. */
                           _("You declined Chorus’s access on %s."), self->server_name);
      /* Translators: a web page shown in the browser; %s is a server such as mastodon.social. */
      text = g_strdup_printf (_("Chorus was not given access to your account on %s. "
                                "You can close this tab and return to Chorus."),
                              self->server_name);
      respond (message, SOUP_STATUS_OK, _("Access declined"), text);
    }
  else
    {
      error = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                           /* Translators: the first %s is a Mastodon server's name, such as mastodon.social;
                            * the second the server's own reason, often in English. */
                           _("%s could not let Chorus in (%s)."), self->server_name,
                           _chorus_parse_is_identifier (oauth_error, "_", 64) ? oauth_error : "?");
      /* Translators: a web page shown in the browser; %s is a server such as mastodon.social. */
      text = g_strdup_printf (_("%s could not let Chorus in. You can close this tab and return to Chorus."),
                              self->server_name);
      respond (message, SOUP_STATUS_OK, _("Sign-in failed"), text);
    }

  settle (self, message, NULL, error);
}

static void
respond_not_ours (SoupServerMessage *message)
{
  /* Translators: a web page shown in the browser. */
  respond (message, SOUP_STATUS_BAD_REQUEST, _("Not a sign-in from Chorus"),
           _("This page does not belong to the sign-in Chorus is waiting for, so Chorus ignored it. "
             "To sign in, start again from Chorus."));
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  ChorusOAuthReceiver *self = user_data;
  const char *oauth_error = query != NULL ? g_hash_table_lookup (query, "error") : NULL;
  const char *state = query != NULL ? g_hash_table_lookup (query, "state") : NULL;
  g_autofree char *text = NULL;
  g_autofree char *code = NULL;

  if (g_strcmp0 (path, CALLBACK_PATH) != 0 ||
      g_strcmp0 (soup_server_message_get_method (message), SOUP_METHOD_GET) != 0)
    {
      /* Translators: a web page shown in the browser. */
      respond (message, SOUP_STATUS_NOT_FOUND, _("Not found"),
               _("This address only receives sign-ins for Chorus."));
      return;
    }

  if (!state_matches (self->state, state))
    {
      g_debug ("Ignored a visit to the sign-in receiver without this sign-in’s state");
      respond_not_ours (message);
      return;
    }

  if (self->answered)
    {
      /* Translators: a web page shown in the browser. */
      respond (message, SOUP_STATUS_OK, _("Return to Chorus"),
               _("Chorus already has this answer. You can close this tab and return to Chorus."));
      return;
    }

  if (oauth_error != NULL)
    {
      settle_error (self, message, oauth_error);
      return;
    }

  if (!(code = _chorus_parse_dup_secret (query != NULL ? g_hash_table_lookup (query, "code") : NULL)))
    {
      respond_not_ours (message);
      return;
    }

  /* Translators: a web page shown in the browser; %s is a server such as mastodon.social. */
  text = g_strdup_printf (_("Chorus is finishing signing you in to %s. "
                            "You can close this tab and return to Chorus."),
                          self->server_name);
  respond (message, SOUP_STATUS_OK, _("Return to Chorus"), text);
  settle (self, message, code, NULL);
  explicit_bzero (code, strlen (code));
}

static gboolean
on_wait_cancelled_cb (GCancellable *cancellable,
                      gpointer      user_data)
{
  ChorusOAuthReceiver *self = user_data;
  g_autoptr(GTask) task = take_wait (self);

  if (task != NULL)
    g_task_return_error_if_cancelled (task);

  return G_SOURCE_REMOVE;
}

static void
chorus_oauth_receiver_dispose (GObject *object)
{
  ChorusOAuthReceiver *self = (ChorusOAuthReceiver *)object;
  g_autoptr(GTask) task = take_wait (self);

  if (task != NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CLOSED, "%s",
                             _("Chorus stopped waiting for the browser."));

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (chorus_oauth_receiver_parent_class)->dispose (object);
}

static void
chorus_oauth_receiver_finalize (GObject *object)
{
  ChorusOAuthReceiver *self = (ChorusOAuthReceiver *)object;

  g_free (self->server_name);
  _chorus_parse_wipe_free (self->state);
  _chorus_parse_wipe_free (self->code);
  g_free (self->redirect_uri);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (chorus_oauth_receiver_parent_class)->finalize (object);
}

static void
chorus_oauth_receiver_class_init (ChorusOAuthReceiverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chorus_oauth_receiver_dispose;
  object_class->finalize = chorus_oauth_receiver_finalize;
}

static void
chorus_oauth_receiver_init (ChorusOAuthReceiver *self)
{
  /* No Server header: nothing to tell other programs about. */
  self->server = soup_server_new ("server-header", NULL, NULL);
  soup_server_add_handler (self->server, NULL, on_request_cb, self, NULL);
  g_signal_connect (self->server, "request-finished", G_CALLBACK (on_request_done_cb), self);
  g_signal_connect (self->server, "request-aborted", G_CALLBACK (on_request_done_cb), self);
}

/**
 * chorus_oauth_receiver_new:
 * @server_name: the OAuth server as people know it, such as
 *   "mastodon.social", for messages
 * @state: the state this sign-in sent to the authorization page
 *
 * Returns: (transfer full): a receiver that does not listen yet
 */
ChorusOAuthReceiver *
chorus_oauth_receiver_new (const char *server_name,
                           const char *state)
{
  ChorusOAuthReceiver *self;

  g_return_val_if_fail (server_name != NULL, NULL);
  g_return_val_if_fail (state != NULL && *state != '\0', NULL);

  self = g_object_new (CHORUS_TYPE_OAUTH_RECEIVER, NULL);
  self->server_name = g_strdup (server_name);
  self->state = g_strdup (state);

  return self;
}

/**
 * chorus_oauth_receiver_listen:
 * @self: a #ChorusOAuthReceiver
 * @port: the port to listen on, or 0 for any free one
 * @error: a location for a #GError
 *
 * Starts listening on 127.0.0.1, and on nothing else. Call it once; after
 * a failure it may be called again, with another port.
 *
 * Returns: %TRUE when the receiver listens
 */
gboolean
chorus_oauth_receiver_listen (ChorusOAuthReceiver  *self,
                              guint                 port,
                              GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  GSList *uris;

  g_return_val_if_fail (CHORUS_IS_OAUTH_RECEIVER (self), FALSE);
  g_return_val_if_fail (self->redirect_uri == NULL, FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);

  if (!soup_server_listen_local (self->server, port, SOUP_SERVER_LISTEN_IPV4_ONLY, &local_error))
    {
      g_set_error (error, G_IO_ERROR,
                   local_error->domain == G_IO_ERROR ? local_error->code : G_IO_ERROR_FAILED,
                   /* Translators: %s is the reason, from the system, often in English. */
                   _("Chorus could not wait for your browser on this computer (%s)."),
                   local_error->message);
      return FALSE;
    }

  uris = soup_server_get_uris (self->server);
  g_assert (uris != NULL);
  self->port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  self->redirect_uri = g_strdup_printf ("http://127.0.0.1:%u" CALLBACK_PATH, self->port);

  return TRUE;
}

/**
 * chorus_oauth_receiver_get_port:
 * @self: a #ChorusOAuthReceiver
 *
 * Returns: the port listened on, or 0 before chorus_oauth_receiver_listen()
 */
guint
chorus_oauth_receiver_get_port (ChorusOAuthReceiver *self)
{
  g_return_val_if_fail (CHORUS_IS_OAUTH_RECEIVER (self), 0);

  return self->port;
}

/**
 * chorus_oauth_receiver_get_redirect_uri:
 * @self: a #ChorusOAuthReceiver
 *
 * Returns: (nullable): http://127.0.0.1:PORT/callback, or %NULL before
 *   chorus_oauth_receiver_listen()
 */
const char *
chorus_oauth_receiver_get_redirect_uri (ChorusOAuthReceiver *self)
{
  g_return_val_if_fail (CHORUS_IS_OAUTH_RECEIVER (self), NULL);

  return self->redirect_uri;
}

/**
 * chorus_oauth_receiver_wait_async:
 * @self: a #ChorusOAuthReceiver
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the browser came back with this sign-in's state
 * @user_data: data for @callback
 *
 * Waits for the browser, or answers at once when it already came back.
 * One wait at a time.
 */
void
chorus_oauth_receiver_wait_async (ChorusOAuthReceiver *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CHORUS_IS_OAUTH_RECEIVER (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (self->wait == NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_oauth_receiver_wait_async);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (self->answered)
    {
      return_answer (self, task);
      return;
    }

  if (cancellable != NULL)
    {
      self->cancelled_source = g_cancellable_source_new (cancellable);
      g_source_set_static_name (self->cancelled_source, "[chorus] sign-in wait cancelled");
      g_source_set_callback (self->cancelled_source, G_SOURCE_FUNC (on_wait_cancelled_cb), self, NULL);
      g_source_attach (self->cancelled_source, g_task_get_context (task));
    }

  self->wait = g_steal_pointer (&task);
}

/**
 * chorus_oauth_receiver_wait_finish:
 * @self: a #ChorusOAuthReceiver
 * @result: the result passed to the callback
 * @error: a location for a #GError
 *
 * A person who declined gives %G_IO_ERROR_PERMISSION_DENIED, another
 * error from the server %G_IO_ERROR_FAILED, a cancelled wait
 * %G_IO_ERROR_CANCELLED.
 *
 * Returns: (transfer full): the authorization code, or %NULL with @error set
 */
char *
chorus_oauth_receiver_wait_finish (ChorusOAuthReceiver  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
