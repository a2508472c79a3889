/* chorus-post.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-post-private.h"

/* One post of a thread as the thread view shows it: an immutable snapshot
 * built by chorus_store_load_thread_async(), with its author, its place in
 * the reply tree (depth), its media and its poll. Every property is
 * read-only. Also the checks that stand between remote content and Pango
 * or the browser: which markup a label may get, which links may open. */

G_DEFINE_FINAL_TYPE (ChorusPost, chorus_post, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_URI,
  PROP_URL,
  PROP_NETWORK,
  PROP_AUTHOR_NAME,
  PROP_AUTHOR_HANDLE,
  PROP_AUTHOR_AVATAR_URL,
  PROP_AUTHOR_PROFILE_URL,
  PROP_CREATED_AT,
  PROP_EDITED_AT,
  PROP_LANGUAGE,
  PROP_TEXT,
  PROP_MARKUP,
  PROP_IS_OWN,
  PROP_DEPTH,
  PROP_REPLY_TO_URI,
  PROP_LIKE_COUNT,
  PROP_REPOST_COUNT,
  PROP_REPLY_COUNT,
  PROP_MEDIA,
  PROP_POLL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define MARKUP_ROOT "chorus-markup"

static void
check_element (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  static const char * const plain[] = { "b", "i", "tt", "s", NULL };
  const GSList *stack = g_markup_parse_context_get_element_stack (context);
  gboolean is_root = stack->next == NULL;

  if (is_root ? g_strcmp0 (element_name, MARKUP_ROOT) == 0
              : (g_strv_contains (plain, element_name) && attribute_names[0] == NULL))
    return;

  if (!is_root && g_strcmp0 (element_name, "a") == 0 &&
      attribute_names[0] != NULL && attribute_names[1] == NULL &&
      g_strcmp0 (attribute_names[0], "href") == 0 && chorus_post_link_is_safe (attribute_values[0]))
    return;

  g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
               "<%s> is not allowed here", element_name);
}

static void
chorus_post_finalize (GObject *object)
{
  ChorusPost *self = (ChorusPost *)object;

  g_free (self->uri);
  g_free (self->url);
  g_free (self->network);
  g_free (self->author_name);
  g_free (self->author_handle);
  g_free (self->author_avatar_url);
  g_free (self->author_profile_url);
  g_free (self->language);
  g_free (self->text);
  g_free (self->markup);
  g_free (self->reply_to_uri);
  g_ptr_array_unref (self->media);
  g_clear_pointer (&self->poll, chorus_post_poll_free);

  G_OBJECT_CLASS (chorus_post_parent_class)->finalize (object);
}

