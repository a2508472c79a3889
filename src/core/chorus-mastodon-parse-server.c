/* chorus-mastodon-parse-server.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-mastodon-parse.h"
#include "chorus-parse-json-private.h"

/* What a Mastodon-API server says about itself rather than about posts:
 * its limits, the OAuth credentials it hands out, and the Link header it
 * pages with. */

static gint64
get_limit (JsonObject *object,
           const char *name,
           gint64      fallback)
{
  gint64 value = _chorus_json_get_int (object, name, -1);

  return value > 0 ? value : fallback;
}

/**
 * chorus_mastodon_parse_instance:
 * @data: the body of GET /api/v2/instance (or /api/v1/instance)
 * @length: the length of @data, or -1 when it is nul-terminated
 * @error: a location for a #GError
 *
 * Reads the status, poll and image limits. Akkoma and Pleroma state them
 * in their own members, which are read too; anything unstated keeps
 * Mastodon's default, except the image size, left at 0.
 *
 * Returns: (transfer full) (nullable): the limits
 */
ChorusMastodonLimits *
chorus_mastodon_parse_instance (const char  *data,
                                gssize       length,
                                GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  ChorusMastodonLimits *limits;
  JsonObject *instance;
  JsonObject *configuration;
  JsonObject *statuses;
  JsonObject *polls;
  JsonObject *media;
  JsonObject *legacy;

  g_return_val_if_fail (data != NULL, NULL);

  if (!(root = _chorus_json_load (data, length, error)))
    return NULL;

  /* v2 names its host "domain", v1 "uri". */
  instance = _chorus_json_object (root);
  if (_chorus_json_get_string (instance, "domain") == NULL &&
      _chorus_json_get_string (instance, "uri") == NULL)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   _("The Mastodon server’s reply does not describe the server."));
      return NULL;
    }

  configuration = _chorus_json_get_object (instance, "configuration");
  statuses = _chorus_json_get_object (configuration, "statuses");
  polls = _chorus_json_get_object (configuration, "polls");
  media = _chorus_json_get_object (configuration, "media_attachments");
  legacy = _chorus_json_get_object (instance, "poll_limits");

  limits = g_new0 (ChorusMastodonLimits, 1);
  limits->max_characters = get_limit (statuses, "max_characters",
                                      get_limit (instance, "max_toot_chars", 500));
  limits->max_poll_options = get_limit (polls, "max_options",
                                        get_limit (legacy, "max_options", 4));
  limits->max_characters_per_option = get_limit (polls, "max_characters_per_option",
                                                 get_limit (legacy, "max_option_chars", 50));
  limits->min_poll_expiration = get_limit (polls, "min_expiration",
                                           get_limit (legacy, "min_expiration", 300));
  limits->max_poll_expiration = get_limit (polls, "max_expiration",
                                           get_limit (legacy, "max_expiration", 2629746));
  limits->image_size_limit = get_limit (media, "image_size_limit", 0);

  return limits;
}

/**
 * chorus_mastodon_parse_app:
 * @data: the body of POST /api/v1/apps
 * @length: the length of @data, or -1 when it is nul-terminated
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the client credentials
 */
ChorusMastodonApp *
chorus_mastodon_parse_app (const char  *data,
                           gssize       length,
                           GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(ChorusMastodonApp) app = NULL;
  JsonObject *object;

  g_return_val_if_fail (data != NULL, NULL);

  if (!(root = _chorus_json_load (data, length, error)))
    return NULL;

  object = _chorus_json_object (root);
  app = g_new0 (ChorusMastodonApp, 1);
  app->client_id = _chorus_parse_dup_secret (_chorus_json_get_string (object, "client_id"));
  app->client_secret = _chorus_parse_dup_secret (_chorus_json_get_string (object, "client_secret"));
  if (app->client_id == NULL || app->client_secret == NULL)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   _("The Mastodon server did not register Chorus as an app."));
      return NULL;
    }

  return g_steal_pointer (&app);
}

/**
 * chorus_mastodon_parse_token:
 * @data: the body of POST /oauth/token
 * @length: the length of @data, or -1 when it is nul-terminated
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the access token
 */
