/* test-secrets-faults.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <sys/wait.h>
#include <unistd.h>

#include <libsecret/secret.h>

#include "chorus-error.h"
#include "chorus-secrets.h"
#include "chorus-test-util.h"

/* The keyring as people meet it when it is not simply there: a session
 * bus with no keyring on it (a minimal desktop, a remote session), and a
 * real gnome-keyring whose collection is locked, with no prompter to
 * unlock it. Each test runs in a subprocess on a private bus of its own
 * (libsecret keeps its connection for the life of the process). Both end
 * in one sentence, quickly: the keyring is locked or unavailable; never
 * "no password" for a password that is there, and never a hang. */

#define UNAVAILABLE_SENTENCE "The keyring is locked or unavailable, so Chorus cannot keep or read " \
                             "this account’s password."
#define SERVER "https://chorus-secrets-faults.invalid"

static gboolean
store_secret (const char  *secret,
              GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  chorus_secrets_store_async ("mastodon", SERVER, "alice", CHORUS_SECRET_KIND_TOKEN, secret, NULL,
                              chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  return chorus_secrets_store_finish (result, error);
}

static char *
lookup_secret (GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  chorus_secrets_lookup_async ("mastodon", SERVER, "alice", CHORUS_SECRET_KIND_TOKEN, NULL, NULL,
                               chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  return chorus_secrets_lookup_finish (result, error);
}

/* Both calls fail with the sentence, each well before its deadline. */
static void
assert_unavailable_quickly (void)
{
  g_autoptr(GError) error = NULL;
  char *secret;
  gint64 start = g_get_monotonic_time ();

  g_assert_false (store_secret ("s3cret-token", &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, UNAVAILABLE_SENTENCE);
  g_clear_error (&error);

  secret = lookup_secret (&error);
  g_assert_null (secret);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, UNAVAILABLE_SENTENCE);

  g_assert_cmpint ((g_get_monotonic_time () - start) / 1000, <, 8000);
}

/* The subprocess's bus. libsecret's proxies keep their connection to it
 * alive past the test, which g_test_dbus_down() would wait for in vain:
 * the bus is only stopped, and the object ends with the subprocess. */
static GTestDBus *private_bus;

static void
stop_bus (void)
{
  g_test_dbus_stop (private_bus);
}

/* A private session bus with nothing on it, as the session bus. */
static void
start_empty_bus (void)
{
  private_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (private_bus);
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", g_test_dbus_get_bus_address (private_bus), TRUE);
}

static gboolean
run_in_subprocess (void)
{
  g_autofree char *daemon = NULL;

  if (g_test_subprocess ())
    return TRUE;

  if ((daemon = g_find_program_in_path ("dbus-daemon")) == NULL)
    {
      g_test_skip ("dbus-daemon is not installed");
      return FALSE;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return FALSE;
}

static void
test_bus_without_keyring (void)
{
  if (!run_in_subprocess ())
    return;

  start_empty_bus ();
  chorus_secrets_set_timeout (10);
  assert_unavailable_quickly ();
  stop_bus ();
}

static gboolean
name_has_owner (gpointer data)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner", g_variant_new ("(s)", data),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

/* The daemon's first process may exit before the one it forked is on the
 * bus. */
static void
wait_for_name (const char *name)
{
  g_assert_true (chorus_test_spin_until (name_has_owner, (gpointer) name, 10000));
}

/* Starts gnome-keyring-daemon on the private bus, with a login keyring
 * it creates and unlocks with @password, in a home of its own. */
static void
start_keyring (const char *home,
               const char *password)
{
  g_autofree char *runtime = g_build_filename (home, "run", NULL);
  const char *argv[] = { "gnome-keyring-daemon", "--unlock", "--components=secrets", NULL };
  g_auto(GStrv) environment = NULL;
  g_autoptr(GError) error = NULL;
  GPid pid;
  int in;

  g_assert_cmpint (g_mkdir_with_parents (runtime, 0700), ==, 0);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");

  /* The daemon is not under test: our fatal warnings are not its. */
  environment = g_environ_unsetenv (g_get_environ (), "G_DEBUG");
  environment = g_environ_unsetenv (environment, "MALLOC_CHECK_");
  g_spawn_async_with_pipes (NULL, (char **) argv, environment,
                            G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &pid, &in, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (write (in, password, strlen (password)), ==, (gssize) strlen (password));
  close (in);
  /* With --unlock, the daemon forks into the background once it is on
   * the bus and has unlocked the keyring. */
  g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);
  g_spawn_close_pid (pid);
  wait_for_name ("org.freedesktop.secrets");
}

static void
lock_all (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretService) service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);
  GList *collections;
  gint locked;

  g_assert_no_error (error);
  collections = secret_service_get_collections (service);
  g_assert_nonnull (collections);
  locked = secret_service_lock_sync (service, collections, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (locked, ==, (gint) g_list_length (collections));
  g_list_free_full (collections, g_object_unref);
}

static void
test_locked_keyring (void)
{
  g_autofree char *home = NULL;
  char *secret;
  g_autoptr(GError) error = NULL;
  g_autofree char *daemon = g_find_program_in_path ("gnome-keyring-daemon");

  if (daemon == NULL)
    {
      g_test_skip ("gnome-keyring-daemon is not installed");
      return;
    }

  if (!run_in_subprocess ())
    return;

  home = chorus_test_make_temp_dir ();
  start_empty_bus ();
  start_keyring (home, "correct horse");
  chorus_secrets_set_timeout (10);

  /* Unlocked, the keyring works. */
  g_assert_true (store_secret ("s3cret-token", &error));
  g_assert_no_error (error);
  secret = lookup_secret (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "s3cret-token");
  chorus_secrets_free (secret);

  /* Locked, with no prompter to ask for the password: the password that
   * is there is not "missing", and nothing waits for a prompt. */
  lock_all ();
  assert_unavailable_quickly ();

  stop_bus ();
  chorus_test_remove_tree (home);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chorus/secrets-faults/bus-without-keyring", test_bus_without_keyring);
  g_test_add_func ("/chorus/secrets-faults/locked-keyring", test_locked_keyring);

  return g_test_run ();
}
