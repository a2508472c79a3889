/* chorus-secrets.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "chorus-error.h"
#include "chorus-secrets.h"

/* Tokens, app passwords and API keys live in the keyring (the Secret
 * Service, through libsecret), never in the workspace. For headless use a
 * source may instead name an environment variable that holds the secret;
 * only that name is stored (sources.secret_env).
 *
 * A locked keyring may answer with an unlock prompt nobody can see (a
 * headless session, an invisible screen), and a stuck service may never
 * answer at all, so every keyring call runs against a deadline: when it
 * passes, or when the caller cancels, the caller is answered at once and
 * the libsecret call is cancelled behind it. Whatever goes wrong with the
 * keyring reaches the caller as one sentence that never quotes the secret;
 * libsecret's own message goes to the debug log only.
 *
 * Secrets are handed out in libsecret's non-pageable memory, and
 * chorus_secrets_free() wipes them before freeing. */

static const SecretSchema secret_schema = {
  .name = "io.github.chorusapp.Chorus.Secret",
  .flags = SECRET_SCHEMA_NONE,
  .attributes = {
    { "network", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

static const char * const valid_kinds[] = {
  CHORUS_SECRET_KIND_TOKEN,
  CHORUS_SECRET_KIND_APP_PASSWORD,
  CHORUS_SECRET_KIND_API_KEY,
  CHORUS_SECRET_KIND_REFRESH_TOKEN,
  CHORUS_SECRET_KIND_CLIENT_SECRET,
};

#define MAX_TIMEOUT_SECONDS (24 * 60 * 60)

static guint timeout_seconds = CHORUS_SECRETS_DEFAULT_TIMEOUT_SECONDS;

/* One keyring call in flight; the task's data. */
typedef struct
{
  GHashTable   *attributes;
  GCancellable *cancellable;      /* handed to libsecret */
  GSource      *timeout_source;
  GSource      *cancelled_source; /* watches the caller's cancellable */
  gboolean      answered;
} Call;

static void
stop_watching (Call *call)
{
  if (call->timeout_source != NULL)
    {
      g_source_destroy (call->timeout_source);
      g_clear_pointer (&call->timeout_source, g_source_unref);
    }
  if (call->cancelled_source != NULL)
    {
      g_source_destroy (call->cancelled_source);
      g_clear_pointer (&call->cancelled_source, g_source_unref);
    }
}

static void
call_free (Call *call)
{
  stop_watching (call);
  g_clear_pointer (&call->attributes, g_hash_table_unref);
  g_clear_object (&call->cancellable);
  g_free (call);
}

/* Marks @task's call as answered, unless it already was (by the deadline
 * or the caller's cancellable), and then says whether to answer now. */
static gboolean
begin_answer (GTask *task)
{
  Call *call = g_task_get_task_data (task);

  if (call->answered)
    return FALSE;

  call->answered = TRUE;
  stop_watching (call);
  return TRUE;
}

static void
return_unavailable (GTask *task)
{
  g_task_return_new_error (task, CHORUS_ERROR, CHORUS_ERROR_FAILED, "%s",
                           _("The keyring is locked or unavailable, so Chorus cannot keep or read "
                             "this account’s password."));
}

/* Answers @task with what a failed libsecret call means to the caller. */
static void
return_keyring_error (GTask        *task,
                      const GError *error)
{
  if (g_task_return_error_if_cancelled (task))
    return;

  if (error != NULL)
    g_debug ("Keyring call failed: %s (%s, %d)",
             error->message, g_quark_to_string (error->domain), error->code);
  else
    g_debug ("Keyring call failed: the item is still locked");
  return_unavailable (task);
}

static gboolean
is_empty (const char *s)
{
  return s == NULL || *s == '\0';
}

static gboolean
keys_are_valid (const char *network,
                const char *server_url,
                const char *kind)
{
  return !is_empty (network) && server_url != NULL && chorus_secrets_is_valid_kind (kind);
}

static GHashTable *
build_attributes (const char *network,
                  const char *server_url,
                  const char *account,
                  const char *kind)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  /* A feed has no account; the attribute is then empty rather than missing,
   * so that lookups match exactly one entry. */
  g_hash_table_insert (attributes, (gpointer) "network", g_strdup (network));
  g_hash_table_insert (attributes, (gpointer) "server", g_strdup (server_url));
  g_hash_table_insert (attributes, (gpointer) "account", g_strdup (account ? account : ""));
  g_hash_table_insert (attributes, (gpointer) "kind", g_strdup (kind));

  return attributes;
}

static char *
dup_secret (const char *value)
{
  return secret_value_unref_to_password (secret_value_new (value, -1, "text/plain"), NULL);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);

  g_debug ("Keyring call timed out after %u s", g_atomic_int_get (&timeout_seconds));

  if (begin_answer (task))
    return_unavailable (task);
  g_cancellable_cancel (call->cancellable);

  return G_SOURCE_REMOVE;
}

static gboolean
on_caller_cancelled_cb (GCancellable *cancellable,
                        gpointer      user_data)
{
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);

  if (begin_answer (task))
    g_task_return_error_if_cancelled (task);
  g_cancellable_cancel (call->cancellable);

  return G_SOURCE_REMOVE;
}

