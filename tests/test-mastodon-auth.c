/* test-mastodon-auth.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The steps of signing in to Mastodon, one by one: PKCE, the authorize
 * URL, pasted codes, the loopback receiver, and registration, code
 * exchange and verify_credentials against the fake OAuth server in
 * chorus-test-mastodon-fake.h, with a SoupSession playing the browser. */

#include <ifaddrs.h>
#include <netinet/in.h>

#include "chorus-oauth-receiver.h"
#include "chorus-test-mastodon-fake.h"

static void
assert_page (Fixture    *f,
             const char *method,
             const char *url,
             guint       status)
{
  Visit *v = visit_start (f, method, url);
  SoupMessage *message = g_object_ref (v->message);
  g_autofree char *page = visit_finish (f, v, status);

  g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_response_headers (message), "Content-Type"),
                   ==, "text/html; charset=utf-8");
  g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>"));
  g_assert_null (strstr (page, "src="));
  g_assert_null (strstr (page, "href="));
  g_object_unref (message);
}

/* The steps, one by one */

typedef struct
{
  ChorusOAuthReceiver *receiver;
  ChorusMastodonApp   *app;
  char                *verifier;
  char                *state;
} Flow;

static void
flow_init (Flow    *flow,
           Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  flow->verifier = chorus_mastodon_pkce_new_verifier ();
  flow->state = chorus_mastodon_oauth_new_state ();
  flow->receiver = chorus_oauth_receiver_new ("127.0.0.1", flow->state);
  g_assert_true (chorus_oauth_receiver_listen (flow->receiver, 0, &error));
  g_assert_no_error (error);

  chorus_mastodon_register_app_async (f->http, f->fake.url, chorus_oauth_receiver_get_redirect_uri (flow->receiver),
                                      CHORUS_MASTODON_SCOPES, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  flow->app = chorus_mastodon_register_app_finish (f->http, result, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (flow->app->client_secret, "secret-"));
}

static void
flow_clear (Flow *flow)
{
  g_clear_object (&flow->receiver);
  g_clear_pointer (&flow->app, chorus_mastodon_app_free);
  g_clear_pointer (&flow->verifier, g_free);
  g_clear_pointer (&flow->state, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Flow, flow_clear)

static char *
flow_authorize_url (Flow       *flow,
                    Fixture    *f,
                    const char *redirect_uri)
{
  g_autofree char *challenge = chorus_mastodon_pkce_challenge (flow->verifier);

  return chorus_mastodon_build_authorize_url (f->fake.url, flow->app->client_id, redirect_uri,
                                              CHORUS_MASTODON_SCOPES, flow->state, challenge);
}

/* Sends the browser to the authorization page and back to the receiver. */
static char *
flow_get_code (Flow     *flow,
               Fixture  *f,
               GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *url = flow_authorize_url (flow, f, chorus_oauth_receiver_get_redirect_uri (flow->receiver));
  g_autofree char *page = NULL;

  chorus_oauth_receiver_wait_async (flow->receiver, NULL, chorus_test_async_result_cb, &result);
  page = visit (f, url, 200);
  g_assert_true (strstr (page, "return to Chorus") != NULL);
  chorus_test_wait_async_result (&result);
  return chorus_oauth_receiver_wait_finish (flow->receiver, result, error);
}

static ChorusMastodonToken *
exchange (Fixture     *f,
          Flow        *flow,
          const char  *code,
          const char  *verifier,
          const char  *redirect_uri,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  chorus_mastodon_exchange_code_async (f->http, f->fake.url, flow->app, code, verifier, redirect_uri,
                                       CHORUS_MASTODON_SCOPES, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  return chorus_mastodon_exchange_code_finish (f->http, result, error);
}

/* A flow through to the code, with the browser coming back. */
static char *
flow_start (Flow    *flow,
            Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *code;

  flow_init (flow, f);
  code = flow_get_code (flow, f, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (code, "code-"));
  return code;
}

static void
assert_code_refused (Fixture    *f,
                     Flow       *flow,
                     const char *code,
                     const char *verifier,
                     const char *redirect_uri)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (exchange (f, flow, code, verifier, redirect_uri, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_cmpstr (error->message, ==, "127.0.0.1 did not accept the sign-in code. Sign in again.");
  assert_error_clean (f, error, verifier);
}

static ChorusMastodonAccount *
verify (Fixture     *f,
        const char  *token,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  chorus_mastodon_verify_credentials_async (f->http, f->fake.url, token, NULL,
                                            chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  return chorus_mastodon_verify_credentials_finish (f->http, result, error);
}

static void
assert_alice (Fixture    *f,
              const char *token)
{
  g_autoptr(ChorusMastodonAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = verify (f, token, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (account->id, ==, "109");
  g_assert_cmpstr (account->acct, ==, "alice");
  g_assert_cmpstr (account->username, ==, "alice");
  g_assert_cmpstr (account->display_name, ==, "Alice ✨");
}

/* PKCE, URLs, codes */

static void
test_pkce_rfc7636 (void)
{
  g_autofree char *challenge = chorus_mastodon_pkce_challenge ("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

  /* The worked example of RFC 7636, Appendix B. */
  g_assert_cmpstr (challenge, ==, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

static void
test_pkce_random (void)
{
  g_autofree char *a = chorus_mastodon_pkce_new_verifier ();
  g_autofree char *b = chorus_mastodon_pkce_new_verifier ();
  g_autofree char *state = chorus_mastodon_oauth_new_state ();
  g_autofree char *challenge = chorus_mastodon_pkce_challenge (a);

  g_assert_cmpuint (strlen (a), ==, 64);
  g_assert_cmpuint (strspn (a, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"), ==, 64);
  g_assert_cmpstr (a, !=, b);
  g_assert_cmpuint (strlen (state), ==, CHORUS_MASTODON_STATE_LENGTH);
  g_assert_cmpuint (strlen (challenge), ==, 43);
  g_assert_null (strpbrk (challenge, "+/="));
}

static void
test_authorize_url (void)
{
  g_autofree char *url = chorus_mastodon_build_authorize_url ("https://example.social/", "id&1",
                                                              "http://127.0.0.1:8080/callback",
                                                              CHORUS_MASTODON_SCOPES, "st~ate", "ch_al-lenge");
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  g_autoptr(GHashTable) params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);

  g_assert_true (g_str_has_prefix (url, "https://example.social/oauth/authorize?response_type=code&"));
  g_assert_nonnull (strstr (url, "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fcallback&"));
  g_assert_nonnull (strstr (url, "&scope=read%3Astatuses%20read%3Anotifications%20"));
  g_assert_cmpstr (g_hash_table_lookup (params, "client_id"), ==, "id&1");
  g_assert_cmpstr (g_hash_table_lookup (params, "scope"), ==, CHORUS_MASTODON_SCOPES);
  g_assert_cmpstr (g_hash_table_lookup (params, "state"), ==, "st~ate");
  g_assert_cmpstr (g_hash_table_lookup (params, "code_challenge"), ==, "ch_al-lenge");
  g_assert_cmpstr (g_hash_table_lookup (params, "code_challenge_method"), ==, "S256");
}

static void
test_pasted_code (void)
{
  g_autofree char *long_code = g_strnfill (CHORUS_MASTODON_MAX_CODE_LENGTH + 1, 'a');
  const char *bad[] = { NULL, "", " \n\t ", "two words", "tab\there", "caf\xc3\xa9", "bell\a", long_code };
  g_autofree char *code = chorus_mastodon_check_pasted_code ("  \n Zx_9-~.!aB \r\n", NULL);

  g_assert_cmpstr (code, ==, "Zx_9-~.!aB");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (chorus_mastodon_check_pasted_code (bad[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_true (bad[i] == NULL || *bad[i] == '\0' || strstr (error->message, bad[i]) == NULL);
    }
}

/* The receiver */

static void
test_receiver_other_paths (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(ChorusOAuthReceiver) receiver = chorus_oauth_receiver_new ("example.social", "s1");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *code = NULL;
  const char *paths[] = { "/", "/other", "/callback/x", "/callbacks?code=c&state=s1", "/favicon.ico" };

  g_assert_true (chorus_oauth_receiver_listen (receiver, 0, &error));
  base = g_strdup_printf ("http://127.0.0.1:%u", chorus_oauth_receiver_get_port (receiver));
  chorus_oauth_receiver_wait_async (receiver, NULL, chorus_test_async_result_cb, &result);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *url = g_strconcat (base, paths[i], NULL);

      assert_page (f, "GET", url, 404);
    }

  /* Only GET delivers a code; a state and code on POST count for nothing. */
  {
    g_autofree char *url = g_strconcat (base, "/callback?code=c&state=s1", NULL);

    assert_page (f, "POST", url, 404);
    g_assert_null (result);
    assert_page (f, "GET", url, 200);
  }

  chorus_test_wait_async_result (&result);
  code = chorus_oauth_receiver_wait_finish (receiver, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (code, ==, "c");
}

/* Whether anything accepts a connection at @address:@port. */
static gboolean
can_connect (GInetAddress *address,
             guint         port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketAddress) socket_address = g_inet_socket_address_new (address, (guint16) port);
  g_autoptr(GSocketConnection) connection = NULL;

  g_socket_client_set_timeout (client, 2);
  connection = g_socket_client_connect (client, G_SOCKET_CONNECTABLE (socket_address), NULL, NULL);
  return connection != NULL;
}

static void
test_receiver_loopback_only (void)
{
  g_autoptr(ChorusOAuthReceiver) receiver = chorus_oauth_receiver_new ("example.social", "s1");
  g_autoptr(GInetAddress) ipv4 = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GInetAddress) ipv6 = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV6);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  struct ifaddrs *addresses = NULL;
  guint port;

  g_assert_null (chorus_oauth_receiver_get_redirect_uri (receiver));
  g_assert_true (chorus_oauth_receiver_listen (receiver, 0, &error));
  port = chorus_oauth_receiver_get_port (receiver);
  expected = g_strdup_printf ("http://127.0.0.1:%u/callback", port);
  g_assert_cmpuint (port, >, 0);
  g_assert_cmpstr (chorus_oauth_receiver_get_redirect_uri (receiver), ==, expected);

  g_assert_true (can_connect (ipv4, port));
  g_assert_false (can_connect (ipv6, port));

  /* Nor on any other address this machine has. */
  g_assert_cmpint (getifaddrs (&addresses), ==, 0);
  for (struct ifaddrs *a = addresses; a != NULL; a = a->ifa_next)
    {
      g_autoptr(GSocketAddress) native = NULL;
      GInetAddress *address;

      if (a->ifa_addr == NULL || a->ifa_addr->sa_family != AF_INET)
        continue;
      native = g_socket_address_new_from_native (a->ifa_addr, sizeof (struct sockaddr_in));
      address = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (native));
      if (!g_inet_address_get_is_loopback (address))
        g_assert_false (can_connect (address, port));
    }
  freeifaddrs (addresses);
}

static void
test_receiver_cancel (void)
{
  g_autoptr(ChorusOAuthReceiver) receiver = chorus_oauth_receiver_new ("example.social", "s1");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (chorus_oauth_receiver_listen (receiver, 0, &error));
  chorus_oauth_receiver_wait_async (receiver, cancellable, chorus_test_async_result_cb, &result);
  g_cancellable_cancel (cancellable);
  chorus_test_wait_async_result (&result);
  g_assert_null (chorus_oauth_receiver_wait_finish (receiver, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The flow, step by step */

static void
test_flow_loopback (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(Flow) flow = { 0 };
  g_autoptr(ChorusMastodonToken) token = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  code = flow_start (&flow, f);
  g_assert_cmpuint (f->fake.registrations, ==, 1);

  token = exchange (f, &flow, code, flow.verifier, chorus_oauth_receiver_get_redirect_uri (flow.receiver), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token->token_type, ==, "Bearer");
  g_assert_cmpstr (token->scope, ==, CHORUS_MASTODON_SCOPES);
  assert_alice (f, token->access_token);
}

static void
test_flow_paste_code (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(Flow) flow = { 0 };
  g_autoptr(ChorusMastodonToken) token = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *pasted = NULL;
  g_autofree char *code = NULL;

  flow_init (&flow, f);
  url = flow_authorize_url (&flow, f, CHORUS_MASTODON_OOB_REDIRECT_URI);
  shown = visit (f, url, 200);

  /* As people paste: with spaces and a line break around it. */
  pasted = g_strdup_printf ("  %s \n", shown);
  code = chorus_mastodon_check_pasted_code (pasted, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (code, ==, shown);

  token = exchange (f, &flow, code, flow.verifier, CHORUS_MASTODON_OOB_REDIRECT_URI, &error);
  g_assert_no_error (error);
  assert_alice (f, token->access_token);
}

static void
test_flow_wrong_state (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(Flow) flow = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *url = NULL;
  g_autofree char *code = NULL;
  g_autofree char *state_only = NULL;
  const char *forged[] = { "?code=stolen&state=wrong", "?code=stolen", "?error=access_denied",
                           "?code=stolen&state=", NULL };

  flow_init (&flow, f);
  base = g_strdup (chorus_oauth_receiver_get_redirect_uri (flow.receiver));
  forged[G_N_ELEMENTS (forged) - 1] = state_only = g_strconcat ("?state=", flow.state, NULL);
  chorus_oauth_receiver_wait_async (flow.receiver, NULL, chorus_test_async_result_cb, &result);

  for (guint i = 0; i < G_N_ELEMENTS (forged); i++)
    {
      g_autofree char *forged_url = g_strconcat (base, forged[i], NULL);

      assert_page (f, "GET", forged_url, 400);
      g_assert_null (result);
    }

  /* The real answer still gets through. */
  url = flow_authorize_url (&flow, f, base);
  g_free (visit (f, url, 200));
  chorus_test_wait_async_result (&result);
  code = chorus_oauth_receiver_wait_finish (flow.receiver, result, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (code, "code-"));
}

static void
test_flow_access_denied (Fixture       *f,
                         gconstpointer  data)
{
  g_auto(Flow) flow = { 0 };
  g_autoptr(GError) error = NULL;

  flow_init (&flow, f);
  f->fake.deny = TRUE;
  g_assert_null (flow_get_code (&flow, f, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_cmpstr (error->message, ==, "You declined Chorus’s access on 127.0.0.1.");
}

static void
test_flow_wrong_verifier (Fixture       *f,
                          gconstpointer  data)
{
  g_auto(Flow) flow = { 0 };
  g_autoptr(ChorusMastodonToken) token = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other = chorus_mastodon_pkce_new_verifier ();
  g_autofree char *code = flow_start (&flow, f);
  const char *redirect_uri = chorus_oauth_receiver_get_redirect_uri (flow.receiver);

  assert_code_refused (f, &flow, code, other, redirect_uri);

  /* Nor with another redirect URI than the one the code was given for. */
  assert_code_refused (f, &flow, code, flow.verifier, CHORUS_MASTODON_OOB_REDIRECT_URI);

  /* Refusals did not use the code up. */
  token = exchange (f, &flow, code, flow.verifier, redirect_uri, &error);
  g_assert_no_error (error);
}

static void
test_flow_reused_code (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(Flow) flow = { 0 };
  g_autoptr(ChorusMastodonToken) token = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = flow_start (&flow, f);
  const char *redirect_uri = chorus_oauth_receiver_get_redirect_uri (flow.receiver);

  token = exchange (f, &flow, code, flow.verifier, redirect_uri, &error);
  g_assert_no_error (error);
  assert_code_refused (f, &flow, code, flow.verifier, redirect_uri);
}

static void
test_flow_bad_token (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (verify (f, "token-forged", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_null (strstr (error->message, "token-forged"));
}

static gboolean
check_app (Fixture            *f,
           ChorusMastodonApp  *app,
           GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  chorus_mastodon_check_app_async (f->http, f->fake.url, app, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  return chorus_mastodon_check_app_finish (f->http, result, error);
}

static void
test_flow_check_app (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(Flow) flow = { 0 };
  g_autoptr(GError) error = NULL;

  flow_init (&flow, f);
  g_assert_true (check_app (f, flow.app, &error));
  g_assert_no_error (error);

  g_hash_table_remove_all (f->fake.apps);
  g_assert_false (check_app (f, flow.app, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  assert_error_clean (f, error, NULL);
}

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chorus/mastodon-auth/pkce/rfc7636", test_pkce_rfc7636);
  g_test_add_func ("/chorus/mastodon-auth/pkce/random", test_pkce_random);
  g_test_add_func ("/chorus/mastodon-auth/authorize-url", test_authorize_url);
  g_test_add_func ("/chorus/mastodon-auth/pasted-code", test_pasted_code);
  add_test ("/chorus/mastodon-auth/receiver/other-paths", test_receiver_other_paths);
  g_test_add_func ("/chorus/mastodon-auth/receiver/loopback-only", test_receiver_loopback_only);
  g_test_add_func ("/chorus/mastodon-auth/receiver/cancel", test_receiver_cancel);
  add_test ("/chorus/mastodon-auth/flow/loopback", test_flow_loopback);
  add_test ("/chorus/mastodon-auth/flow/paste-code", test_flow_paste_code);
  add_test ("/chorus/mastodon-auth/flow/wrong-state", test_flow_wrong_state);
  add_test ("/chorus/mastodon-auth/flow/access-denied", test_flow_access_denied);
  add_test ("/chorus/mastodon-auth/flow/wrong-verifier", test_flow_wrong_verifier);
  add_test ("/chorus/mastodon-auth/flow/reused-code", test_flow_reused_code);
  add_test ("/chorus/mastodon-auth/flow/bad-token", test_flow_bad_token);
  add_test ("/chorus/mastodon-auth/flow/check-app", test_flow_check_app);

  return g_test_run ();
}
