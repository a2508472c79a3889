/* test-mastodon-sign-in.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* ChorusMastodonSignIn, the whole sign-in in one call, against the fake
 * OAuth server in chorus-test-mastodon-fake.h, with a SoupSession playing
 * the browser. Keeping the app registration in the keyring, and reusing
 * it, needs an unlocked keyring (build-aux/chorus-test-session provides
 * one); that test is skipped without it, and the others run either way,
 * registering each time. */

#include "chorus-mastodon-sign-in.h"
#include "chorus-secrets.h"
#include "chorus-test-mastodon-fake.h"

/* The keyring */

/* Whether this process can keep a secret; NULL when it can, or why not.
 * Without one, keyring calls are kept short. */
static const char *
keyring_missing (void)
{
  static gsize probed = 0;
  static char *reason = NULL;

  if (g_once_init_enter (&probed))
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      chorus_secrets_set_timeout (5);
      if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
        reason = g_strdup ("no session bus; run the tests through build-aux/chorus-test for a keyring");
      else
        {
          chorus_secrets_clear_async ("mastodon", "https://chorus-auth-probe.invalid", NULL,
                                      CHORUS_SECRET_KIND_CLIENT_SECRET, NULL,
                                      chorus_test_async_result_cb, &result);
          chorus_test_wait_async_result (&result);
          if (!chorus_secrets_clear_finish (result, &error))
            reason = g_strdup_printf ("the keyring is unavailable: %s", error->message);
        }
      chorus_secrets_set_timeout (reason != NULL ? 1 : 0);
      g_once_init_leave (&probed, 1);
    }

  return reason;
}

static void
forget_kept_app (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  chorus_secrets_clear_async ("mastodon", f->fake.url, NULL, CHORUS_SECRET_KIND_CLIENT_SECRET, NULL,
                              chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  chorus_secrets_clear_finish (result, &error);
}


static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  if (keyring_missing () == NULL)
    forget_kept_app (f);
  fixture_tear_down (f, data);
}

/* The whole sign-in */

typedef struct
{
  Fixture  *f;
  gboolean  paste;
  char     *url;              /* the authorize URL, as published */
  Visit    *visit;
} Browser;

static void
on_open_browser_cb (ChorusMastodonSignIn *sign_in,
                    GParamSpec           *pspec,
                    gpointer              user_data)
{
  Browser *browser = user_data;
  const char *url = chorus_mastodon_sign_in_get_authorize_url (sign_in);

  if (url == NULL || browser->visit != NULL)
    return;

  browser->url = g_strdup (url);
  browser->visit = visit_start (browser->f, "GET", browser->paste ?
                                chorus_mastodon_sign_in_get_manual_authorize_url (sign_in) : url);
}

/* The port of the loopback redirect URI in an authorize URL. */
static guint
get_redirect_port (const char *url)
{
  g_autoptr(GHashTable) params = g_uri_parse_params (strchr (url, '?') + 1, -1, "&", G_URI_PARAMS_NONE, NULL);
  g_autoptr(GUri) redirect = g_uri_parse (g_hash_table_lookup (params, "redirect_uri"), G_URI_FLAGS_NONE, NULL);

  return (guint) g_uri_get_port (redirect);
}