/* Creates the task for a keyring call, with its deadline and a watch on
 * the caller's cancellable, both in the caller's main context. The sources
 * hold no reference: they are destroyed before the task is answered, and
 * the task lives on until libsecret calls back. */
static GTask *
new_keyring_task (GHashTable          *attributes,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data,
                  gpointer             source_tag)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Call *call = g_new0 (Call, 1);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);

  call->attributes = attributes;
  call->cancellable = g_cancellable_new ();

  /* Not g_timeout_source_new_seconds(), whose first tick may come early. */
  call->timeout_source = g_timeout_source_new (g_atomic_int_get (&timeout_seconds) * 1000);
  g_source_set_static_name (call->timeout_source, "[chorus] keyring deadline");
  g_source_set_callback (call->timeout_source, on_timeout_cb, task, NULL);
  g_source_attach (call->timeout_source, g_task_get_context (task));

  if (cancellable != NULL)
    {
      call->cancelled_source = g_cancellable_source_new (cancellable);
      g_source_set_static_name (call->cancelled_source, "[chorus] keyring cancelled");
      g_source_set_callback (call->cancelled_source, G_SOURCE_FUNC (on_caller_cancelled_cb),
                             task, NULL);
      g_source_attach (call->cancelled_source, g_task_get_context (task));
    }

  return task;
}

static void
on_store_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  gboolean stored;

  stored = secret_password_store_finish (result, &error);

  if (!begin_answer (task))
    return;

  if (!stored)
    return_keyring_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
return_not_found (GTask *task)
{
  g_task_return_new_error (task, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND, "%s",
                           _("The keyring holds no password for this account."));
}

/* Only non-empty text is a password; other programs may have stored
 * something else under our schema. */
static gboolean
is_text_value (SecretValue *value)
{
  gsize length;
  const char *data = secret_value_get (value, &length);

  return length > 0 && memchr (data, '\0', length) == NULL && g_utf8_validate (data, length, NULL);
}

static void
on_lookup_retrieved_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  SecretValue *value;
  char *secret;

  value = secret_retrievable_retrieve_secret_finish (SECRET_RETRIEVABLE (source), result, &error);

  if (!begin_answer (task))
    {
      g_clear_pointer (&value, secret_value_unref);
      return;
    }

  /* No value and no error: the item stayed locked. */
  if (value == NULL)
    {
      return_keyring_error (task, error);
      return;
    }

  if (!is_text_value (value))
    {
      secret_value_unref (value);
      return_not_found (task);
      return;
    }

  secret = secret_value_unref_to_password (value, NULL);

  g_task_return_pointer (task, secret, (GDestroyNotify) chorus_secrets_free);
}

/* Searching, then retrieving the one item found, rather than
 * secret_password_lookup(): in libsecret 0.20.5 each successful lookup
 * leaks the GetSecrets reply, secret included. */
