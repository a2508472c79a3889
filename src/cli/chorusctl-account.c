/* chorusctl-account.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-format.h"
#include "chorus-http.h"
#include "chorus-mastodon-auth.h"
#include "chorus-secrets.h"
#include "chorus-store-sources.h"
#include "chorusctl.h"

/* chorusctl account add NETWORK … and account list.
 *
 * A secret given on standard input goes to the keyring; a secret named by
 * an environment variable stays there, and only the variable's name is
 * stored. Neither ever reaches the workspace, the output or an error. */

#define MAX_SECRET_LENGTH 4096

typedef struct
{
  char     *server;
  char     *url;
  char     *handle;
  char     *username;
  char     *name;
  char     *token_env;
  char     *password_env;
  char     *api_key_env;
  gboolean  token_stdin;
  gboolean  password_stdin;
  gboolean  api_key_stdin;
  gboolean  no_mentions;
  GStrv     tags;
  GStrv     keywords;
  GStrv     categories;
} AddOptions;

static void
add_options_clear (AddOptions *options)
{
  g_free (options->server);
  g_free (options->url);
  g_free (options->handle);
  g_free (options->username);
  g_free (options->name);
  g_free (options->token_env);
  g_free (options->password_env);
  g_free (options->api_key_env);
  g_strfreev (options->tags);
  g_strfreev (options->keywords);
  g_strfreev (options->categories);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AddOptions, add_options_clear)

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

/* The first line of standard input, without its line break. */
static char *
read_secret_from_stdin (GError **error)
{
  char buffer[MAX_SECRET_LENGTH + 2];
  gsize length;

  if (fgets (buffer, sizeof buffer, stdin) == NULL)
    buffer[0] = '\0';

  length = strlen (buffer);
  while (length > 0 && (buffer[length - 1] == '\n' || buffer[length - 1] == '\r'))
    buffer[--length] = '\0';

  if (length == 0 || length > MAX_SECRET_LENGTH)
    {
      memset (buffer, 0, sizeof buffer);
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           _("No secret came on standard input: give it on the first line."));
      return NULL;
    }

  {
    char *secret = g_strdup (buffer);

    memset (buffer, 0, sizeof buffer);
    return secret;
  }
}

static void
free_secret (char *secret)
{
  if (secret != NULL)
    {
      memset (secret, 0, strlen (secret));
      g_free (secret);
    }
}

/* How a network's secret is given: the options that apply to it. */
typedef struct
{
  const char *network;
  const char *kind;
  const char *env_option;
  const char *stdin_option;
} SecretOptions;

static const SecretOptions secret_options[] = {
  { "mastodon", CHORUS_SECRET_KIND_TOKEN, "--token-env", "--token-stdin" },
  { "bluesky", CHORUS_SECRET_KIND_APP_PASSWORD, "--password-env", "--password-stdin" },
  { "discourse", CHORUS_SECRET_KIND_API_KEY, "--api-key-env", "--api-key-stdin" },
};

static const SecretOptions *
find_secret_options (const char *network)
{
  for (guint i = 0; i < G_N_ELEMENTS (secret_options); i++)
    if (g_strcmp0 (secret_options[i].network, network) == 0)
      return &secret_options[i];

  return NULL;
}

/* Options given that do not apply to @network make a usage error. */
static const char *
find_misplaced_option (const AddOptions *o,
                       const char       *network)
{
  gboolean feed = g_str_equal (network, "feed");
  gboolean mastodon = g_str_equal (network, "mastodon");
  gboolean bluesky = g_str_equal (network, "bluesky");
  gboolean discourse = g_str_equal (network, "discourse");

  if (o->url != NULL && !feed)
    return "--url";
  if (o->server != NULL && feed)
    return "--server";
  if ((o->token_env != NULL || o->token_stdin) && !mastodon)
    return o->token_env != NULL ? "--token-env" : "--token-stdin";
  if ((o->password_env != NULL || o->password_stdin) && !bluesky)
    return o->password_env != NULL ? "--password-env" : "--password-stdin";
  if ((o->api_key_env != NULL || o->api_key_stdin) && !discourse)
    return o->api_key_env != NULL ? "--api-key-env" : "--api-key-stdin";
  if (o->handle != NULL && !bluesky)
    return "--handle";
  if (o->username != NULL && !discourse)
    return "--username";
  if (o->categories != NULL && !discourse)
    return "--category";
  if ((o->tags != NULL || o->keywords != NULL) && !(mastodon || bluesky))
    return o->tags != NULL ? "--watch-tag" : "--watch-keyword";
  if (o->no_mentions && !(mastodon || bluesky))
    return "--no-mentions";

  return NULL;
}