static void
chorus_post_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ChorusPost *self = CHORUS_POST (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_URI:
      g_value_set_string (value, self->uri);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_NETWORK:
      g_value_set_string (value, self->network);
      break;

    case PROP_AUTHOR_NAME:
      g_value_set_string (value, self->author_name);
      break;

    case PROP_AUTHOR_HANDLE:
      g_value_set_string (value, self->author_handle);
      break;

    case PROP_AUTHOR_AVATAR_URL:
      g_value_set_string (value, self->author_avatar_url);
      break;

    case PROP_AUTHOR_PROFILE_URL:
      g_value_set_string (value, self->author_profile_url);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_EDITED_AT:
      g_value_set_int64 (value, self->edited_at);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_MARKUP:
      g_value_set_string (value, self->markup);
      break;

    case PROP_IS_OWN:
      g_value_set_boolean (value, self->is_own);
      break;

    case PROP_DEPTH:
      g_value_set_uint (value, self->depth);
      break;

    case PROP_REPLY_TO_URI:
      g_value_set_string (value, self->reply_to_uri);
      break;

    case PROP_LIKE_COUNT:
      g_value_set_int64 (value, self->like_count);
      break;

    case PROP_REPOST_COUNT:
      g_value_set_int64 (value, self->repost_count);
      break;

    case PROP_REPLY_COUNT:
      g_value_set_int64 (value, self->reply_count);
      break;

    case PROP_MEDIA:
      g_value_set_boxed (value, self->media);
      break;

    case PROP_POLL:
      g_value_set_boxed (value, self->poll);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
int64_property (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0,
                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
chorus_post_class_init (ChorusPostClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_post_finalize;
  object_class->get_property = chorus_post_get_property;

  properties[PROP_ID] = int64_property ("id");
  properties[PROP_URI] = string_property ("uri");
  properties[PROP_URL] = string_property ("url");
  properties[PROP_NETWORK] = string_property ("network");
  properties[PROP_AUTHOR_NAME] = string_property ("author-name");
  properties[PROP_AUTHOR_HANDLE] = string_property ("author-handle");
  properties[PROP_AUTHOR_AVATAR_URL] = string_property ("author-avatar-url");
  properties[PROP_AUTHOR_PROFILE_URL] = string_property ("author-profile-url");
  properties[PROP_CREATED_AT] = int64_property ("created-at");
  properties[PROP_EDITED_AT] = int64_property ("edited-at");
  properties[PROP_LANGUAGE] = string_property ("language");
  properties[PROP_TEXT] = string_property ("text");
  properties[PROP_MARKUP] = string_property ("markup");
  properties[PROP_IS_OWN] =
    g_param_spec_boolean ("is-own", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEPTH] =
    g_param_spec_uint ("depth", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPLY_TO_URI] = string_property ("reply-to-uri");
  properties[PROP_LIKE_COUNT] = int64_property ("like-count");
  properties[PROP_REPOST_COUNT] = int64_property ("repost-count");
  properties[PROP_REPLY_COUNT] = int64_property ("reply-count");
  properties[PROP_MEDIA] =
    g_param_spec_boxed ("media", NULL, NULL, G_TYPE_PTR_ARRAY, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_POLL] =
    g_param_spec_boxed ("poll", NULL, NULL, CHORUS_TYPE_POST_POLL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_post_init (ChorusPost *self)
{
  self->media = g_ptr_array_new_with_free_func ((GDestroyNotify) chorus_post_media_free);
}

ChorusPost *
_chorus_post_new (void)
{
  return g_object_new (CHORUS_TYPE_POST, NULL);
}

gint64
chorus_post_get_id (ChorusPost *self)
{
  g_return_val_if_fail (CHORUS_IS_POST (self), 0);

  return self->id;
}

const char *
chorus_post_get_uri (ChorusPost *self)
{
  g_return_val_if_fail (CHORUS_IS_POST (self), NULL);

  return self->uri;
}

/**
 * chorus_post_get_url:
 * @self: a #ChorusPost
 *
 * Returns: (nullable): the post's web page on its network
 */
const char *
chorus_post_get_url (ChorusPost *self)
{
  g_return_val_if_fail (CHORUS_IS_POST (self), NULL);

  return self->url;
}

const char *
chorus_post_get_network (ChorusPost *self)
{
  g_return_val_if_fail (CHORUS_IS_POST (self), NULL);

  return self->network;
}

/**
 * chorus_post_get_author_name:
 * @self: a #ChorusPost
 *
 * Returns: (nullable): the author's display name; %NULL when the network
 *   gave none
 */
const char *
chorus_post_get_author_name (ChorusPost *self)
{
  g_return_val_if_fail (CHORUS_IS_POST (self), NULL);

  return self->author_name;
}

/**
 * chorus_post_get_author_handle:
 * @self: a #ChorusPost
 *
 * Returns: (nullable): the handle as the network shows it ("@ana@example.social")
 */
const char *
chorus_post_get_author_handle (ChorusPost *self)
{
  g_return_val_if_fail (CHORUS_IS_POST (self), NULL);

  return self->author_handle;
}

const char *
chorus_post_get_author_avatar_url (ChorusPost *self)
{
  g_return_val_if_fail (CHORUS_IS_POST (self), NULL);

  return self->author_avatar_url;
}

const char *
chorus_post_get_author_profile_url (ChorusPost *self)
{
  g_return_val_if_fail (CHORUS_IS_POST (self), NULL);

  return self->author_profile_url;
}

gint64
chorus_post_get_created_at (ChorusPost *self)
{
  g_return_val_if_fail (CHORUS_IS_POST (self), 0);

  return self->created_at;
}

/**
 * chorus_post_get_edited_at:
 * @self: a #ChorusPost
 *
 * Returns: when the post was last edited (Unix time), or 0 if never
 */
gint64
chorus_post_get_edited_at (ChorusPost *self)
{
  g_return_val_if_fail (CHORUS_IS_POST (self), 0);

  return self->edited_at;
}

const char *
chorus_post_get_language (ChorusPost *self)
{
  g_return_val_if_fail (CHORUS_IS_POST (self), NULL);

  return self->language;
}

const char *
chorus_post_get_text (ChorusPost *self)
{
  g_return_val_if_fail (CHORUS_IS_POST (self), NULL);

  return self->text;
}

/**
 * chorus_post_get_markup:
 * @self: a #ChorusPost
 *
 * Returns: the post as safe Pango markup (only b, i, tt, s and links with
 *   http, https or mailto targets), never %NULL
 */
const char *
chorus_post_get_markup (ChorusPost *self)
{
  g_return_val_if_fail (CHORUS_IS_POST (self), NULL);

  return self->markup;
}

gboolean
chorus_post_get_is_own (ChorusPost *self)
{
  g_return_val_if_fail (CHORUS_IS_POST (self), FALSE);

  return self->is_own;
}

/**
 * chorus_post_get_depth:
 * @self: a #ChorusPost
 *
 * Returns: how many replies deep the post is: 0 for the thread's root and
 *   for a post whose parent is not in the workspace
 */
guint
chorus_post_get_depth (ChorusPost *self)
{
  g_return_val_if_fail (CHORUS_IS_POST (self), 0);

  return self->depth;
}

const char *
chorus_post_get_reply_to_uri (ChorusPost *self)
{
  g_return_val_if_fail (CHORUS_IS_POST (self), NULL);

  return self->reply_to_uri;
}

gint64
chorus_post_get_like_count (ChorusPost *self)
{
  g_return_val_if_fail (CHORUS_IS_POST (self), 0);

  return self->like_count;
}

gint64
chorus_post_get_repost_count (ChorusPost *self)
{
  g_return_val_if_fail (CHORUS_IS_POST (self), 0);

  return self->repost_count;
}

gint64
chorus_post_get_reply_count (ChorusPost *self)
{
  g_return_val_if_fail (CHORUS_IS_POST (self), 0);

  return self->reply_count;
}

/**
 * chorus_post_get_media:
 * @self: a #ChorusPost
 *
 * Returns: (transfer none) (element-type ChorusPostMedia): the attachments,
 *   in the post's order; empty when there are none
 */
GPtrArray *
chorus_post_get_media (ChorusPost *self)
{
  g_return_val_if_fail (CHORUS_IS_POST (self), NULL);

  return self->media;
}

/**
 * chorus_post_get_poll:
 * @self: a #ChorusPost
 *
 * Returns: (transfer none) (nullable): the post's poll
 */
const ChorusPostPoll *
chorus_post_get_poll (ChorusPost *self)
{
  g_return_val_if_fail (CHORUS_IS_POST (self), NULL);

  return self->poll;
}

/**
 * chorus_post_link_is_safe:
 * @uri: (nullable): a link target
 *
 * Links in posts open in the browser or the mail program, and nothing
 * else: no javascript:, data:, file: or application schemes.
 *
 * Returns: whether @uri is an http, https or mailto address
 */
gboolean
chorus_post_link_is_safe (const char *uri)
{
  static const char * const schemes[] = { "http", "https", "mailto" };
  g_autofree char *scheme = NULL;

  if (uri == NULL || !(scheme = g_uri_parse_scheme (uri)))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (g_ascii_strcasecmp (scheme, schemes[i]) == 0)
      return TRUE;

  return FALSE;
}

/**
 * chorus_post_markup_is_safe:
 * @markup: (nullable): Pango markup
 *
 * Checks that @markup is well formed and uses only what chorus_html_convert()
 * writes: `<b>`, `<i>`, `<tt>`, `<s>` without attributes, and `<a>` with
 * only an href that chorus_post_link_is_safe() accepts.
 *
 * Returns: whether @markup may be given to a label as it is
 */
gboolean
chorus_post_markup_is_safe (const char *markup)
{
  static const GMarkupParser parser = { check_element, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *wrapped = NULL;

  if (markup == NULL || !g_utf8_validate (markup, -1, NULL))
    return FALSE;

  wrapped = g_strconcat ("<" MARKUP_ROOT ">", markup, "</" MARKUP_ROOT ">", NULL);
  context = g_markup_parse_context_new (&parser, G_MARKUP_DEFAULT_FLAGS, NULL, NULL);

  return g_markup_parse_context_parse (context, wrapped, -1, NULL) &&
         g_markup_parse_context_end_parse (context, NULL);
}
