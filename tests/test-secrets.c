/* test-secrets.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The secrets layer. The keyring tests need a session bus with an unlocked
 * keyring (build-aux/chorus-test-session provides one) and are skipped,
 * with the reason, without it. The environment-variable tests, and those
 * that run in a subprocess against a broken bus or a Secret Service that
 * never answers, need no keyring and always run. */

#include <string.h>
#include <unistd.h>

#include <libsecret/secret.h>

#include "chorus-error.h"
#include "chorus-secrets.h"
#include "chorus-test-util.h"

#define UNAVAILABLE_SENTENCE \
  "The keyring is locked or unavailable, so Chorus cannot keep or read this account’s password."

typedef char Secret;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Secret, chorus_secrets_free)

/* Calls that wait on the main loop; the layer's own deadline keeps them
 * from waiting for ever. */

static gboolean
store_secret (const char  *server,
              const char  *account,
              const char  *kind,
              const char  *secret,
              GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  chorus_secrets_store_async ("mastodon", server, account, kind, secret, NULL,
                              chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  return chorus_secrets_store_finish (result, error);
}

static char *
lookup_secret_full (const char    *server,
                    const char    *account,
                    const char    *kind,
                    const char    *env_name,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  chorus_secrets_lookup_async ("mastodon", server, account, kind, env_name, cancellable,
                               chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  return chorus_secrets_lookup_finish (result, error);
}

static char *
lookup_secret (const char  *server,
               const char  *account,
               const char  *kind,
               GError     **error)
{
  return lookup_secret_full (server, account, kind, NULL, NULL, error);
}

static gboolean
clear_secret (const char  *server,
              const char  *account,
              const char  *kind,
              GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  chorus_secrets_clear_async ("mastodon", server, account, kind, NULL,
                              chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  return chorus_secrets_clear_finish (result, error);
}

/* A server address no other run or test shares. */
static char *
make_server (void)
{
  return g_strdup_printf ("https://chorus-test-%u-%08x.invalid",
                          (guint) getpid (), g_random_int ());
}

static void
assert_not_found (const char *server,
                  const char *account,
                  const char *kind,
                  const char *old_secret)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Secret) secret = NULL;

  secret = lookup_secret (server, account, kind, &error);
  g_assert_null (secret);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_assert_null (strstr (error->message, old_secret));
}

static void
assert_secret (const char *server,
               const char *account,
               const char *kind,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Secret) secret = NULL;

  secret = lookup_secret (server, account, kind, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, expected);
}

/* Whether this process can reach an unlocked keyring; NULL when it can,
 * otherwise why not. Asked once, on the first keyring test. */
static char *
probe_keyring (void)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;
  gboolean stored;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    return g_strdup ("no session bus (DBUS_SESSION_BUS_ADDRESS is unset); run the tests through "
                     "build-aux/chorus-test for a bus with an unlocked keyring");

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  if (service == NULL)
    return g_strdup_printf ("no Secret Service on the session bus: %s", error->message);

  /* A locked keyring would show an unlock prompt; don't wait long for it. */
  server = make_server ();
  chorus_secrets_set_timeout (5);
  stored = store_secret (server, "probe", CHORUS_SECRET_KIND_TOKEN, "probe-secret", &error);
  if (stored)
    stored = clear_secret (server, "probe", CHORUS_SECRET_KIND_TOKEN, &error);
  chorus_secrets_set_timeout (0);

  if (!stored)
    return g_strdup_printf ("the keyring cannot keep a secret (no daemon, or locked): %s",
                            error->message);

  return NULL;
}

static gboolean
skip_without_keyring (void)
{
  static gsize probed = 0;
  static char *reason = NULL;

  if (g_once_init_enter (&probed))
    {
      reason = probe_keyring ();
      g_once_init_leave (&probed, 1);
    }

  if (reason != NULL)
    g_test_skip (reason);

  return reason != NULL;
}

/* Keyring */

