/* chorus-source.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-source.h"

/* A connected account or feed, with its health. */

struct _ChorusSource
{
  GObject parent_instance;

  gint64 id;
  char *network;
  char *server_url;
  char *account;
  char *display_name;
  char *watch_hashtags;
  gboolean watch_mentions;
  char *watch_keywords;
  char *watch_categories;
  char *secret_env;
  gboolean is_sample;
  gboolean enabled;
  gint64 last_success;
  char *last_error;
  gboolean needs_reauth;
};

G_DEFINE_FINAL_TYPE (ChorusSource, chorus_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NETWORK,
  PROP_SERVER_URL,
  PROP_ACCOUNT,
  PROP_DISPLAY_NAME,
  PROP_WATCH_HASHTAGS,
  PROP_WATCH_MENTIONS,
  PROP_WATCH_KEYWORDS,
  PROP_WATCH_CATEGORIES,
  PROP_SECRET_ENV,
  PROP_IS_SAMPLE,
  PROP_ENABLED,
  PROP_LAST_SUCCESS,
  PROP_LAST_ERROR,
  PROP_NEEDS_REAUTH,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
chorus_source_finalize (GObject *object)
{
  ChorusSource *self = (ChorusSource *)object;

  g_free (self->network);
  g_free (self->server_url);
  g_free (self->account);
  g_free (self->display_name);
  g_free (self->watch_hashtags);
  g_free (self->watch_keywords);
  g_free (self->watch_categories);
  g_free (self->secret_env);
  g_free (self->last_error);

  G_OBJECT_CLASS (chorus_source_parent_class)->finalize (object);
}

static void
chorus_source_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ChorusSource *self = CHORUS_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NETWORK:
      g_value_set_string (value, self->network);
      break;

    case PROP_SERVER_URL:
      g_value_set_string (value, self->server_url);
      break;

    case PROP_ACCOUNT:
      g_value_set_string (value, self->account);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_WATCH_HASHTAGS:
      g_value_set_string (value, self->watch_hashtags);
      break;

    case PROP_WATCH_MENTIONS:
      g_value_set_boolean (value, self->watch_mentions);
      break;

    case PROP_WATCH_KEYWORDS:
      g_value_set_string (value, self->watch_keywords);
      break;

    case PROP_WATCH_CATEGORIES:
      g_value_set_string (value, self->watch_categories);
      break;

    case PROP_SECRET_ENV:
      g_value_set_string (value, self->secret_env);
      break;

    case PROP_IS_SAMPLE:
      g_value_set_boolean (value, self->is_sample);
      break;

    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;

    case PROP_LAST_SUCCESS:
      g_value_set_int64 (value, self->last_success);
      break;

    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;

    case PROP_NEEDS_REAUTH:
      g_value_set_boolean (value, self->needs_reauth);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_source_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ChorusSource *self = CHORUS_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_NETWORK:
      self->network = g_value_dup_string (value);
      break;

    case PROP_SERVER_URL:
      self->server_url = g_value_dup_string (value);
      break;

    case PROP_ACCOUNT:
      self->account = g_value_dup_string (value);
      break;

    case PROP_DISPLAY_NAME:
      self->display_name = g_value_dup_string (value);
      break;

    case PROP_WATCH_HASHTAGS:
      self->watch_hashtags = g_value_dup_string (value);
      break;

    case PROP_WATCH_MENTIONS:
      self->watch_mentions = g_value_get_boolean (value);
      break;

    case PROP_WATCH_KEYWORDS:
      self->watch_keywords = g_value_dup_string (value);
      break;

    case PROP_WATCH_CATEGORIES:
      self->watch_categories = g_value_dup_string (value);
      break;

    case PROP_SECRET_ENV:
      self->secret_env = g_value_dup_string (value);
      break;

    case PROP_IS_SAMPLE:
      self->is_sample = g_value_get_boolean (value);
      break;

    case PROP_ENABLED:
      self->enabled = g_value_get_boolean (value);
      break;

    case PROP_LAST_SUCCESS:
      self->last_success = g_value_get_int64 (value);
      break;

    case PROP_LAST_ERROR:
      self->last_error = g_value_dup_string (value);
      break;

    case PROP_NEEDS_REAUTH:
      self->needs_reauth = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_source_class_init (ChorusSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_source_finalize;
  object_class->get_property = chorus_source_get_property;
  object_class->set_property = chorus_source_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NETWORK] =
    g_param_spec_string ("network", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SERVER_URL] =
    g_param_spec_string ("server-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ACCOUNT] =
    g_param_spec_string ("account", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_WATCH_HASHTAGS] =
    g_param_spec_string ("watch-hashtags", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_WATCH_MENTIONS] =
    g_param_spec_boolean ("watch-mentions", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_WATCH_KEYWORDS] =
    g_param_spec_string ("watch-keywords", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_WATCH_CATEGORIES] =
    g_param_spec_string ("watch-categories", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SECRET_ENV] =
    g_param_spec_string ("secret-env", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_IS_SAMPLE] =
    g_param_spec_boolean ("is-sample", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LAST_SUCCESS] =
    g_param_spec_int64 ("last-success", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NEEDS_REAUTH] =
    g_param_spec_boolean ("needs-reauth", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_source_init (ChorusSource *self)
{
}

gint64
chorus_source_get_id (ChorusSource *self)
{
  g_return_val_if_fail (CHORUS_IS_SOURCE (self), 0);

  return self->id;
}

/* "mastodon", "bluesky", "discourse" or "feed". */
const char *
chorus_source_get_network (ChorusSource *self)
{
  g_return_val_if_fail (CHORUS_IS_SOURCE (self), NULL);

  return self->network;
}

/* The instance, forum or feed address. */
const char *
chorus_source_get_server_url (ChorusSource *self)
{
  g_return_val_if_fail (CHORUS_IS_SOURCE (self), NULL);

  return self->server_url;
}

/* The signed-in account, or %NULL for feeds. */
const char *
chorus_source_get_account (ChorusSource *self)
{
  g_return_val_if_fail (CHORUS_IS_SOURCE (self), NULL);

  return self->account;
}

const char *
chorus_source_get_display_name (ChorusSource *self)
{
  g_return_val_if_fail (CHORUS_IS_SOURCE (self), NULL);

  return self->display_name;
}

/* Hashtags to follow, without "#", separated by spaces. */
const char *
chorus_source_get_watch_hashtags (ChorusSource *self)
{
  g_return_val_if_fail (CHORUS_IS_SOURCE (self), NULL);

  return self->watch_hashtags;
}

/* Sources of the sample community cannot be synced. */
gboolean
chorus_source_get_is_sample (ChorusSource *self)
{
  g_return_val_if_fail (CHORUS_IS_SOURCE (self), FALSE);

  return self->is_sample;
}

gboolean
chorus_source_get_enabled (ChorusSource *self)
{
  g_return_val_if_fail (CHORUS_IS_SOURCE (self), FALSE);

  return self->enabled;
}

/* Unix time of the last complete sync, 0 if never. */
gint64
chorus_source_get_last_success (ChorusSource *self)
{
  g_return_val_if_fail (CHORUS_IS_SOURCE (self), 0);

  return self->last_success;
}

/* What went wrong last time, in plain words, or %NULL. */
const char *
chorus_source_get_last_error (ChorusSource *self)
{
  g_return_val_if_fail (CHORUS_IS_SOURCE (self), NULL);

  return self->last_error;
}

/* Whether the account must be signed in again. */
gboolean
chorus_source_get_needs_reauth (ChorusSource *self)
{
  g_return_val_if_fail (CHORUS_IS_SOURCE (self), FALSE);

  return self->needs_reauth;
}

/* Whether mentions of the account (notifications) are read. */
gboolean
chorus_source_get_watch_mentions (ChorusSource *self)
{
  g_return_val_if_fail (CHORUS_IS_SOURCE (self), FALSE);

  return self->watch_mentions;
}

/* Keywords to search for, separated by newlines. */
const char *
chorus_source_get_watch_keywords (ChorusSource *self)
{
  g_return_val_if_fail (CHORUS_IS_SOURCE (self), NULL);

  return self->watch_keywords;
}

/* Discourse category slugs to read, separated by spaces; none means all. */
const char *
chorus_source_get_watch_categories (ChorusSource *self)
{
  g_return_val_if_fail (CHORUS_IS_SOURCE (self), NULL);

  return self->watch_categories;
}

/* The environment variable holding the secret instead of the keyring, or
 * %NULL. Only the name is ever stored. */
const char *
chorus_source_get_secret_env (ChorusSource *self)
{
  g_return_val_if_fail (CHORUS_IS_SOURCE (self), NULL);

  return self->secret_env;
}

/* The entries of a watch list without empty ones and without a leading
 * "#": keywords (@phrases) are one per line, hashtags and categories are
 * separated by spaces, commas or lines. */
GStrv
chorus_source_split_watch_list (const char *list,
                                gboolean    phrases)
{
  g_auto(GStrv) words = g_strsplit_set (list != NULL ? list : "", phrases ? "\n" : " ,\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; words[i] != NULL; i++)
    {
      char *word = g_strstrip (words[i]);

      while (*word == '#')
        word++;
      if (*word != '\0')
        g_strv_builder_add (builder, word);
    }

  return g_strv_builder_end (builder);
}