ChorusMastodonToken *
chorus_mastodon_parse_token (const char  *data,
                             gssize       length,
                             GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(ChorusMastodonToken) token = NULL;
  JsonObject *object;

  g_return_val_if_fail (data != NULL, NULL);

  if (!(root = _chorus_json_load (data, length, error)))
    return NULL;

  object = _chorus_json_object (root);
  token = g_new0 (ChorusMastodonToken, 1);
  token->access_token = _chorus_parse_dup_secret (_chorus_json_get_string (object, "access_token"));
  if (token->access_token == NULL)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   _("The Mastodon server did not give Chorus an access token."));
      return NULL;
    }

  token->token_type = _chorus_parse_dup_secret (_chorus_json_get_string (object, "token_type"));
  if (token->token_type == NULL)
    token->token_type = g_strdup ("Bearer");
  token->scope = _chorus_parse_dup_nonempty (_chorus_json_get_string (object, "scope"));
  token->created_at = MAX (_chorus_json_get_int (object, "created_at", 0), 0);

  return g_steal_pointer (&token);
}

/* The Link header: `<url>; rel="next", <url>; rel="prev"`. Parameters
 * may be unquoted, missing or followed by a stray `;`. */

static gboolean
rel_matches (const char *params,
             gsize       length,
             const char *rel)
{
  g_autofree char *copy = g_ascii_strdown (params, length);
  g_auto(GStrv) parts = g_strsplit (copy, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      g_auto(GStrv) values = NULL;

      if (!g_str_has_prefix (part, "rel"))
        continue;
      part = g_strchug (part + 3);
      if (*part != '=')
        continue;

      values = g_strsplit_set (g_strstrip (part + 1), "\" \t,", -1);
      for (guint j = 0; values[j] != NULL; j++)
        if (g_strcmp0 (values[j], rel) == 0)
          return TRUE;
    }

  return FALSE;
}

/**
 * chorus_parse_link_header:
 * @header: (nullable): the value of an HTTP `Link` header
 * @next: (out) (optional) (nullable): the rel="next" URL (older items)
 * @prev: (out) (optional) (nullable): the rel="prev" URL (newer items)
 *
 * Only http and https URLs are returned; the caller still has to check
 * that they point at the server it asked.
 *
 * Returns: %TRUE when @header named a next or a previous page
 */
gboolean
chorus_parse_link_header (const char  *header,
                          char       **next,
                          char       **prev)
{
  g_autofree char *found_next = NULL;
  g_autofree char *found_prev = NULL;
  const char *p = header;
  gboolean any;

  while (p != NULL && *p != '\0')
    {
      const char *open = strchr (p, '<');
      const char *close = open != NULL ? strchr (open, '>') : NULL;
      const char *end;
      g_autofree char *url = NULL;

      if (close == NULL)
        break;

      /* Parameters run to the next link, which starts with `<`. */
      end = strchr (close, '<');
      if (end == NULL)
        end = close + strlen (close);

      url = g_strndup (open + 1, close - open - 1);
      g_strstrip (url);
      if (found_next == NULL && rel_matches (close + 1, end - close - 1, "next"))
        found_next = _chorus_parse_dup_url (url);
      else if (found_prev == NULL && rel_matches (close + 1, end - close - 1, "prev"))
        found_prev = _chorus_parse_dup_url (url);

      p = end;
    }

  any = found_next != NULL || found_prev != NULL;
  if (next != NULL)
    *next = g_steal_pointer (&found_next);
  if (prev != NULL)
    *prev = g_steal_pointer (&found_prev);

  return any;
}

/**
 * chorus_mastodon_limits_free:
 * @limits: (nullable): limits from chorus_mastodon_parse_instance()
 */
void
chorus_mastodon_limits_free (ChorusMastodonLimits *limits)
{
  g_free (limits);
}

/**
 * chorus_mastodon_app_free:
 * @app: (nullable): credentials from chorus_mastodon_parse_app()
 *
 * Frees @app, overwriting the client secret first.
 */
void
chorus_mastodon_app_free (ChorusMastodonApp *app)
{
  if (app == NULL)
    return;

  g_free (app->client_id);
  _chorus_parse_wipe_free (app->client_secret);
  g_free (app);
}

/**
 * chorus_mastodon_token_free:
 * @token: (nullable): a token from chorus_mastodon_parse_token()
 *
 * Frees @token, overwriting the access token first.
 */
void
chorus_mastodon_token_free (ChorusMastodonToken *token)
{
  if (token == NULL)
    return;

  _chorus_parse_wipe_free (token->access_token);
  g_free (token->token_type);
  g_free (token->scope);
  g_free (token);
}