static void
test_keyring_round_trip (void)
{
  const char *secret = "round-trip-7f3a9c";
  g_autofree char *server = make_server ();
  g_autoptr(GError) error = NULL;

  if (skip_without_keyring ())
    return;

  g_assert_true (store_secret (server, "alice", CHORUS_SECRET_KIND_TOKEN, secret, &error));
  g_assert_no_error (error);

  assert_secret (server, "alice", CHORUS_SECRET_KIND_TOKEN, secret);

  g_assert_true (clear_secret (server, "alice", CHORUS_SECRET_KIND_TOKEN, &error));
  g_assert_no_error (error);

  assert_not_found (server, "alice", CHORUS_SECRET_KIND_TOKEN, secret);

  /* Clearing what is not there is not an error. */
  g_assert_true (clear_secret (server, "alice", CHORUS_SECRET_KIND_TOKEN, &error));
  g_assert_no_error (error);
}

static void
test_keyring_replace (void)
{
  const char *kind = CHORUS_SECRET_KIND_APP_PASSWORD;
  g_autofree char *server = make_server ();
  g_autoptr(GError) error = NULL;

  if (skip_without_keyring ())
    return;

  g_assert_true (store_secret (server, "alice", kind, "first-pw", &error));
  g_assert_true (store_secret (server, "alice", kind, "second-pw", &error));
  g_assert_no_error (error);

  assert_secret (server, "alice", kind, "second-pw");

  /* One clear removes it: the second store replaced the first. */
  g_assert_true (clear_secret (server, "alice", kind, &error));
  assert_not_found (server, "alice", kind, "first-pw");
}

static void
test_keyring_accounts_apart (void)
{
  g_autofree char *server = make_server ();
  g_autofree char *other_server = make_server ();
  g_autoptr(GError) error = NULL;

  if (skip_without_keyring ())
    return;

  g_assert_true (store_secret (server, "alice", CHORUS_SECRET_KIND_TOKEN, "alice-token", &error));
  g_assert_true (store_secret (server, "bob", CHORUS_SECRET_KIND_TOKEN, "bob-token", &error));
  g_assert_true (store_secret (server, "alice", CHORUS_SECRET_KIND_REFRESH_TOKEN, "alice-refresh",
                               &error));
  g_assert_true (store_secret (other_server, "alice", CHORUS_SECRET_KIND_TOKEN, "alice-elsewhere",
                               &error));
  g_assert_no_error (error);

  assert_secret (server, "alice", CHORUS_SECRET_KIND_TOKEN, "alice-token");
  assert_secret (server, "bob", CHORUS_SECRET_KIND_TOKEN, "bob-token");
  assert_secret (server, "alice", CHORUS_SECRET_KIND_REFRESH_TOKEN, "alice-refresh");
  assert_secret (other_server, "alice", CHORUS_SECRET_KIND_TOKEN, "alice-elsewhere");
  assert_not_found (server, "carol", CHORUS_SECRET_KIND_TOKEN, "alice-token");

  /* Removing Alice's token leaves everyone else's secrets alone. */
  g_assert_true (clear_secret (server, "alice", CHORUS_SECRET_KIND_TOKEN, &error));
  g_assert_no_error (error);
  assert_not_found (server, "alice", CHORUS_SECRET_KIND_TOKEN, "alice-token");
  assert_secret (server, "bob", CHORUS_SECRET_KIND_TOKEN, "bob-token");
  assert_secret (server, "alice", CHORUS_SECRET_KIND_REFRESH_TOKEN, "alice-refresh");
  assert_secret (other_server, "alice", CHORUS_SECRET_KIND_TOKEN, "alice-elsewhere");

  g_assert_true (clear_secret (server, "bob", CHORUS_SECRET_KIND_TOKEN, &error));
  g_assert_true (clear_secret (server, "alice", CHORUS_SECRET_KIND_REFRESH_TOKEN, &error));
  g_assert_true (clear_secret (other_server, "alice", CHORUS_SECRET_KIND_TOKEN, &error));
  g_assert_no_error (error);
}