static void
on_lookup_searched_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  Call *call = g_task_get_task_data (task);
  GList *items;

  items = secret_password_search_finish (result, &error);

  if (items != NULL && !call->answered)
    {
      secret_retrievable_retrieve_secret (items->data, call->cancellable,
                                          on_lookup_retrieved_cb, g_steal_pointer (&task));
    }
  else if (begin_answer (task))
    {
      if (error != NULL)
        return_keyring_error (task, error);
      else
        return_not_found (task);
    }

  g_list_free_full (items, g_object_unref);
}

static void
on_clear_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* FALSE without an error only means there was nothing to remove. */
  secret_password_clear_finish (result, &error);

  if (!begin_answer (task))
    return;

  if (error != NULL)
    return_keyring_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
lookup_env (GTask      *task,
            const char *env_name)
{
  const char *value = g_getenv (env_name);

  if (is_empty (value))
    {
      g_task_return_new_error (task, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                               /* Translators: %s is the name of an environment variable, such as
                                * BLUESKY_PASSWORD. */
                               _("The environment variable %s is not set or is empty, so Chorus "
                                 "has no password for this account."),
                               env_name);
      return;
    }

  g_task_return_pointer (task, dup_secret (value), (GDestroyNotify) chorus_secrets_free);
}

/**
 * chorus_secrets_is_valid_kind:
 * @kind: (nullable): a kind of secret
 *
 * Returns: %TRUE when @kind is one of the `CHORUS_SECRET_KIND_*` names:
 *   "token", "app-password", "api-key", "refresh-token" or "client-secret"
 */
gboolean
chorus_secrets_is_valid_kind (const char *kind)
{
  if (kind == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (valid_kinds); i++)
    {
      if (g_str_equal (kind, valid_kinds[i]))
        return TRUE;
    }

  return FALSE;
}

/**
 * chorus_secrets_set_timeout:
 * @seconds: how long a keyring call may take, up to a day, or 0 for
 *   %CHORUS_SECRETS_DEFAULT_TIMEOUT_SECONDS
 *
 * Sets, for the whole process, how long a keyring call may go unanswered
 * (a locked keyring may be waiting on a prompt nobody sees) before it fails
 * as unavailable. Calls already running keep their deadline.
 */
void
chorus_secrets_set_timeout (guint seconds)
{
  if (seconds == 0)
    seconds = CHORUS_SECRETS_DEFAULT_TIMEOUT_SECONDS;

  g_atomic_int_set (&timeout_seconds, MIN (seconds, MAX_TIMEOUT_SECONDS));
}

/**
 * chorus_secrets_store_async:
 * @network: the network, such as "mastodon"
 * @server_url: the server, as stored in sources.server_url
 * @account: (nullable): the account on that server, as stored in
 *   sources.account
 * @kind: what the secret is; see chorus_secrets_is_valid_kind()
 * @secret: the secret, not empty; it is copied, and never logged
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the keyring has the secret, or could not take it
 * @user_data: data for @callback
 *
 * Keeps @secret in the default keyring collection, replacing what was
 * stored before for the same network, server, account and kind.
 */
void
chorus_secrets_store_async (const char          *network,
                            const char          *server_url,
                            const char          *account,
                            const char          *kind,
                            const char          *secret,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autofree char *label = NULL;
  GTask *task;
  Call *call;

  g_return_if_fail (keys_are_valid (network, server_url, kind));
  g_return_if_fail (!is_empty (secret));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = new_keyring_task (build_attributes (network, server_url, account, kind),
                           cancellable, callback, user_data, chorus_secrets_store_async);
  call = g_task_get_task_data (task);

  /* Translators: the name of a keyring entry, as shown by Passwords and
   * Keys. The first %s is a kind of secret such as “token” or
   * “app-password”, the second an account, the third a server address. */
  label = g_strdup_printf (_("Chorus %s for %s on %s"),
                           kind, is_empty (account) ? network : account, server_url);

  secret_password_storev (&secret_schema, call->attributes, SECRET_COLLECTION_DEFAULT, label,
                          secret, call->cancellable, on_store_done_cb, task);
}