static char *
join_list (GStrv        list,
           const char  *separator)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) clean = NULL;

  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    {
      g_autofree char *item = g_strstrip (g_strdup (list[i]));
      char *word = item;

      while (*separator == ' ' && *word == '#')
        word++;
      if (*word != '\0')
        g_strv_builder_add (builder, word);
    }

  clean = g_strv_builder_end (builder);
  return g_strjoinv (separator, clean);
}

/* Signs in with a Mastodon token to learn whose it is, so a wrong token is
 * refused before anything is stored. */
static ChorusMastodonAccount *
verify_mastodon_token (const char  *server,
                       const char  *token,
                       GError     **error)
{
  g_autoptr(ChorusHttp) http = chorus_http_new ();
  g_autoptr(GAsyncResult) result = NULL;

  chorus_mastodon_verify_credentials_async (http, server, token, NULL, on_done_cb, &result);

  return chorus_mastodon_verify_credentials_finish (http, wait_for (&result), error);
}

static gboolean
store_secret (const char  *network,
              const char  *server,
              const char  *account,
              const char  *kind,
              const char  *secret,
              GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  chorus_secrets_store_async (network, server, account, kind, secret, NULL, on_done_cb, &result);

  return chorus_secrets_store_finish (wait_for (&result), error);
}

static int
add_account (const ChorusctlCommand *command,
             const ChorusctlGlobals *globals,
             const char             *network,
             AddOptions             *o)
{
  const SecretOptions *secret_kind = find_secret_options (network);
  const char *server = g_str_equal (network, "feed") ? o->url : o->server;
  const char *env_name = o->token_env ? o->token_env : o->password_env ? o->password_env : o->api_key_env;
  gboolean from_stdin = o->token_stdin || o->password_stdin || o->api_key_stdin;
  g_autoptr(ChorusMastodonAccount) mastodon = NULL;
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *account = NULL;
  g_autofree char *host = NULL;
  g_autofree char *name = NULL;
  g_autofree char *hashtags = join_list (o->tags, " ");
  g_autofree char *keywords = join_list (o->keywords, "\n");
  g_autofree char *categories = join_list (o->categories, " ");
  char *secret = NULL;
  ChorusSourceSettings settings = { 0, };
  gint64 id;

  if (server == NULL)
    /* Translators: %s is a command-line option, --url or --server. */
    return chorusctl_usage_error (command, _("Give the address with %s."),
                                  g_str_equal (network, "feed") ? "--url" : "--server");
  if (g_str_equal (network, "bluesky") && o->handle == NULL)
    return chorusctl_usage_error (command, _("Give the Bluesky handle with --handle."));
  if (g_str_equal (network, "discourse") && o->username == NULL)
    return chorusctl_usage_error (command, _("Give the forum username with --username."));
  if (secret_kind != NULL && (env_name != NULL) == from_stdin)
    /* Translators: the two %s are command-line options, such as --token-env and --token-stdin. */
    return chorusctl_usage_error (command, _("Give the secret either with %s or with %s."),
                                  secret_kind->env_option, secret_kind->stdin_option);
  if (env_name != NULL && (*env_name == '\0' || strchr (env_name, '=') != NULL))
    /* Translators: %s is what was given as an environment variable's name. */
    return chorusctl_usage_error (command, _("“%s” is not the name of an environment variable."), env_name);

  if (!chorus_http_check_url (server, &error))
    return chorusctl_fail (error);

  if (from_stdin && !(secret = read_secret_from_stdin (&error)))
    return chorusctl_fail (error);

  host = chorus_http_dup_host (server);
  if (g_str_equal (network, "mastodon"))
    {
      const char *token = secret != NULL ? secret : g_getenv (env_name);

      if (token == NULL || *token == '\0')
        {
          g_set_error (&error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                       /* Translators: %s is the name of an environment variable, such as MASTODON_TOKEN. */
                       _("The environment variable %s is not set or is empty."), env_name);
          free_secret (secret);
          return chorusctl_fail (error);
        }

      if (!(mastodon = verify_mastodon_token (server, token, &error)))
        {
          free_secret (secret);
          return chorusctl_fail (error);
        }
      account = g_strdup (mastodon->acct);
      /* Translators: a source's name, an account on a server: "@ana on mastodon.social". */
      name = g_strdup_printf (_("@%s on %s"), account, host);
    }
  else if (g_str_equal (network, "bluesky"))
    {
      account = g_strdup (o->handle[0] == '@' ? o->handle + 1 : o->handle);
      name = g_strdup_printf (_("@%s on %s"), account, host);
    }
  else if (g_str_equal (network, "discourse"))
    {
      account = g_strdup (o->username);
      name = g_strdup_printf (_("@%s on %s"), account, host);
    }
  else
    name = g_strdup (host);

  settings.display_name = o->name != NULL ? o->name : name;
  settings.watch_mentions = !o->no_mentions && account != NULL;
  settings.watch_hashtags = hashtags;
  settings.watch_keywords = keywords;
  settings.watch_categories = categories;
  settings.secret_env = env_name;

  if (!(store = chorusctl_open_workspace (globals, &error)) ||
      (secret != NULL && !store_secret (network, server, account, secret_kind->kind, secret, &error)) ||
      !(id = chorus_store_add_account (store, network, server, account, &settings, &error)))
    {
      free_secret (secret);
      return chorusctl_fail (error);
    }

  free_secret (secret);
  g_print ("%" G_GINT64_FORMAT "\n", id);

  return CHORUSCTL_EXIT_OK;
}