static void
test_keyring_no_account (void)
{
  g_autofree char *server = make_server ();
  g_autoptr(GError) error = NULL;

  if (skip_without_keyring ())
    return;

  g_assert_true (store_secret (server, NULL, CHORUS_SECRET_KIND_API_KEY, "feed-key", &error));
  g_assert_no_error (error);
  assert_secret (server, NULL, CHORUS_SECRET_KIND_API_KEY, "feed-key");
  assert_not_found (server, "alice", CHORUS_SECRET_KIND_API_KEY, "feed-key");

  g_assert_true (clear_secret (server, NULL, CHORUS_SECRET_KIND_API_KEY, &error));
  assert_not_found (server, NULL, CHORUS_SECRET_KIND_API_KEY, "feed-key");
}

/* Environment variables */

static void
test_env_value (void)
{
  g_autofree char *server = make_server ();
  g_autoptr(GError) error = NULL;
  g_autoptr(Secret) secret = NULL;

  g_setenv ("CHORUS_TEST_SECRET_TOKEN", "env-token-42", TRUE);
  secret = lookup_secret_full (server, "alice", CHORUS_SECRET_KIND_TOKEN,
                               "CHORUS_TEST_SECRET_TOKEN", NULL, &error);
  g_unsetenv ("CHORUS_TEST_SECRET_TOKEN");

  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "env-token-42");
}

static void
test_env_unset (void)
{
  const char *value = "env-unset-5d1e";
  g_autofree char *server = make_server ();
  g_autoptr(GError) error = NULL;
  g_autoptr(Secret) secret = NULL;

  /* It held a value once; the sentence must name the variable only. */
  g_setenv ("CHORUS_TEST_SECRET_GONE", value, TRUE);
  g_unsetenv ("CHORUS_TEST_SECRET_GONE");

  secret = lookup_secret_full (server, "alice", CHORUS_SECRET_KIND_API_KEY,
                               "CHORUS_TEST_SECRET_GONE", NULL, &error);
  g_assert_null (secret);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "CHORUS_TEST_SECRET_GONE"));
  g_assert_null (strstr (error->message, value));
}

static void
test_env_empty (void)
{
  g_autofree char *server = make_server ();
  g_autoptr(GError) error = NULL;
  g_autoptr(Secret) secret = NULL;

  g_setenv ("CHORUS_TEST_SECRET_EMPTY", "", TRUE);
  secret = lookup_secret_full (server, "alice", CHORUS_SECRET_KIND_TOKEN,
                               "CHORUS_TEST_SECRET_EMPTY", NULL, &error);
  g_unsetenv ("CHORUS_TEST_SECRET_EMPTY");

  g_assert_null (secret);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "CHORUS_TEST_SECRET_EMPTY"));
}

/* Without a usable keyring (subprocesses) */

#define LOGGED_SECRET "never-logged-0b7c2e"

static GString *logged;

/* Keeps every log line, debug included, to check that no secret is in
 * any of them, then lets GLib handle it as usual. */
static GLogWriterOutput
record_log_writer (GLogLevelFlags   log_level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
        g_string_append_printf (logged, "%s\n", (const char *) fields[i].value);
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
assert_unavailable (const GError *error)
{
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, UNAVAILABLE_SENTENCE);
  g_assert_null (strstr (error->message, LOGGED_SECRET));
}

static void
test_no_service (void)
{
  g_autofree char *server = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Secret) secret = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  /* A bus that is not there: what a session without D-Bus looks like. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/chorus-test-bus", TRUE);
  logged = g_string_new (NULL);
  g_log_set_writer_func (record_log_writer, NULL, NULL);
  g_log_set_debug_enabled (TRUE);
  server = make_server ();

  g_assert_false (store_secret (server, "alice", CHORUS_SECRET_KIND_TOKEN, LOGGED_SECRET, &error));
  assert_unavailable (error);
  g_clear_error (&error);

  secret = lookup_secret (server, "alice", CHORUS_SECRET_KIND_TOKEN, &error);
  g_assert_null (secret);
  assert_unavailable (error);
  g_clear_error (&error);

  g_assert_false (clear_secret (server, "alice", CHORUS_SECRET_KIND_TOKEN, &error));
  assert_unavailable (error);
  g_clear_error (&error);

  /* The environment path never goes near the keyring. */
  g_setenv ("CHORUS_TEST_SECRET_TOKEN", LOGGED_SECRET, TRUE);
  secret = lookup_secret_full (server, "alice", CHORUS_SECRET_KIND_TOKEN,
                               "CHORUS_TEST_SECRET_TOKEN", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, LOGGED_SECRET);

  g_assert_cmpuint (logged->len, >, 0);  /* the failures were logged for debugging */
  g_assert_null (strstr (logged->str, LOGGED_SECRET));
}