static void
paste_code (ChorusMastodonSignIn  *sign_in,
            const char            *page,
            GError               **error)
{
  g_autofree char *pasted = g_strconcat ("\t", page, "\n", NULL);

  g_assert_false (chorus_mastodon_sign_in_submit_code (sign_in, "not a code", error));
  g_assert_error (*error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (error);
  g_assert_true (chorus_mastodon_sign_in_submit_code (sign_in, pasted, error));
}

/* Signs in; @paste says whether to paste the code rather than let the
 * browser come back. Returns the port of the loopback redirect URI. */
static guint
run_sign_in (Fixture  *f,
             gboolean  paste,
             GError  **error)
{
  g_autoptr(ChorusMastodonSignIn) sign_in = chorus_mastodon_sign_in_new (f->http, f->fake.url);
  g_autoptr(ChorusMastodonSignInResult) signed_in = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *page = NULL;
  Browser browser = { f, paste, NULL, NULL };
  guint port;

  g_signal_connect (sign_in, "notify::authorize-url", G_CALLBACK (on_open_browser_cb), &browser);
  chorus_mastodon_sign_in_run_async (sign_in, NULL, chorus_test_async_result_cb, &result);

  while (browser.visit == NULL && result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (browser.visit != NULL)
    page = visit_finish (f, browser.visit, 200);
  if (paste && page != NULL)
    paste_code (sign_in, page, error);

  chorus_test_wait_async_result (&result);
  signed_in = chorus_mastodon_sign_in_run_finish (sign_in, result, error);
  g_assert_null (chorus_mastodon_sign_in_get_authorize_url (sign_in));
  port = browser.url != NULL ? get_redirect_port (browser.url) : 0;
  g_free (browser.url);

  if (signed_in != NULL)
    {
      g_assert_cmpstr (signed_in->account->acct, ==, "alice");
      g_assert_cmpstr (signed_in->account->display_name, ==, "Alice ✨");
      g_assert_true (g_hash_table_contains (f->fake.tokens, signed_in->token->access_token));
    }

  return port;
}

static void
test_sign_in (Fixture       *f,
              gconstpointer  data)
{
  gboolean paste = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;

  keyring_missing ();
  run_sign_in (f, paste, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->fake.registrations, ==, 1);
  g_assert_cmpuint (g_hash_table_size (f->fake.tokens), ==, 1);
}

static void
test_sign_in_declined (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  keyring_missing ();
  f->fake.deny = TRUE;
  run_sign_in (f, FALSE, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  assert_error_clean (f, error, NULL);
}

static void
test_sign_in_cancel (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ChorusMastodonSignIn) sign_in = chorus_mastodon_sign_in_new (f->http, f->fake.url);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  keyring_missing ();
  g_signal_connect_swapped (sign_in, "notify::authorize-url", G_CALLBACK (g_cancellable_cancel), cancellable);
  chorus_mastodon_sign_in_run_async (sign_in, cancellable, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  g_assert_null (chorus_mastodon_sign_in_run_finish (sign_in, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Takes the port first, once the last receiver let go of it (it closes
 * after the browser has its page). */
static gboolean
squat (gpointer data)
{
  GSocketListener *squatter = data;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = NULL;
  guint port = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (squatter), "port"));

  address = g_inet_socket_address_new (loopback, (guint16) port);
  return g_socket_listener_add_address (squatter, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                        NULL, NULL, NULL);
}

static void
test_sign_in_reuses_app (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GSocketListener) squatter = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *expected = NULL;
  guint port;

  if (keyring_missing () != NULL)
    {
      g_test_skip (keyring_missing ());
      return;
    }

  port = run_sign_in (f, FALSE, &error);
  g_assert_no_error (error);

  /* One secret per server: the client credentials and what they were
   * registered with. */
  chorus_secrets_lookup_async ("mastodon", f->fake.url, NULL, CHORUS_SECRET_KIND_CLIENT_SECRET, NULL, NULL,
                               chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  kept = chorus_secrets_lookup_finish (result, &error);
  g_assert_no_error (error);
  expected = g_strdup_printf ("\"redirect_uri\":\"http://127.0.0.1:%u/callback\"", port);
  g_assert_nonnull (strstr (kept, "\"client_id\":\"client-1\""));
  g_assert_nonnull (strstr (kept, expected));

  /* Kept and reused, on the same port when it is free. */
  g_assert_cmpuint (run_sign_in (f, TRUE, &error), ==, port);
  g_assert_no_error (error);
  g_assert_cmpuint (run_sign_in (f, FALSE, &error), ==, port);
  g_assert_no_error (error);
  g_assert_cmpuint (f->fake.registrations, ==, 1);

  /* And on another when it is not. */
  squatter = g_socket_listener_new ();
  g_object_set_data (G_OBJECT (squatter), "port", GUINT_TO_POINTER (port));
  g_assert_true (chorus_test_spin_until (squat, squatter, 5000));
  g_assert_cmpuint (run_sign_in (f, FALSE, &error), !=, port);
  g_assert_no_error (error);
  g_assert_cmpuint (f->fake.registrations, ==, 1);

  /* A server that forgot the app gets a new registration. */
  g_hash_table_remove_all (f->fake.apps);
  run_sign_in (f, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->fake.registrations, ==, 2);

  chorus_secrets_free (g_steal_pointer (&kept));
}

static void
add_test (const char    *path,
          void         (*func) (Fixture *, gconstpointer),
          gconstpointer  data)
{
  g_test_add (path, Fixture, data, fixture_set_up, func, tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/chorus/mastodon-sign-in/loopback", test_sign_in, GINT_TO_POINTER (FALSE));
  add_test ("/chorus/mastodon-sign-in/paste-code", test_sign_in, GINT_TO_POINTER (TRUE));
  add_test ("/chorus/mastodon-sign-in/declined", test_sign_in_declined, NULL);
  add_test ("/chorus/mastodon-sign-in/cancel", test_sign_in_cancel, NULL);
  add_test ("/chorus/mastodon-sign-in/reuses-app", test_sign_in_reuses_app, NULL);

  return g_test_run ();
}