static int
run_add (const ChorusctlCommand *command,
         const ChorusctlGlobals *globals,
         int                     argc,
         char                  **argv)
{
  g_auto(AddOptions) o = { 0, };
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &o.server, N_("The server’s or forum’s address"), N_("URL") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &o.url, N_("The feed’s address"), N_("URL") },
    { "handle", 0, 0, G_OPTION_ARG_STRING, &o.handle, N_("The Bluesky handle"), N_("HANDLE") },
    { "username", 0, 0, G_OPTION_ARG_STRING, &o.username, N_("The Discourse username"), N_("NAME") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &o.name, N_("How the source is named in Chorus"), N_("NAME") },
    { "token-env", 0, 0, G_OPTION_ARG_STRING, &o.token_env,
      N_("Read the Mastodon access token from this environment variable at each sync"), N_("VAR") },
    { "token-stdin", 0, 0, G_OPTION_ARG_NONE, &o.token_stdin,
      N_("Read the Mastodon access token from standard input and keep it in the keyring"), NULL },
    { "password-env", 0, 0, G_OPTION_ARG_STRING, &o.password_env,
      N_("Read the Bluesky app password from this environment variable at each sync"), N_("VAR") },
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &o.password_stdin,
      N_("Read the Bluesky app password from standard input and keep it in the keyring"), NULL },
    { "api-key-env", 0, 0, G_OPTION_ARG_STRING, &o.api_key_env,
      N_("Read the Discourse API key from this environment variable at each sync"), N_("VAR") },
    { "api-key-stdin", 0, 0, G_OPTION_ARG_NONE, &o.api_key_stdin,
      N_("Read the Discourse API key from standard input and keep it in the keyring"), NULL },
    { "watch-tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.tags, N_("Follow a hashtag (repeatable)"), N_("TAG") },
    { "watch-keyword", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.keywords,
      N_("Search for a word or phrase (repeatable)"), N_("WORD") },
    { "category", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.categories,
      N_("Read only this Discourse category (repeatable)"), N_("SLUG") },
    { "no-mentions", 0, 0, G_OPTION_ARG_NONE, &o.no_mentions, N_("Do not read the account’s mentions"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  const char *misplaced;
  int status;

  if ((status = chorusctl_parse_options (command, entries, &argc, &argv)) != CHORUSCTL_CONTINUE)
    return status;

  if (rest == NULL || g_strv_length (rest) != 2 || !g_str_equal (rest[0], "add"))
    return chorusctl_usage_error (command, _("Say “add” and the network: mastodon, bluesky, discourse or feed."));

  if (!g_str_equal (rest[1], "feed") && find_secret_options (rest[1]) == NULL)
    /* Translators: %s is the network given on the command line, such as “mastodon”. */
    return chorusctl_usage_error (command, _("Chorus does not know the network “%s”."), rest[1]);

  if ((misplaced = find_misplaced_option (&o, rest[1])) != NULL)
    /* Translators: the first %s is a command-line option, such as --username; the second a network, such as
     * “bluesky”. */
    return chorusctl_usage_error (command, _("%s does not apply to %s."), misplaced, rest[1]);

  return add_account (command, globals, rest[1], &o);
}

static int
run_list (const ChorusctlCommand *command,
          const ChorusctlGlobals *globals)
{
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;

  if (!(store = chorusctl_open_workspace (globals, &error)) ||
      !(sources = chorus_store_list_sources (store, &error)))
    return chorusctl_fail (error);

  for (guint i = 0; i < sources->len; i++)
    {
      ChorusSource *source = g_ptr_array_index (sources, i);
      g_auto(GStrv) hashtags = chorus_source_split_watch_list (chorus_source_get_watch_hashtags (source), FALSE);
      g_auto(GStrv) keywords = chorus_source_split_watch_list (chorus_source_get_watch_keywords (source), TRUE);
      g_auto(GStrv) categories = chorus_source_split_watch_list (chorus_source_get_watch_categories (source), FALSE);
      g_autoptr(GStrvBuilder) watches = g_strv_builder_new ();
      g_auto(GStrv) watch_list = NULL;
      g_autofree char *watching = NULL;
      g_autofree char *when = NULL;
      const char *health;

      if (chorus_source_get_is_sample (source))
        continue;

      if (chorus_source_get_watch_mentions (source) && chorus_source_get_account (source) != NULL)
        g_strv_builder_add (watches, _("mentions"));
      for (guint j = 0; hashtags[j] != NULL; j++)
        {
          g_autofree char *tag = g_strconcat ("#", hashtags[j], NULL);

          g_strv_builder_add (watches, tag);
        }
      for (guint j = 0; keywords[j] != NULL; j++)
        {
          g_autofree char *quoted = g_strdup_printf (_("“%s”"), keywords[j]);

          g_strv_builder_add (watches, quoted);
        }
      for (guint j = 0; categories[j] != NULL; j++)
        g_strv_builder_add (watches, categories[j]);
      watch_list = g_strv_builder_end (watches);
      watching = g_strjoinv (", ", watch_list);

      if (chorus_source_get_needs_reauth (source))
        health = _("needs sign-in again");
      else if (chorus_source_get_last_error (source) != NULL)
        health = chorus_source_get_last_error (source);
      else if (chorus_source_get_last_success (source) > 0)
        health = when = chorus_format_relative_time (g_get_real_time () / G_USEC_PER_SEC,
                                                     chorus_source_get_last_success (source));
      else
        health = _("not synced yet");

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\n",
               chorus_source_get_id (source),
               chorus_source_get_network (source),
               chorus_source_get_account (source) != NULL ? chorus_source_get_account (source) : "-",
               chorus_source_get_server_url (source),
               chorus_source_get_display_name (source),
               *watching != '\0' ? watching : "-",
               health);
    }

  return CHORUSCTL_EXIT_OK;
}

static int
run_account (const ChorusctlCommand *command,
             const ChorusctlGlobals *globals,
             int                     argc,
             char                  **argv)
{
  /* "list" takes no options; "add" has many: both parse through the same
   * help, so "account --help" shows every option. */
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    {
      g_auto(GStrv) rest = NULL;
      const GOptionEntry entries[] = {
        { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
        { NULL }
      };
      int status;

      if ((status = chorusctl_parse_options (command, entries, &argc, &argv)) != CHORUSCTL_CONTINUE)
        return status;
      if (rest == NULL || g_strv_length (rest) != 1)
        return chorusctl_usage_error (command, _("“account list” takes no more arguments."));

      return run_list (command, globals);
    }

  return run_add (command, globals, argc, argv);
}

const ChorusctlCommand chorusctl_account_command = {
  "account",
  N_("add mastodon|bluesky|discourse|feed [OPTION…] | list"),
  N_("Add an account or feed as a source, or list the sources with what they watch and their health"),
  TRUE,
  run_account,
};