/**
 * chorus_secrets_store_finish:
 * @result: the result passed to the callback
 * @error: a location for a #GError
 *
 * A keyring that is locked, missing or does not answer in time gives
 * %CHORUS_ERROR_FAILED with one sentence for people; a cancelled call
 * gives %G_IO_ERROR_CANCELLED.
 *
 * Returns: %TRUE when the keyring holds the secret
 */
gboolean
chorus_secrets_store_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == chorus_secrets_store_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * chorus_secrets_lookup_async:
 * @network: the network, such as "mastodon"
 * @server_url: the server, as stored in sources.server_url
 * @account: (nullable): the account on that server
 * @kind: what the secret is; see chorus_secrets_is_valid_kind()
 * @env_name: (nullable): the name of an environment variable that holds
 *   the secret (sources.secret_env); when set and not empty, the variable
 *   is read instead and the keyring is not touched
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the secret, or when there is none
 * @user_data: data for @callback
 *
 * Finds the secret of an account.
 */
void
chorus_secrets_lookup_async (const char          *network,
                             const char          *server_url,
                             const char          *account,
                             const char          *kind,
                             const char          *env_name,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  Call *call;

  g_return_if_fail (keys_are_valid (network, server_url, kind));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  if (!is_empty (env_name))
    {
      g_autoptr(GTask) env_task = g_task_new (NULL, cancellable, callback, user_data);

      g_task_set_source_tag (env_task, chorus_secrets_lookup_async);
      lookup_env (env_task, env_name);
      return;
    }

  task = new_keyring_task (build_attributes (network, server_url, account, kind),
                           cancellable, callback, user_data, chorus_secrets_lookup_async);
  call = g_task_get_task_data (task);

  secret_password_searchv (&secret_schema, call->attributes, SECRET_SEARCH_UNLOCK,
                           call->cancellable, on_lookup_searched_cb, task);
}

/**
 * chorus_secrets_lookup_finish:
 * @result: the result passed to the callback
 * @error: a location for a #GError
 *
 * A missing secret, or an environment variable that is unset or empty,
 * gives %CHORUS_ERROR_NOT_FOUND; the sentence names the variable, never a
 * value. A keyring that is locked, missing or does not answer in time gives
 * %CHORUS_ERROR_FAILED; a cancelled call gives %G_IO_ERROR_CANCELLED.
 *
 * Returns: (transfer full) (nullable): the secret, in non-pageable memory
 *   that must be freed with chorus_secrets_free() (not g_free()), or %NULL
 *   with @error set
 */
char *
chorus_secrets_lookup_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == chorus_secrets_lookup_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * chorus_secrets_clear_async:
 * @network: the network, such as "mastodon"
 * @server_url: the server, as stored in sources.server_url
 * @account: (nullable): the account on that server
 * @kind: what the secret is; see chorus_secrets_is_valid_kind()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the secret is gone
 * @user_data: data for @callback
 *
 * Removes the secret of an account from the keyring. Removing a secret
 * that is not there succeeds.
 */
void
chorus_secrets_clear_async (const char          *network,
                            const char          *server_url,
                            const char          *account,
                            const char          *kind,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;
  Call *call;

  g_return_if_fail (keys_are_valid (network, server_url, kind));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = new_keyring_task (build_attributes (network, server_url, account, kind),
                           cancellable, callback, user_data, chorus_secrets_clear_async);
  call = g_task_get_task_data (task);

  secret_password_clearv (&secret_schema, call->attributes, call->cancellable,
                          on_clear_done_cb, task);
}

/**
 * chorus_secrets_clear_finish:
 * @result: the result passed to the callback
 * @error: a location for a #GError
 *
 * Errors are as for chorus_secrets_store_finish().
 *
 * Returns: %TRUE when the keyring no longer holds the secret
 */
gboolean
chorus_secrets_clear_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == chorus_secrets_clear_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * chorus_secrets_free:
 * @secret: (nullable) (transfer full): a secret from
 *   chorus_secrets_lookup_finish()
 *
 * Overwrites @secret and frees it.
 */
void
chorus_secrets_free (char *secret)
{
  if (secret != NULL)
    secret_password_free (secret);
}