/* Drops every method call sent to this connection, as a Secret Service
 * stuck on a prompt nobody sees would never answer. */
static GDBusMessage *
swallow_calls_filter (GDBusConnection *connection,
                      GDBusMessage    *message,
                      gboolean         incoming,
                      gpointer         user_data)
{
  if (incoming && g_dbus_message_get_message_type (message) == G_DBUS_MESSAGE_TYPE_METHOD_CALL)
    {
      g_object_unref (message);
      return NULL;
    }

  return message;
}

/* Kept to the end: closing the bus under the session connection would
 * make GDBus end the process. */
static GTestDBus *silent_bus;
static GDBusConnection *silent_service;

static void
start_silent_service (void)
{
  GDBusConnectionFlags flags = G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                               G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  guint32 status;

  silent_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (silent_bus);

  silent_service = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (silent_bus),
                                                           flags, NULL, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_add_filter (silent_service, swallow_calls_filter, NULL, NULL);

  /* 4 is DBUS_NAME_FLAG_DO_NOT_QUEUE. */
  reply = g_dbus_connection_call_sync (silent_service, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.secrets", 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &status);
  g_assert_cmpuint (status, ==, 1);  /* DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER */
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_silent_service (void)
{
  g_autoptr(GCancellable) cancellable = NULL;
  g_autofree char *server = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Secret) secret = NULL;
  gint64 start;
  gint64 elapsed_ms;

  if (!g_test_subprocess ())
    {
      g_autofree char *daemon = g_find_program_in_path ("dbus-daemon");

      if (daemon == NULL)
        {
          g_test_skip ("dbus-daemon is not installed");
          return;
        }

      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  start_silent_service ();
  server = make_server ();

  /* The deadline answers a call the service never does. */
  chorus_secrets_set_timeout (1);
  start = g_get_monotonic_time ();
  g_assert_false (store_secret (server, "alice", CHORUS_SECRET_KIND_TOKEN, LOGGED_SECRET, &error));
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  assert_unavailable (error);
  g_assert_cmpint (elapsed_ms, >=, 900);
  g_assert_cmpint (elapsed_ms, <, 5000);
  g_clear_error (&error);

  start = g_get_monotonic_time ();
  secret = lookup_secret (server, "alice", CHORUS_SECRET_KIND_TOKEN, &error);
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  g_assert_null (secret);
  assert_unavailable (error);
  g_assert_cmpint (elapsed_ms, <, 5000);
  g_clear_error (&error);

  /* The caller's cancellable answers at once, well before the deadline,
   * and as a cancellation rather than as a broken keyring. */
  chorus_secrets_set_timeout (60);
  cancellable = g_cancellable_new ();
  g_timeout_add (200, cancel_cb, cancellable);
  start = g_get_monotonic_time ();
  secret = lookup_secret_full (server, "alice", CHORUS_SECRET_KIND_TOKEN, NULL, cancellable,
                               &error);
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  g_assert_null (secret);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (elapsed_ms, <, 5000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chorus/secrets/keyring/round-trip", test_keyring_round_trip);
  g_test_add_func ("/chorus/secrets/keyring/replace", test_keyring_replace);
  g_test_add_func ("/chorus/secrets/keyring/accounts-apart", test_keyring_accounts_apart);
  g_test_add_func ("/chorus/secrets/keyring/no-account", test_keyring_no_account);
  g_test_add_func ("/chorus/secrets/env/value", test_env_value);
  g_test_add_func ("/chorus/secrets/env/unset", test_env_unset);
  g_test_add_func ("/chorus/secrets/env/empty", test_env_empty);
  g_test_add_func ("/chorus/secrets/unavailable/no-bus", test_no_service);
  g_test_add_func ("/chorus/secrets/unavailable/silent-service", test_silent_service);

  return g_test_run ();
}
